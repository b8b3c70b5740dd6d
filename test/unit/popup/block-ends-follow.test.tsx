import 'fake-indexeddb/auto';
import { act, createElement, isValidElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { confirmationOf } from '@/components/action-confirm';
import { ProfilePanel } from '@/entrypoints/popup/ProfilePanel';
import { createFeedPublisher } from '@/lib/services/outbox-feed';
import type { ActionBrief } from '@/lib/views';
import { withDialogStandIn } from '../support/dialog-page';
import { renderInPage } from '../support/react-page';
import { answerTab, withPopupPage } from './popup-page';
import { GRACE, profileContext, profileUser } from './post-context';

/**
 * On X, blocking an account ends your follow of it, and unblocking does not bring the follow back
 * (x-api--users--blocks--integrate, "What happens when you block": you can no longer follow them). Block's question
 * says so to a person who follows the account, and after Unblock the popup says why it offers Follow.
 */

const ACCOUNT = '1585841080431321088';
const BLOCK = { type: 'block', params: { userId: GRACE.id, username: GRACE.username } } as const;
const ALSO = 'Blocking @gracehop also unfollows them, and unblocking them later does not follow them again.';
const IF = 'If you follow @gracehop, blocking them also unfollows them, and unblocking them later does not follow them again.';
const AFTER = 'Unblocking does not bring back a follow that blocking ended: you don’t follow @gracehop now. Press Follow to follow them.';
const IF_AFTER =
  'If you followed @gracehop before blocking them, unblocking did not bring that follow back. Press Follow to follow them again.';

/** The words of a question's body, as the dialog shows them. */
const words = (body: ReactNode): string => (isValidElement(body) ? renderToStaticMarkup(body).replace(/<[^>]+>/g, ' ') : String(body));

describe('Block’s question', () => {
  it('says that blocking someone you follow also unfollows them, for good', () => {
    expect(words(confirmationOf(BLOCK, { following: true })?.body)).toContain(ALSO);
  });

  it('says it as an “if” when X did not say whether you follow them', () => {
    expect(words(confirmationOf(BLOCK, { following: 'unsaid' })?.body)).toContain(IF);
  });

  it('says nothing of a follow to someone you do not follow', () => {
    const body = words(confirmationOf(BLOCK, { following: false })?.body);
    expect(body).toContain('They will no longer be able to follow you');
    expect(body).not.toContain('unfollows them');
  });
});

withPopupPage();

// Block's question is a modal dialog, which linkedom cannot open by itself.
withDialogStandIn();

const publish = createFeedPublisher(fakeBrowser.storage.session);
const settle = () => act(() => new Promise((r) => setTimeout(r, 30)));

/**
 * The popup on Grace's profile after Unblock. `unblockFrom` says where and how: `followed here` — the person follows
 * her, presses Block here (X ends the follow), then Unblock; `here` — she was blocked before the popup opened (Perch does
 * not know whether a follow was ended), Unblock pressed here; `elsewhere` — the unblock settled before the popup opened.
 * Each press is sent by the outbox and answered by X. Returns the popup's buttons, its notes, and what Follow is
 * described by.
 */
async function afterUnblock(unblockFrom: 'followed here' | 'here' | 'elsewhere') {
  let relation = unblockFrom === 'elsewhere' ? {} : unblockFrom === 'here' ? { blocked: true } : { following: true };
  let actions: ActionBrief[] = unblockFrom === 'elsewhere' ? [{ seq: 9, type: 'unblock', state: 'done', notBefore: 0 }] : [];
  answerTab('tab.profile', () => profileContext({ user: profileUser(relation), actions }));
  const page = await renderInPage(createElement(ProfilePanel, { accountId: ACCOUNT, username: GRACE.username }), { settleMs: 50 });
  try {
    const doc = page.document;
    const buttons = () => [...doc.querySelectorAll<HTMLButtonElement>('.quick-actions button')];
    const press = async (label: string, seq: number, type: ActionBrief['type'], after: typeof relation) => {
      const button = buttons().find((b) => b.textContent === label);
      if (!button) throw new Error(`no ${label}`);
      await act(async () => button.click());
      await settle();
      const confirm = [...doc.querySelectorAll<HTMLButtonElement>('dialog button')].find(
        (b) => b.textContent === `Block @${GRACE.username}`,
      );
      if (confirm) {
        await act(async () => confirm.click());
        await settle();
      }
      await act(() => publish({ accountId: ACCOUNT, seq, type, state: 'sending', notBefore: 0 }));
      await settle();
      relation = after;
      actions = [{ seq, type, state: 'done', notBefore: 0 }];
      await act(() => publish({ accountId: ACCOUNT, seq, type, state: 'done', notBefore: 0 }));
      await settle();
      await settle();
    };
    for (let i = 0; i < 20 && !buttons().length; i++) await settle();
    if (unblockFrom === 'followed here') await press('Block', 9, 'block', { blocked: true });
    if (unblockFrom !== 'elsewhere') await press('Unblock', unblockFrom === 'here' ? 9 : 10, 'unblock', {});
    // Waits for the words a person reads after the unblock (Follow, and its note when there is one), not a fixed time.
    const noted = () =>
      unblockFrom === 'elsewhere' || [...doc.querySelectorAll('p.note')].some((p) => p.textContent?.includes('Press Follow'));
    for (let i = 0; i < 40 && !(buttons().some((b) => b.textContent === 'Follow') && noted()); i++) await settle();
    const follow = buttons().find((b) => b.textContent === 'Follow');
    const described = (follow?.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    return {
      buttons: buttons().map((b) => b.textContent ?? ''),
      notes: [...doc.querySelectorAll('p.note')].map((p) => p.textContent ?? ''),
      followDescribedBy: described.map((id) => doc.getElementById(id)?.textContent ?? '').join(' '),
    };
  } finally {
    await page.leave();
  }
}

describe('the popup on a profile after Unblock', () => {
  it('offers Follow and says unblocking did not bring the follow back, read with Follow too', async () => {
    const shown = await afterUnblock('followed here');
    expect(shown.buttons).toEqual(['Follow', 'Mute', 'Block', 'Add to list…']);
    expect(shown.notes).toContain(AFTER);
    expect(shown.followDescribedBy).toContain(AFTER);
  });

  it('says it as an “if” for an account blocked before, which the person may never have followed', async () => {
    const shown = await afterUnblock('here');
    expect(shown.buttons).toEqual(['Follow', 'Mute', 'Block', 'Add to list…']);
    expect(shown.notes).toContain(IF_AFTER);
    expect(shown.notes.join(' ')).not.toContain('Unblocking does not bring back');
    expect(shown.followDescribedBy).not.toContain('follow back');
  });

  it('says nothing of it for an unblock made before the popup opened', async () => {
    const shown = await afterUnblock('elsewhere');
    expect(shown.buttons).toContain('Follow');
    expect(shown.notes.join(' ')).not.toContain('Unblocking does not bring back');
    expect(shown.notes.join(' ')).not.toContain('bring that follow back');
  });
});
