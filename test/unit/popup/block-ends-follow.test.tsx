import 'fake-indexeddb/auto';
import { act, createElement, isValidElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { confirmationOf } from '@/components/action-confirm';
import { ProfilePanel } from '@/entrypoints/popup/ProfilePanel';
import { createFeedPublisher } from '@/lib/services/outbox-feed';
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

const publish = createFeedPublisher(fakeBrowser.storage.session);
const settle = () => act(() => new Promise((r) => setTimeout(r, 30)));

/**
 * The popup on Grace's profile, blocked (X ended the follow when the person blocked her); `unblockFrom` says where
 * the Unblock is pressed: here (a click on Unblock, then the outbox sends it and X answers) or elsewhere, settled
 * before the popup opened. Returns the popup's buttons, its notes, and what Follow is described by.
 */
async function afterUnblock(unblockFrom: 'here' | 'elsewhere') {
  let unblocked = unblockFrom === 'elsewhere';
  answerTab('tab.profile', () =>
    profileContext({
      user: profileUser({ blocked: !unblocked }),
      actions: unblocked ? [{ seq: 9, type: 'unblock', state: 'done', notBefore: 0 }] : [],
    }),
  );
  const page = await renderInPage(createElement(ProfilePanel, { accountId: ACCOUNT, username: GRACE.username }), { settleMs: 50 });
  try {
    const doc = page.document;
    const buttons = () => [...doc.querySelectorAll<HTMLButtonElement>('.quick-actions button')];
    for (let i = 0; i < 20 && !buttons().length; i++) await settle();
    if (unblockFrom === 'here') {
      const unblock = buttons().find((b) => b.textContent === 'Unblock');
      if (!unblock) throw new Error('no Unblock');
      await act(async () => unblock.click());
      await settle();
      await act(() => publish({ accountId: ACCOUNT, seq: 9, type: 'unblock', state: 'sending', notBefore: 0 }));
      await settle();
      unblocked = true;
      await act(() => publish({ accountId: ACCOUNT, seq: 9, type: 'unblock', state: 'done', notBefore: 0 }));
      await settle();
      await settle();
    }
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
    const shown = await afterUnblock('here');
    expect(shown.buttons).toEqual(['Follow', 'Mute', 'Block', 'Add to list…']);
    expect(shown.notes).toContain(AFTER);
    expect(shown.followDescribedBy).toContain(AFTER);
  });

  it('says nothing of it for an unblock made before the popup opened', async () => {
    const shown = await afterUnblock('elsewhere');
    expect(shown.buttons).toContain('Follow');
    expect(shown.notes.join(' ')).not.toContain('Unblocking does not bring back');
  });
});
