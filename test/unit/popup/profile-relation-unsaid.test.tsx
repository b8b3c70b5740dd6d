import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { ProfilePanel } from '@/entrypoints/popup/ProfilePanel';
import { renderInPage } from '../support/react-page';
import { answerTab, withPopupPage } from './popup-page';
import { GRACE, profileContext, profileUser } from './post-context';

/**
 * The popup on a profile whose answer from X carried a `connection_status` Perch cannot read (not a list): the
 * background marks the relation unsaid, and the buttons claim no state the store's rows might guess.
 */

const ACCOUNT = '1585841080431321088';

withPopupPage();

/** The quick actions' buttons and the notes, once the background answered `tab.profile` with `relation`. */
async function panelFor(relation: Parameters<typeof profileUser>[0]): Promise<{ buttons: string[]; pressed: string[]; notes: string[] }> {
  answerTab('tab.profile', profileContext({ user: profileUser(relation) }));
  const page = await renderInPage(createElement(ProfilePanel, { accountId: ACCOUNT, username: GRACE.username }), { settleMs: 50 });
  try {
    const row = () => page.document.querySelector('.quick-actions');
    for (let i = 0; i < 20 && !row(); i++) await act(() => new Promise((r) => setTimeout(r, 10)));
    const buttons = [...(row()?.querySelectorAll('button') ?? [])];
    return {
      buttons: buttons.map((b) => b.textContent ?? ''),
      pressed: buttons.filter((b) => b.classList.contains('on')).map((b) => b.textContent ?? ''),
      notes: [...page.document.querySelectorAll('p.note')].map((p) => p.textContent ?? ''),
    };
  } finally {
    await page.leave();
  }
}

const stored = { following: true, followRequested: false, muted: true, blocked: true };

describe('the popup on a profile X did not say the relation of', () => {
  it('offers both ways of each relation, none pressed, and says X did not say', async () => {
    const shown = await panelFor({ ...stored, relationUnsaid: true });
    expect(shown.buttons).toEqual(['Follow', 'Unfollow', 'Mute', 'Unmute', 'Block', 'Unblock', 'Add to list…']);
    expect(shown.pressed).toEqual([]);
    expect(shown.notes).toContain('X did not say whether you follow, mute or block @gracehop.');
  });

  it('shows the relation X said, one button each', async () => {
    const shown = await panelFor(stored);
    expect(shown.buttons).toEqual(['Unfollow', 'Unmute', 'Unblock', 'Add to list…']);
    expect(shown.pressed).toEqual(['Unfollow', 'Unmute', 'Unblock']);
    expect(shown.notes.join('')).not.toContain('X did not say');
  });
});
