import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PostPanel } from '@/entrypoints/popup/PostPanel';
import { ProfilePanel } from '@/entrypoints/popup/ProfilePanel';
import { createFeedPublisher, type ActionChange } from '@/lib/services/outbox-feed';
import { renderInPage } from '../support/react-page';
import { CUT, answerTab, withPopupPage } from './popup-page';
import { GRACE, POST_ID, postContext, profileContext, profileUser } from './post-context';

/**
 * The popup on a post or a profile reads the tab again when an action settles. When that read fails, the panel
 * stays, with its buttons and the focus where the person left it, and its problem line says the failure (as the List
 * panel does); each button shows X's own answer to the action — done: the state it asked for; refused: the state
 * before it — never "Sending to X…" for good. A first read that fails is still the whole panel's alert.
 */

const ACCOUNT = '1585841080431321088';
const POST = POST_ID;

withPopupPage();

const publish = createFeedPublisher(fakeBrowser.storage.session);
const settle = () => act(() => new Promise((r) => setTimeout(r, 30)));

async function render(element: ReturnType<typeof createElement>) {
  const page = await renderInPage(element, { settleMs: 50 });
  const doc = page.document;
  const buttons = () => [...doc.querySelectorAll<HTMLButtonElement>('.quick-actions button')];
  const button = (label: string) => buttons().find((b) => b.textContent?.trim() === label);
  for (let i = 0; i < 20 && !buttons().length && !doc.querySelector('[role="alert"]')?.textContent; i++) await settle();
  return {
    ...page,
    labels: () => buttons().map((b) => b.textContent?.trim()),
    button,
    pressed: () =>
      buttons()
        .filter((b) => b.classList.contains('on'))
        .map((b) => b.textContent?.trim()),
    busy: () =>
      buttons()
        .filter((b) => b.getAttribute('aria-busy') === 'true')
        .map((b) => b.textContent?.trim()),
    alerts: () => [...doc.querySelectorAll('[role="alert"]')].map((p) => p.textContent?.trim()).filter(Boolean),
    region: (name: string) => doc.querySelector(`section[aria-label="${name}"]`),
    /** Clicks the button; returns it, to see that the very element (where the focus is) stays on the page. */
    async click(label: string): Promise<HTMLButtonElement> {
      const b = button(label);
      if (!b) throw new Error(`no button ${label}`);
      await act(async () => b.click());
      await settle();
      return b;
    },
  };
}

/** The outbox's publication of action 9 moving on. */
async function outbox(type: string, state: ActionChange['state'], error?: ActionChange['error']) {
  await publish({ accountId: ACCOUNT, seq: 9, type, state, notBefore: 0, ...(error ? { error } : {}) });
  await settle();
  await settle();
}

const post = postContext();
const profile = profileContext();

describe('the popup when the read after an action fails', () => {
  it('on a post: keeps the panel, the button clicked, shows the like X made, and says the failure in its line', async () => {
    const bg = answerTab('tab.post', post);
    const page = await render(createElement(PostPanel, { accountId: ACCOUNT, username: 'ada', postId: POST }));
    try {
      const clicked = await page.click('Like');
      await outbox('like', 'sending');
      bg.mode = 'fail';
      await outbox('like', 'done');
      expect(page.region('This post')).not.toBeNull();
      expect(page.labels()).toContain('Unlike');
      expect(page.pressed()).toEqual(['Unlike']);
      expect(page.busy()).toEqual([]);
      // The button clicked is still on the page, now saying Unlike: the focus on it has not dropped to the page.
      expect(page.button('Unlike')).toBe(clicked);
      expect(clicked.isConnected).toBe(true);
      expect(page.alerts()).toHaveLength(1);
      expect(page.alerts()[0]).toContain(CUT);
    } finally {
      await page.leave();
    }
  });

  it('on a profile: a mute X refused shows Mute again, with the refusal and the failed read both said', async () => {
    const bg = answerTab('tab.profile', profile);
    const page = await render(createElement(ProfilePanel, { accountId: ACCOUNT, username: GRACE.username }));
    try {
      const clicked = await page.click('Mute');
      await outbox('mute', 'sending');
      bg.mode = 'fail';
      await outbox('mute', 'failed', { kind: 'forbidden', message: 'You may not mute this account.' });
      expect(page.region('@gracehop')).not.toBeNull();
      expect(page.labels()).toEqual(['Follow', 'Mute', 'Block', 'Add to list…']);
      expect(page.pressed()).toEqual([]);
      expect(page.busy()).toEqual([]);
      expect(page.button('Mute')).toBe(clicked);
      expect(clicked.isConnected).toBe(true);
      expect(page.alerts().join(' ')).toContain('You may not mute this account.');
      expect(page.alerts().join(' ')).toContain(CUT);
    } finally {
      await page.leave();
    }
  });

  it('on a profile: a follow X made shows Unfollow, not busy, and the failed read is said', async () => {
    const bg = answerTab('tab.profile', profile);
    const page = await render(createElement(ProfilePanel, { accountId: ACCOUNT, username: GRACE.username }));
    try {
      await page.click('Follow');
      await outbox('follow', 'sending');
      bg.mode = 'fail';
      await outbox('follow', 'done');
      expect(page.pressed()).toEqual(['Unfollow']);
      expect(page.busy()).toEqual([]);
      expect(page.alerts()).toEqual([expect.stringContaining(CUT)]);
    } finally {
      await page.leave();
    }
  });

  it('on a profile: Read again, there only after the read failed, reads once per press and clears the line', async () => {
    // What the store holds: not followed, until the follow X made is in it.
    const user = profileUser();
    const bg = answerTab('tab.profile', profileContext({ user }));
    const page = await render(createElement(ProfilePanel, { accountId: ACCOUNT, username: GRACE.username }));
    const readAgain = () => [...page.document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Read again');
    const reads = () =>
      vi.mocked(fakeBrowser.runtime.sendMessage).mock.calls.filter(([m]) => (m as unknown as { type: string }).type === 'tab.profile');
    try {
      expect(readAgain()).toBeUndefined();
      await page.click('Follow');
      await outbox('follow', 'sending');
      bg.mode = 'fail';
      await outbox('follow', 'done');
      expect(page.alerts()).toEqual([expect.stringContaining(CUT)]);
      const button = readAgain();
      expect(button).toBeDefined();

      // Still failing: one read, the failure said again, Read again still there.
      const before = reads().length;
      await act(async () => button!.click());
      await settle();
      expect(reads().length).toBe(before + 1);
      expect(page.alerts()).toEqual([expect.stringContaining(CUT)]);
      expect(readAgain()).toBe(button);

      bg.mode = 'answer';
      user.following = true;
      await act(async () => button!.click());
      await settle();
      expect(page.alerts()).toEqual([]);
      expect(readAgain()).toBeUndefined();
      expect(page.pressed()).toEqual(['Unfollow']);
      // Read: nothing reads on by itself (the follower's one read more, for the follow that settled, aside).
      const after = reads().length;
      await settle();
      await settle();
      expect(reads().length).toBe(after);
    } finally {
      await page.leave();
    }
  });

  it('a first read that fails is the whole panel’s alert, with no buttons', async () => {
    const bg = answerTab('tab.profile', profile);
    bg.mode = 'fail';
    const page = await render(createElement(ProfilePanel, { accountId: ACCOUNT, username: GRACE.username }));
    try {
      expect(page.region('@gracehop')).toBeNull();
      expect(page.labels()).toEqual([]);
      expect(page.alerts()).toEqual([expect.stringContaining(CUT)]);
    } finally {
      await page.leave();
    }
  });
});
