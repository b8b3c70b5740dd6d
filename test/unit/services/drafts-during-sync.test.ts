import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { act, createElement } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DraftsView } from '@/components/manager/drafts/DraftsView';
import { draftContextText } from '@/components/manager/drafts/draft-words';
import { db, type DraftRow } from '@/lib/db';
import { saveDraft } from '@/lib/services/compose';
import { listDrafts, readDrafts, unnamedAuthors, unnamedPosts, withAuthors } from '@/lib/services/drafts';
import { draftWindowUrl } from '@/lib/services/drafts-open';
import { putUsers } from '@/lib/services/kept-rows';
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
    const { drafts } = await readDrafts(ADA);
    const inTab = withAuthors(drafts, await unnamedAuthors(ADA, unnamedPosts(drafts)));
    expect(inTab.map(draftContextText)).toEqual(['New post', 'Reply to @gracehop', 'Quote of @gracehop']);
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

/** Grace as the sync stored her, and as a later read of X names her after she changed her @username. */
const GRACE_BEFORE = { accountId: ADA, id: GRACE, name: 'Grace', username: 'gracehop', seenAt: SEEN };
const GRACE_NOW = { ...GRACE_BEFORE, username: 'grace_h', seenAt: '2026-03-02T08:00:00.000Z' };

/**
 * A read of X storing these users as the bookmarks' sync stores them (./kept-rows.ts `putUsers`, in the sync's write
 * of bookmarks, posts, people, actions and engagements), the write held open until `release` or a bound.
 */
function syncStoring(users: (typeof GRACE_NOW)[]) {
  let holding = true;
  let open = true;
  let stored!: () => void;
  const started = new Promise<void>((resolve) => (stored = resolve));
  const d = db();
  const done = d
    .transaction('rw', [d.bookmarks, d.posts, d.users, d.actions, d.engagements], async () => {
      await putUsers(d, users);
      stored();
      for (let i = 0; holding && i < 200_000; i++) await d.users.get([ADA, GRACE]);
    })
    .finally(() => (open = false));
  return { started, isOpen: () => open, release: () => ((holding = false), done) };
}

/** The account's drafts as the background answers `drafts.list`, when it answers while the sync's write is open. */
async function listedDuring(sync: { isOpen: () => boolean }): Promise<string[] | undefined> {
  let listed: DraftSummary[] | undefined;
  const reading = Dexie.ignoreTransaction(() => listDrafts(ADA)).then((r) => (listed = r));
  while (listed === undefined && sync.isOpen()) await new Promise((r) => setTimeout(r, 5));
  const during = listed?.map(draftContextText);
  await reading;
  return during;
}

describe('a draft’s author X renames', () => {
  it('is named by the new @username once a read of X stores it, without the list waiting for that write', async () => {
    await writeWhatTheSyncRead();
    const reply = { accountId: ADA, context: `reply:${POST}`, replyToId: POST, seq: 1, posts: [{ text: 'Agreed', mediaIds: [] }] };
    await saveDraft({ ...reply, authorUsername: 'gracehop' });
    // X reads usernames without regard to case: the composer may have been told "GraceHop".
    await saveDraft({
      accountId: ADA,
      context: `quote:${QUOTED}`,
      quoteId: QUOTED,
      seq: 1,
      posts: [{ text: 'Read', mediaIds: [] }],
      authorUsername: 'GraceHop',
    });
    // Another account's draft naming the same @username is about what that account's store read: left as it is.
    await db().drafts.put({
      ...keptBefore(`reply:${POST}`, { replyToId: POST, authorUsername: 'gracehop' }),
      key: `333|reply:${POST}`,
      accountId: '333',
    });
    const before = await db().drafts.get(`${ADA}|reply:${POST}`);
    const sync = syncStoring([GRACE_NOW]);
    await sync.started;
    const during = await listedDuring(sync);
    await sync.release();
    expect(during).toEqual(['Quote of @GraceHop', 'Reply to @gracehop']);
    await vi.waitFor(async () => expect((await listDrafts(ADA)).map(draftContextText)).toEqual(['Quote of @grace_h', 'Reply to @grace_h']));
    const after = await db().drafts.get(`${ADA}|reply:${POST}`);
    expect([after?.posts, after?.updatedAt, after?.seq]).toEqual([before?.posts, before?.updatedAt, before?.seq]);
    expect((await db().drafts.get(`333|reply:${POST}`))?.authorUsername).toBe('gracehop');
  });

  it('keeps the @username X gave when the store saw no rename, and follows a rename though another took the old one', async () => {
    await writeWhatTheSyncRead();
    const reply = { accountId: ADA, context: `reply:${POST}`, replyToId: POST, seq: 1, posts: [{ text: 'A', mediaIds: [] }] };
    await saveDraft({ ...reply, authorUsername: 'gracehop' });
    const names = async () => (await listDrafts(ADA)).map(draftContextText);
    await putUsers(db(), [{ ...GRACE_BEFORE, seenAt: GRACE_NOW.seenAt }]);
    expect(await names()).toEqual(['Reply to @gracehop']);
    await putUsers(db(), [GRACE_NOW]);
    expect(await names()).toEqual(['Reply to @grace_h']);
    // Grace renamed again, and Alan took her last @username in the same answer: the draft is on Grace's post.
    const later = '2026-03-03T08:00:00.000Z';
    await putUsers(db(), [
      { ...GRACE_NOW, username: 'grace_hopper', seenAt: later },
      { accountId: ADA, id: '333', name: 'Alan', username: 'grace_h', seenAt: later },
    ]);
    expect(await names()).toEqual(['Reply to @grace_hopper']);
  });

  it('leaves drafts.list answering during a sync’s write, a draft that carries no author among them', async () => {
    await saveDraft({ accountId: ADA, context: 'compose', seq: 1, posts: [{ text: 'Hi', mediaIds: [] }] });
    await db().drafts.put(keptBefore(`quote:${QUOTED}`, { quoteId: QUOTED }));
    const sync = holdSyncWrite();
    await sync.started;
    const during = await listedDuring(sync);
    await sync.release();
    expect(during).toEqual(['New post', 'Quote of a post']);
  });
});
