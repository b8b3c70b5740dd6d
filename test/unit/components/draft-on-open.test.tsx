import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Composer } from '@/components/Composer';
import { db } from '@/lib/db';
import { getDraft } from '@/lib/services/compose';
import { shareContext } from '@/lib/share-context';
import { freshDb } from '../services/support';
import { answerDrafts } from '../support/draft-background';
import { renderInPage, withComposerStubs, type ReactPage } from '../support/react-page';

/**
 * Opening the popup on a page shows the page's title and address in the box, and keeps nothing: the page becomes a
 * draft (counted in "Drafts (N)", with a "Clear draft" button) only once the person writes in it, or posts it as it is.
 * The background here is the real draft store (lib/services/compose.ts) on a fake IndexedDB.
 */

const ACCOUNT = '1585841080431321088';
const PAGE = 'https://example.com/reading';
const SHARED = `Reading ${PAGE}`;

withComposerStubs();

/** The drafts' texts as the background last had them when a post was asked for. */
let publishedTexts: string[] | undefined;

beforeEach(async () => {
  await freshDb();
  publishedTexts = undefined;
  answerDrafts({
    'post.publish': async ({ accountId, context }: { accountId: string; context: string }) => {
      publishedTexts = (await getDraft(accountId, context))?.posts.map((p) => p.text) ?? [];
      return { ids: ['1880028106020515841'], username: 'ada' };
    },
  });
});

/** Lets the background's answers and React settle. */
const settle = () => act(() => new Promise((r) => setTimeout(r, 20)));

/** The popup's composer sharing the page, opened and its draft read. */
async function openOnPage(): Promise<ReactPage> {
  const page = await renderInPage(
    createElement(Composer, { accountId: ACCOUNT, username: 'ada', context: shareContext(PAGE), initialText: SHARED }),
    { settleMs: 20 },
  );
  for (let i = 0; i < 3; i++) await settle();
  // The draft is read once the box shows text (the page's, or a stored draft's): wait for that, not for a clock.
  await vi.waitFor(() => expect(box(page).value).not.toBe(''), { timeout: 5000 });
  return page;
}

/**
 * The post box as React holds it: its shown text and its change handler (the test page's textarea keeps no value of
 * its own, so the box is read and typed into through the props React gave it).
 */
function box(page: ReactPage): { value: string; onChange: (e: { target: { value: string } }) => void } {
  const textarea = page.document.querySelector('textarea');
  if (!textarea) throw new Error('no post box');
  const key = Object.keys(textarea).find((k) => k.startsWith('__reactProps'));
  return (textarea as unknown as Record<string, ReturnType<typeof box>>)[key ?? ''] as ReturnType<typeof box>;
}
const buttons = (page: ReactPage) => [...page.document.querySelectorAll('button')].map((b) => b.textContent);
const storedTexts = async () => (await db().drafts.toArray()).map((d) => d.posts.map((p) => p.text).join(' | '));

/** Types `more` at the end of the box, as one change. */
async function type(page: ReactPage, more: string): Promise<void> {
  const { value, onChange } = box(page);
  await act(async () => onChange({ target: { value: `${value}${more}` } }));
  await settle();
}

describe('the popup opened on a page', () => {
  it('shows the page in the box, and keeps no draft and offers no Clear draft', async () => {
    const page = await openOnPage();
    try {
      expect(box(page).value).toBe(SHARED);
      expect(buttons(page)).not.toContain('Clear draft');
    } finally {
      await page.leave();
    }
    expect(await storedTexts()).toEqual([]);
  });

  it('keeps the draft from the first keystroke, with Clear draft, and reopens on it rather than the page', async () => {
    const page = await openOnPage();
    try {
      expect(await storedTexts()).toEqual([]);
      await type(page, '!');
      await vi.waitFor(() => expect(buttons(page)).toContain('Clear draft'), { timeout: 5000 });
    } finally {
      await page.leave();
    }
    expect(await storedTexts()).toEqual([`${SHARED}!`]);

    const again = await openOnPage();
    try {
      await vi.waitFor(() => expect(box(again).value).toBe(`${SHARED}!`), { timeout: 5000 });
      await vi.waitFor(() => expect(buttons(again)).toContain('Clear draft'), { timeout: 5000 });
    } finally {
      await again.leave();
    }
  });

  it('posts the page as it is, never changed', async () => {
    const page = await openOnPage();
    try {
      expect(await storedTexts()).toEqual([]);
      const post = [...page.document.querySelectorAll('button')].find((b) => b.textContent === 'Post');
      await act(async () => {
        post?.dispatchEvent(new page.window.Event('click', { bubbles: true }));
      });
      await vi.waitFor(() => expect(page.document.body.textContent).toContain('Your post is on X.'), { timeout: 5000 });
    } finally {
      await page.leave();
    }
    expect(publishedTexts).toEqual([SHARED]);
  });
});
