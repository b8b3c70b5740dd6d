import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { ProfilePanel } from '@/entrypoints/popup/ProfilePanel';
import type { ProfileContext } from '@/lib/messaging';
import { readInJapanese } from '../locales/in-japanese';
import { renderInPage } from '../support/react-page';
import { answerTab, withPopupPage } from './popup-page';
import { profileContext } from './post-context';

/**
 * The popup on a profile Perch could not read: the background's `tab.profile` answer carries why, and what it carries
 * is not checked on its way. The alert always holds words a person can read.
 */

const ACCOUNT = '1585841080431321088';

withPopupPage();

/** The alert's words once the background answered `tab.profile` with no user and `error`. */
async function alertFor(error: unknown): Promise<string | undefined> {
  answerTab('tab.profile', profileContext({ user: null, error: error as NonNullable<ProfileContext['error']> }));
  const page = await renderInPage(createElement(ProfilePanel, { accountId: ACCOUNT, username: 'ghost' }), { settleMs: 50 });
  try {
    const alert = () => page.document.querySelector('[role="alert"]');
    for (let i = 0; i < 20 && !alert(); i++) await act(() => new Promise((r) => setTimeout(r, 10)));
    return alert()?.textContent ?? undefined;
  } finally {
    await page.leave();
  }
}

describe('the popup, for a profile Perch could not read', () => {
  it.each([
    ['empty, as Perch’s own refusals come', ''],
    ['blank', ' \n '],
    ['an object', { text: 'User not found' }],
    ['too long to be a sentence', 'a'.repeat(4001)],
  ])('says the account does not exist when the message is %s', async (_, message) => {
    expect(await alertFor({ kind: 'not-found', message })).toBe('@ghost doesn’t exist or is suspended.');
  });

  it('says so in Japanese to a Japanese reader', async () => {
    readInJapanese();
    expect(await alertFor({ kind: 'not-found', message: '' })).toBe('@ghostは存在しないか、凍結されています。');
  });

  it('shows the background’s message for X’s answer', async () => {
    expect(await alertFor({ kind: 'unavailable', message: 'X is not answering right now.' })).toBe('X is not answering right now.');
  });

  it('isolates a message that holds a direction control, so it cannot reorder what is shown around it', async () => {
    expect(await alertFor({ kind: 'unavailable', message: 'X said: “\u202Edesu\u202C”' })).toBe('\u2068X said: “\u202Edesu\u202C”\u2069');
  });
});
