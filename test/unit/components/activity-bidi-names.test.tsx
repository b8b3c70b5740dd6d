import 'fake-indexeddb/auto';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { FailedLineView } from '@/components/FailedLine';
import { ActionNote } from '@/components/manager/ActionNote';
import { ActivityView } from '@/components/manager/ActivityView';
import { BookmarkCard } from '@/components/manager/bookmarks/BookmarkCard';
import { relationTexts } from '@/components/manager/relation-texts';
import { UserIdentity } from '@/components/manager/UserLookup';
import { db } from '@/lib/db';
import { hasBidiControls } from '@/lib/text/bidi';
import { UserCard } from '@/entrypoints/popup/UserCard';
import { settle } from '../support/dialog-page';
import { noFailedLineActions } from '../support/failed-line-actions';
import { labelMismatches } from '../support/label-in-name';
import { renderInPage } from '../support/react-page';
import { withEmptyStore } from '../support/store';
import { actionRow } from '../support/action-row';

/**
 * An Activity row names its List by the List's name, isolated between FSI and PDI when the name holds a direction
 * mark ("Pin “Evil\u202E list”"): the row's visible words need that, so the U+202E reverses nothing after it. Its
 * controls' names (Undo, Retry, Cancel, View list) carried those marks too: a screen reader reads them, and voice
 * control users say names without them. Each name now holds the words without the marks, as the Lists tab's do
 * (list-name-labels.test.tsx); the visible words keep them. So do the popup's failed line and the names' tooltips.
 */

const ACCOUNT = '1585841080431321088';
const LIST = '1900000000000000001';
const EVIL = 'Evil\u202E list';
const at = '2026-12-05T16:00:00.000Z';

withEmptyStore();

const row = actionRow;

/** Every `aria-label` and `title` in the markup, as the browser reads them. */
function names(root: { querySelectorAll(q: string): ArrayLike<Element> }): string[] {
  return [...Array.from(root.querySelectorAll('[aria-label]')), ...Array.from(root.querySelectorAll('[title]'))].flatMap((e) =>
    ['aria-label', 'title'].flatMap((a) => e.getAttribute(a) ?? []),
  );
}

const attributes = (html: string) => [...html.matchAll(/\s(?:aria-label|title)="([^"]*)"/g)].map((m) => m[1]!);

describe('a name’s direction marks in the names of the controls around it', () => {
  it('stay out of the Activity rows’ control names, and in the rows’ words', async () => {
    const named = { listId: LIST, listName: EVIL };
    await db().actions.bulkAdd([
      row(1, 'list.pin', named),
      row(2, 'list.follow', named, { state: 'failed', error: { kind: 'unavailable' } }),
      row(3, 'list.pin', { listId: '1900000000000000002', listName: EVIL }, { state: 'queued', notBefore: Date.now() + 3_600_000 }),
    ]);
    const page = await renderInPage(createElement(ActivityView, { accountId: ACCOUNT }), { visible: true });
    try {
      await vi.waitFor(
        async () => {
          await settle();
          expect(page.document.querySelectorAll('li')).toHaveLength(3);
        },
        { timeout: 5000 },
      );
      const labels = names(page.document).filter((l) => l.includes('Evil'));
      expect(labels).toEqual(
        expect.arrayContaining([
          'Undo: Pin “Evil list”',
          'View list: Pin “Evil list”',
          'Retry: Follow “Evil list”',
          'Cancel: Pin “Evil list”',
        ]),
      );
      expect(labels.filter(hasBidiControls)).toEqual([]);
      // The rows' visible words keep the name isolated: its U+202E closed before the quote after it.
      const shown = [...page.document.querySelectorAll('.activity-label')].map((e) => e.textContent);
      expect(shown).toContain('Pin “\u2068Evil\u202E list\u2069”');
      expect(labelMismatches(page.container.innerHTML)).toEqual([]);
    } finally {
      await page.leave();
    }
  });

  it('stay out of the Undo on a tab’s line about its last action', async () => {
    await db().actions.add(row(1, 'list.pin', { listId: LIST, listName: EVIL }));
    const note = createElement(ActionNote, { accountId: ACCOUNT, seq: 1, onUndo: () => undefined });
    const page = await renderInPage(note, { visible: true });
    try {
      await vi.waitFor(
        async () => {
          await settle();
          expect(page.document.querySelector('button[data-undo]')).toBeTruthy();
        },
        { timeout: 5000 },
      );
      const undo = page.document.querySelector('button[data-undo]')!.getAttribute('aria-label') ?? '';
      expect(undo).toContain('Evil list');
      expect(hasBidiControls(undo)).toBe(false);
    } finally {
      await page.leave();
    }
  });

  it('stay out of the popup’s failed line’s buttons', () => {
    const note = { seq: 1, type: 'list.pin', params: { listId: LIST, listName: EVIL }, error: { kind: 'unavailable' }, at };
    const html = renderToStaticMarkup(<FailedLineView notes={[note, { ...note, seq: 2 }]} expanded on={noFailedLineActions} />);
    const labels = attributes(html).filter((l) => l.includes('Evil'));
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.filter(hasBidiControls)).toEqual([]);
  });

  it('stay out of the tooltips showing a cut name whole', () => {
    const user = { id: '2', name: 'Evil\u202E', username: 'paypal_support' };
    const titles = [renderToStaticMarkup(<UserIdentity user={user} />), renderToStaticMarkup(<UserCard user={user} />)].flatMap(attributes);
    expect(titles).toEqual(['Evil @paypal_support', 'Evil']);
  });

  it('stay out of a bookmark card’s name and its names’ tooltip, and in its shown names', () => {
    const SEEN = '2026-11-23T00:00:00.000Z';
    const author = { accountId: ACCOUNT, id: '2', name: 'Evil\u202E', username: 'paypal_support', seenAt: SEEN };
    const post = { accountId: ACCOUNT, id: '7', text: 'hello', urls: [], mediaCount: 0, seenAt: SEEN };
    const item = { postId: '7', position: 7, folderIds: [], searchText: '', tags: [], note: '', read: false, author, post };
    const html = renderToStaticMarkup(<BookmarkCard item={item} onRemove={() => undefined} />);
    const card = [...html.matchAll(/<article class="bookmarks-card" aria-label="([^"]*)"/g)].map((m) => m[1]);
    const tooltip = [...html.matchAll(/class="bookmarks-names" title="([^"]*)"/g)].map((m) => m[1]);
    expect([...card, ...tooltip]).toEqual(['Evil @paypal_support', 'Evil @paypal_support']);
    expect(html).toContain('<bdi>Evil\u202E</bdi>');
  });

  it('stay out of Unmute and Unblock naming an account by its name alone', () => {
    const entry = { id: '2', name: 'Evil\u202E Corp', username: '', position: 0, search: '' };
    expect(relationTexts('muted').remove.action(entry)).toBe('Unmute Evil Corp');
    expect(relationTexts('blocked').remove.action(entry)).toBe('Unblock Evil Corp');
  });
});
