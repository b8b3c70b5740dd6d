import { act, createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/options/App';
import { sessionView } from '@/lib/storage';
import { readInJapanese } from '../locales/in-japanese';
import { renderInPage } from '../support/react-page';

/**
 * The settings page tells a person with accounts signed in what a new Client ID does to them: they keep the X app they
 * signed in with (X refreshes a grant only for the app that issued it) until the person signs in again as them.
 */

const ADA = { id: '1585841080431321088', name: 'Ada', username: 'ada' };

afterEach(() => vi.restoreAllMocks());

/** What the Client ID field says about itself (its accessible description), with `accounts` signed in. */
async function clientIdDescription(accounts: (typeof ADA)[]): Promise<string> {
  await sessionView.setValue({ accounts, activeAccountId: accounts[0]?.id ?? null, notice: null });
  // The background is not there: every message is refused, which the page shows as a status of its own.
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('no background'));
  const page = await renderInPage(createElement(App));
  try {
    for (let i = 0; i < 3; i++) await act(() => new Promise((r) => setTimeout(r, 10)));
    const label = [...page.document.querySelectorAll('label')].find((l) => /Client ID|クライアントID/.test(l.textContent ?? ''));
    const input = page.document.getElementById(label!.getAttribute('for')!)!;
    const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    return ids.map((id) => page.document.getElementById(id)?.textContent ?? '').join(' ');
  } finally {
    await page.leave();
  }
}

describe('the Client ID field', () => {
  it('says, while an account is signed in, that it keeps its X app until the person signs in again as it', async () => {
    expect(await clientIdDescription([ADA])).toBe(
      'Accounts signed in now keep using the X app they signed in with. To move one to a new Client ID, save it, then sign in again as that account: its drafts and bookmarks stay.',
    );
  });

  it('says it in Japanese to a Japanese reader', async () => {
    readInJapanese();
    expect(await clientIdDescription([ADA])).toMatch(/ログインしたときのXアプリを使い続けます/);
  });

  it('says nothing of accounts when none is signed in', async () => {
    expect(await clientIdDescription([])).toBe('');
  });
});
