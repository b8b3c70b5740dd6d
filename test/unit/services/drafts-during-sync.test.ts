import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { act, createElement } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DraftsView } from '@/components/manager/drafts/DraftsView';
import { draftContextText } from '@/components/manager/drafts/draft-words';
import { db, type DraftRow } from '@/lib/db';
import { saveDraft } from '@/lib/services/compose';
import { listDrafts, readDrafts } from '@/lib/services/drafts';
import { draftWindowUrl } from '@/lib/services/drafts-open';
import type { DraftSummary } from '@/lib/views';
import { renderInPage } from '../support/react-page';
import { freshDb } from './support';

/**
 * The Drafts tab lists the drafts while the bookmarks' sync holds the posts and people in its writes (its first walk
 * takes most of a second): a draft carries the @username of the author of the post it replies to or quotes, as X named
 * them to the composer, so listing drafts waits for no table the sync writes. A draft kept before it carried them
 * still lists, and is named once the sync lets its author be read.
 */

const ADA = '111';
const GRACE = '222';
const POST = '1460323737035677698';
const QUOTED = '1460323737035677699';
const SEEN = '2026-03-01T08:00:00.000Z';

/** The people and posts X's bookmarks name, as the sync writes them. */
async function writeWhatTheSyncRead(): Promise<void> {
  await db().users.put({ accountId: ADA, id: GRACE, name: 'Grace', username: 'gracehop', seenAt: SEEN });
  const post = { accountId: ADA, authorId: GRACE, text: 'COBOL', urls: [], mediaCount: 0, seenAt: SEEN };
  await db().posts.bulkPut([
    { ...post, id: POST },
    { ...post, id: QUOTED },
  ]);
}

/**
 * A sync's write, held open as the bookmarks' sync holds it (sync-bookmarks.ts: bookmarks, posts, people, actions and
 * engagements in one read-write transaction), busy until `release` or a bound; `open` says whether it still is.
 */
function holdSyncWrite() {
  let holding = true;
  let open = true;
  let written!: () => void;
  const started = new Promise<void>((resolve) => (written = resolve));
  const d = db();
  const done = d
    .transaction('rw', [d.bookmarks, d.posts, d.users, d.actions, d.engagements], async () => {
      await writeWhatTheSyncRead();
      written();
      for (let i = 0; holding && i < 200_000; i++) await d.users.get([ADA, GRACE]);
    })
    .finally(() => (open = false));
  return {
    started,
    done,
    isOpen: () => open,
    release: () => {
      holding = false;
      return done;
    },
  };
}

/** A draft row as a Perch before the stored author kept it: no `authorUsername`. */
function keptBefore(context: string, extra: Partial<DraftRow>): DraftRow {
  return {
    key: `${ADA}|${context}`,
    accountId: ADA,
    context,
    posts: [{ text: `text of ${context}`, mediaIds: [] }],
    publishedIds: [],
    state: 'editing',
    seq: 1,
    updatedAt: '2026-03-01T09:00:00.000Z',
    ...extra,
  };
}

/** Lets the store's live queries and React settle, once. */
const turn = () => act(() => new Promise((r) => setTimeout(r, 10)));

beforeEach(async () => {
  fakeBrowser.reset();
  await freshDb();
});

describe('the drafts list during a sync', () => {
  it('lists a reply draft, named by its author, while a sync holds the posts and people in a write', async () => {
    // The composer on Grace's post saves the draft with her @username, as X named her to the popup.
    await saveDraft({
      accountId: ADA,
      context: `reply:${POST}`,
      seq: 1,
      posts: [{ text: 'Agreed', mediaIds: [] }],
      replyToId: POST,
      authorUsername: 'gracehop',
    });
    const sync = holdSyncWrite();
    await sync.started;
    let listed: DraftSummary[] | undefined;
    const reading = Dexie.ignoreTransaction(() => readDrafts(ADA)).then((r) => (listed = r.drafts));
    // Waits for the list, for as long as the sync's write stays open: it must come before the write ends.
    while (listed === undefined && sync.isOpen()) await new Promise((r) => setTimeout(r, 5));
    const duringSync = listed;
    await sync.release();
    await reading;
    expect(duringSync?.map(draftContextText)).toEqual(['Reply to @gracehop']);
    expect(duringSync?.[0]?.text).toBe('Agreed');
  });

  it('shows the Drafts tab during the sync, and names an older draft’s author once the sync lets it', async () => {
    await saveDraft({
      accountId: ADA,
      context: `reply:${POST}`,
      seq: 1,
      posts: [{ text: 'Agreed', mediaIds: [] }],
      replyToId: POST,
      authorUsername: 'gracehop',
    });
    await db().drafts.put(keptBefore(`quote:${QUOTED}`, { quoteId: QUOTED }));
    const sync = holdSyncWrite();
    await sync.started;
    const page = await Dexie.ignoreTransaction(() => renderInPage(createElement(DraftsView, { accountId: ADA }), { settleMs: 20 }));
    const rows = () => [...page.document.querySelectorAll('.drafts-context')].map((e) => e.textContent);
    try {
      for (let i = 0; i < 200 && !rows().length && sync.isOpen(); i++) await turn();
      const duringSync = { rows: rows(), open: sync.isOpen(), loading: page.document.body.textContent?.includes('Reading your drafts') };
      await act(() => sync.release());
      for (let i = 0; i < 200 && !rows().includes('Quote of @gracehop'); i++) await turn();
      // During the sync: both drafts, the older one without the author it does not carry yet, never a guess.
      expect(duringSync).toEqual({ rows: ['Reply to @gracehop', 'Quote of a post'], open: true, loading: false });
      expect(rows()).toEqual(['Reply to @gracehop', 'Quote of @gracehop']);
    } finally {
      await page.leave();
    }
  });
});

describe('the author a draft carries', () => {
  it('is kept through a save from a composer that was not told it, and never on a draft that answers no post', async () => {
    const reply = { accountId: ADA, context: `reply:${POST}`, replyToId: POST };
    await saveDraft({ ...reply, seq: 1, posts: [{ text: 'A', mediaIds: [] }], authorUsername: 'gracehop' });
    await saveDraft({ ...reply, seq: 2, posts: [{ text: 'Ag', mediaIds: [] }] });
    await saveDraft({ accountId: ADA, context: 'compose', seq: 1, posts: [{ text: 'Hi', mediaIds: [] }], authorUsername: 'gracehop' });
    expect((await db().drafts.get(`${ADA}|reply:${POST}`))?.authorUsername).toBe('gracehop');
    expect((await db().drafts.get(`${ADA}|compose`))?.authorUsername).toBeUndefined();
    // The store has not seen the post: the list names the author all the same.
    expect((await listDrafts(ADA)).map(draftContextText)).toEqual(['New post', 'Reply to @gracehop']);
    // One stored that is no @username (a row of another shape) is none: the post's author as the store has seen them.
    await writeWhatTheSyncRead();
    await db().drafts.put(keptBefore(`quote:${QUOTED}`, { quoteId: QUOTED, authorUsername: 'Grace Hopper' }));
    expect((await listDrafts(ADA)).map(draftContextText)).toEqual(['New post', 'Reply to @gracehop', 'Quote of @gracehop']);
  });

  it('reopens the draft on its post’s own address on x.com, though the store has not seen the post', async () => {
    await saveDraft({
      accountId: ADA,
      context: `reply:${POST}`,
      seq: 1,
      posts: [{ text: 'A', mediaIds: [] }],
      replyToId: POST,
      authorUsername: 'gracehop',
    });
    const url = new URL(await draftWindowUrl(ADA, `reply:${POST}`));
    expect(url.searchParams.get('url')).toBe(`https://x.com/gracehop/status/${POST}`);
  });
});
