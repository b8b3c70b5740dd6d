import 'fake-indexeddb/auto';
import { parseHTML } from 'linkedom';
import { act, createElement, useRef, useState, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PostPanel } from '@/entrypoints/popup/PostPanel';
import { ProfilePanel } from '@/entrypoints/popup/ProfilePanel';
import { useFirstActionFocus } from '@/entrypoints/popup/use-first-action-focus';
import { useKeptFocus } from '@/entrypoints/popup/use-kept-focus';
import { recordQuoteRefused } from '@/lib/refusals';
import { createFeedPublisher, type ActionChange } from '@/lib/services/outbox-feed';
import { withFocus } from '../support/focus-standin';
import { renderInPage, withComposerStubs, type ReactPage } from '../support/react-page';
import { answerTab, stubPageMutationObserver, withPopupPage } from './popup-page';
import { POST_ID, postContext, profileContext, profileUser } from './post-context';

/**
 * Where the popup's focus goes when the control a keyboard user is on goes away under them (use-kept-focus.ts), and
 * where Read again sends it once its read comes back (ProblemLine.tsx, use-first-action-focus.ts `firstActionIn`):
 *   - Edit post goes when your own post's edit window runs out: the focus goes to Delete post, beside it in the same
 *     row — not to Bookmark, the first row's first button;
 *   - Reply (as Quote) opens the composer in the post’s section: the focus waits on Back to the post until the composer
 *     places it in its box, never on the page nor on a line still in that section (X's earlier refusal of a quote);
 *   - Back to the post (Reply's, Post a link to it's, Edit post's) goes with the composer: the focus goes back to the
 *     action that opened it, in its own row, not to the page;
 *     on a popup opened on a draft (no button opened the composer), to the post's first action;
 *   - the gate's Show this post pressed by keyboard, and X's read of the post refused: the focus waits on the line
 *     saying the post loads, then goes to Read again, never to the page;
 *   - Read again's read comes back with the panel's first button one the person cannot press (Requested): the focus
 *     goes to the first one they can, not to the page;
 *   - Requested (shown as unavailable, still in the Tab order) drawn afresh under the focus: the focus stays at its
 *     place in the row, not on the row's first control.
 * The panels are in the popup's main region with both focus hooks, as App.tsx has them.
 */

const ACCOUNT = '1585841080431321088';
const SELF = { id: ACCOUNT, name: 'Ada', username: 'ada', muted: false, blocked: false, following: false, followRequested: false };

withFocus();
withComposerStubs();
withPopupPage();

beforeEach(() => {
  // The hooks' page again, its Event and Element of one window.
  const { window } = parseHTML('');
  vi.stubGlobal('Event', window.Event);
  vi.stubGlobal('Element', window.Element);
  // As withComposerStubs does, again for each test: the stubs go after each one.
  vi.stubGlobal('requestIdleCallback', () => 0);
  vi.stubGlobal('cancelIdleCallback', () => undefined);
  stubPageMutationObserver();
});
afterEach(() => {
  vi.useRealTimers();
});

const publish = createFeedPublisher(fakeBrowser.storage.session);
const settle = () => act(() => new Promise((r) => setTimeout(r, 30)));

/** The popup's main region as App.tsx draws it around a panel: the first action's focus, and the kept focus. */
function Popup({ children }: { children: ReactNode }) {
  const main = useRef<HTMLElement>(null);
  useFirstActionFocus(main);
  useKeptFocus(main);
  return createElement('main', { ref: main }, children);
}

async function popup(panel: ReturnType<typeof createElement>) {
  const page: ReactPage = await renderInPage(createElement(Popup, null, panel), { settleMs: 50 });
  const doc = page.document;
  const button = (label: string) => [...doc.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === label);
  for (let i = 0; i < 20 && !doc.querySelector('.quick-actions button'); i++) await settle();
  return {
    ...page,
    button,
    /** What has the focus: its words (a control's label, a line's text), or "the page". */
    focus: () => (doc.activeElement === doc.body ? 'the page' : doc.activeElement?.textContent?.trim()),
    /** A keyboard user presses the button: the focus on it, then Enter. */
    async press(label: string) {
      const b = button(label);
      if (!b) throw new Error(`no button ${label}`);
      await act(async () => {
        b.focus();
        b.click();
      });
      await settle();
    },
  };
}

/** The outbox's publication of action 9 moving on. */
async function outbox(type: string, state: ActionChange['state']) {
  await publish({ accountId: ACCOUNT, seq: 9, type, state, notBefore: 0 });
  await settle();
  await settle();
}

describe('the popup keeps the focus where the control that had it went', () => {
  it('Edit post going when the edit window runs out: the focus goes to Delete post, in the same row', async () => {
    const start = Date.parse('2026-12-05T07:00:00Z');
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: start });
    const edit = {
      postId: POST_ID,
      editable: true,
      eligible: true,
      editableUntil: new Date(start + 8_000).toISOString(),
      editsRemaining: 4,
      media: false,
      text: 'Hello',
    };
    answerTab('tab.post', () => postContext({ author: SELF, edit }));
    const page = await popup(createElement(PostPanel, { accountId: ACCOUNT, username: 'ada', postId: POST_ID }));
    try {
      const row = page.button('Edit post')?.parentElement;
      expect([...row!.querySelectorAll('button')].map((b) => b.textContent?.trim())).toEqual(['Edit post', 'Delete post']);
      await act(async () => page.button('Edit post')!.focus());
      // The window runs out: the popup's clock, ticking every few seconds, takes Edit post away.
      await act(async () => vi.advanceTimersByTime(10_000));
      await settle();
      expect(page.button('Edit post')).toBeUndefined();
      expect(page.focus()).toBe('Delete post');
    } finally {
      await page.leave();
    }
  });

  it('Reply opening the composer: the focus never goes to X’s refusal of a quote, still on the page', async () => {
    // X refused a quote before (Enterprise-only) and the person reopened that quote from the Drafts tab: the popup is
    // back on the post, saying so.
    await recordQuoteRefused(ACCOUNT, Date.now());
    vi.stubGlobal('location', { search: '?draft=quote' });
    answerTab('tab.post', () => postContext({ author: profileUser() }));
    const page = await popup(createElement(PostPanel, { accountId: ACCOUNT, username: 'ada', postId: POST_ID }));
    try {
      for (let i = 0; i < 20 && !page.document.body.textContent?.includes('Enterprise plan'); i++) await settle();
      const refusal = [...page.document.querySelectorAll('[role="status"]')].find((p) => p.textContent?.includes('Enterprise plan'));
      expect(refusal).toBeDefined();
      const focused: string[] = [];
      page.document.addEventListener('focusin', (e) => focused.push((e.target as Element).textContent?.trim() ?? ''));
      await page.press('Reply');
      // The composer loads (its code comes on first use) and takes the focus in its text box. However long that code
      // takes to load on a busy machine: the test's own timeout is the bound.
      while (!page.document.querySelector('textarea')) await settle();
      await settle();
      expect(page.button('Back to the post')).toBeDefined();
      expect(page.document.activeElement?.tagName).toBe('TEXTAREA');
      // Until the box was drawn the focus waited on Back to the post, in the popup, not on the page.
      expect(focused.slice(1, 2)).toEqual(['Back to the post']);
      // Reply went with the composer's opening; the refusal line, still in the post's section, never took the focus.
      expect(focused.slice(1).some((words) => words.includes('Enterprise plan'))).toBe(false);
      expect(refusal!.hasAttribute('tabindex')).toBe(false);
    } finally {
      await page.leave();
    }
  });
});

describe('Back to the post gives the focus back to the action that opened the composer', () => {
  /** Your own post, X letting you edit it for 20 minutes more. */
  const editable = () => ({
    postId: POST_ID,
    editable: true,
    eligible: true,
    editableUntil: new Date(Date.now() + 20 * 60_000).toISOString(),
    editsRemaining: 4,
    media: false,
    text: 'Hello',
  });
  it.each([
    { opener: 'Reply', quote: 'perch', own: false },
    { opener: 'Post a link to it', quote: 'x.com', own: false },
    // In the second row, under Reply's: not the first row's Bookmark.
    { opener: 'Edit post', quote: 'perch', own: true },
  ] as const)('$opener, then Back to the post: the focus is on $opener again, not on the page', async ({ opener, quote, own }) => {
    const rules = { reply: 'perch', quote, block: 'perch' } as const;
    answerTab('tab.post', () =>
      own ? postContext({ author: SELF, edit: editable(), rules }) : postContext({ author: profileUser(), rules }),
    );
    const page = await popup(createElement(PostPanel, { accountId: ACCOUNT, username: 'ada', postId: POST_ID }));
    try {
      await page.press(opener);
      // However long the composer's code takes to load on a busy machine: the test's own timeout is the bound.
      while (!page.document.querySelector('textarea')) await settle();
      await settle();
      expect(page.document.activeElement?.tagName).toBe('TEXTAREA');
      await page.press('Back to the post');
      for (let i = 0; i < 20 && !page.button(opener); i++) await settle();
      expect(page.button('Back to the post')).toBeUndefined();
      expect(page.focus()).toBe(opener);
    } finally {
      await page.leave();
    }
  });
});

describe('Read again sends the focus to the first action a person can press', () => {
  it('skips Requested (a follow request waiting, not pressable) for Mute’s place once the read comes back', async () => {
    const profile = profileContext({ user: profileUser({ protected: true, followRequested: true }) });
    const bg = answerTab('tab.profile', () => profile);
    const page = await popup(createElement(ProfilePanel, { accountId: ACCOUNT, username: 'gracehop' }));
    try {
      expect(page.button('Requested')?.getAttribute('aria-disabled')).toBe('true');
      // A mute X made, and the read after it failed: Read again is offered.
      await page.press('Mute');
      await outbox('mute', 'sending');
      bg.mode = 'fail';
      await outbox('mute', 'done');
      expect(page.button('Read again')).toBeDefined();

      bg.mode = 'answer';
      profile.user!.muted = true;
      await page.press('Read again');
      expect(page.button('Read again')).toBeUndefined();
      expect(page.focus()).toBe('Unmute');
    } finally {
      await page.leave();
    }
  });
});

/** A popup page another page opened: its gate, whose Show this post draws the post's panel in its place (App.tsx). */
function Gated() {
  const [open, setOpen] = useState(false);
  return open
    ? createElement(PostPanel, { accountId: ACCOUNT, username: 'ada', postId: POST_ID })
    : createElement(
        'div',
        { className: 'popup-gate' },
        createElement('button', { type: 'button', onClick: () => setOpen(true) }, 'Show this post'),
      );
}

describe('the gate pressed by keyboard, and the post’s read refused', () => {
  it('the focus waits on the loading line, then goes to Read again, never to the page', async () => {
    const bg = answerTab('tab.post', () => postContext({ author: profileUser() }));
    bg.mode = 'hold';
    const page = await popup(createElement(Gated));
    try {
      const focused: string[] = [];
      page.document.addEventListener('focusin', (e) => focused.push((e.target as Element).textContent?.trim() ?? ''));
      await page.press('Show this post');
      for (let i = 0; i < 20 && bg.held.length === 0; i++) await settle();
      expect(page.focus()).toBe('Loading the post…');
      await act(async () => bg.held[0]!(false));
      await settle();
      await settle();
      expect(page.button('Read again')).toBeDefined();
      expect(page.focus()).toBe('Read again');
      expect(focused.slice(1)).toEqual(['Loading the post…', 'Read again']);
    } finally {
      await page.leave();
    }
  });
});

/** A row whose Requested is drawn afresh (a new element in its place) each time `redraw` is called. */
let redraw = () => {};
function RowRedrawn() {
  const [drawn, setDrawn] = useState(0);
  redraw = () => setDrawn((n) => n + 1);
  return createElement(
    'section',
    null,
    createElement(
      'div',
      { className: 'quick-actions', role: 'group', 'aria-label': 'Actions on @gracehop' },
      createElement('button', { type: 'button' }, 'Mute'),
      createElement('button', { type: 'button', key: `requested-${drawn}`, 'aria-disabled': 'true' }, 'Requested'),
      createElement('button', { type: 'button' }, 'Block'),
    ),
  );
}

describe('a control shown as unavailable, drawn afresh under the focus', () => {
  it('Requested keeps the focus at its own place in the row, not the row’s first control', async () => {
    const page = await popup(createElement(RowRedrawn));
    try {
      const before = page.button('Requested');
      await act(async () => before!.focus());
      await act(async () => redraw());
      await settle();
      expect(page.button('Requested')).not.toBe(before);
      expect(page.focus()).toBe('Requested');
    } finally {
      await page.leave();
    }
  });
});

describe('Back to the post on a popup opened on a reply’s draft (the Drafts tab)', () => {
  it('gives the focus to the post’s first action, not to the page: no button of this popup opened the composer', async () => {
    vi.stubGlobal('location', { search: '?draft=reply' });
    answerTab('tab.post', () => postContext({ author: profileUser() }));
    const page = await popup(createElement(PostPanel, { accountId: ACCOUNT, username: 'ada', postId: POST_ID }));
    try {
      // However long the composer's code takes to load on a busy machine: the test's own timeout is the bound.
      while (!page.document.querySelector('textarea')) await settle();
      await settle();
      expect(page.document.activeElement?.tagName).toBe('TEXTAREA');
      await page.press('Back to the post');
      await settle();
      expect(page.button('Reply')).toBeDefined();
      expect(page.focus()).toBe('Bookmark');
    } finally {
      await page.leave();
    }
  });
});
