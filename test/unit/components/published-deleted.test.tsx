import { act, createElement, useEffect, useState } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ActionChange } from '@/lib/services/outbox-feed';
import { withFocus } from '../support/focus-standin';
import { renderInPage, type ReactPage } from '../support/react-page';

/**
 * Walked in Firefox: a reply posted from the popup, then deleted with Delete → Delete post. Once X had deleted it,
 * the composer still said "Your post is on X." with its "View on X" link beside "Deleted." — a link to a post that
 * is gone, under a sentence that is no longer true. Now the sentence says it is deleted, and the link goes.
 */

/** The outbox's published states, as the screen's hook follows them (components/use-action-states.ts). */
const outbox = { states: new Map<number, ActionChange>(), listeners: new Set<() => void>() };
vi.mock('@/components/use-action-states', () => ({
  useActionStates: () => {
    const [, rerender] = useState(0);
    useEffect(() => {
      const l = () => rerender((n) => n + 1);
      outbox.listeners.add(l);
      return () => void outbox.listeners.delete(l);
    }, []);
    return new Map(outbox.states);
  },
}));

const { PublishedPosts } = await import('@/components/PublishedPosts');

const ACCOUNT = '1585841080431321088';
const change = (seq: number, state: ActionChange['state']): ActionChange => ({
  accountId: ACCOUNT,
  seq,
  type: 'post.delete',
  state,
  notBefore: 0,
});

async function publish(change: ActionChange): Promise<void> {
  await act(async () => {
    outbox.states.set(change.seq, change);
    for (const l of outbox.listeners) l();
  });
}

function click(page: ReactPage, label: string): Promise<void> {
  const button = [...page.document.querySelectorAll('button')].find((b) => b.textContent === label);
  if (!button) throw new Error(`no button ${label}`);
  return act(async () => {
    button.dispatchEvent(new page.window.Event('click', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 10));
  });
}

const textOf = (page: ReactPage) => page.container.querySelector('.published')!.textContent;
const links = (page: ReactPage) => [...page.container.querySelectorAll('a')].map((a) => a.textContent);

async function deleted(ids: string[], which: string[]): Promise<ReactPage> {
  let seq = 40;
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(() => Promise.resolve({ ok: true, data: { seq: ++seq } }) as never);
  const page = await renderInPage(
    createElement(PublishedPosts, {
      accountId: ACCOUNT,
      ids,
      username: 'adaperch',
      separately: false,
      onError: () => {},
      onWriteAnother: () => {},
    }),
  );
  for (const id of which) {
    const n = ids.indexOf(id) + 1;
    await click(page, ids.length > 1 ? `Delete post ${n}` : 'Delete');
    await click(page, 'Delete post');
    await publish(change(seq, 'sending'));
    await publish(change(seq, 'done'));
  }
  return page;
}

describe('a published post deleted from the composer', () => {
  withFocus();
  // The page's CSS.escape, which the test page (linkedom) has not: the ids here are digits.
  beforeAll(() => vi.stubGlobal('CSS', { escape: (s: string) => s }));
  afterAll(() => vi.unstubAllGlobals());
  afterEach(() => {
    outbox.states.clear();
    vi.restoreAllMocks();
  });

  it('no longer says it is on X, nor links to it', async () => {
    const page = await deleted(['1900000000000000001'], ['1900000000000000001']);
    try {
      expect(textOf(page)).toContain('Your post is deleted from X.');
      expect(textOf(page)).not.toContain('Your post is on X.');
      expect(links(page)).toEqual([]);
    } finally {
      await page.leave();
    }
  });

  it('says it once, on the line that holds the focus', async () => {
    const page = await deleted(['1900000000000000001'], ['1900000000000000001']);
    try {
      // Walked in Japanese: 「ポストをXから削除しました。」 and, on the post's row, 「削除しました。」 said it twice.
      expect(textOf(page)).toBe('Your post is deleted from X.Write another post');
      expect(page.document.activeElement?.textContent).toBe('Your post is deleted from X.');
    } finally {
      await page.leave();
    }
  });

  it('while it is being deleted, still says it is on X, with its link', async () => {
    const page = await deleted(['1900000000000000001'], []);
    try {
      await click(page, 'Delete');
      await click(page, 'Delete post');
      await publish(change(41, 'sending'));
      expect(textOf(page)).toContain('Your post is on X.');
      expect(textOf(page)).toContain('Deleting…');
      expect(links(page)).toEqual(['View on X']);
    } finally {
      await page.leave();
    }
  });

  it('in a thread, drops the link of the post deleted and keeps the others’', async () => {
    const ids = ['1900000000000000001', '1900000000000000002', '1900000000000000003'];
    const page = await deleted(ids, [ids[1]!]);
    try {
      expect(textOf(page)).toContain('Your thread of 3 posts is on X.');
      expect(textOf(page)).toContain('Post 2 deleted.');
      expect(links(page)).toEqual(['View post 1 on X', 'View post 3 on X']);
    } finally {
      await page.leave();
    }
  });
});
