import { beforeEach, describe, expect, it } from 'vitest';
import { errorText } from '@/components/error-text';
import { createHandlers } from '@/entrypoints/background/handlers';
import type { Services } from '@/entrypoints/background/services';
import { organiseBookmark } from '@/lib/bookmarks/notes';
import { db } from '@/lib/db';
import { bookmarksToJson, toJsonDocument, type ExportedBookmark } from '@/lib/export';
import { IMPORT_MAX_CHARS, IMPORT_MAX_ENTRIES } from '@/lib/limits';
import { handle } from '@/lib/message-contract';
import { freshDb } from '../services/support';

/** 'bookmarks.import' of Perch's own JSON export (issue 14): for a new machine or browser. */

const ADA = '1585841080431321088';
const GRACE = '1585841080431321099';
const NOW = Date.parse('2026-12-01T10:00:00.000Z');
const handlers = createHandlers({} as Services);
const importJson = (json: string, accountId = ADA) => handle(handlers, { type: 'bookmarks.import', accountId, json });

/** Ada's stored bookmarks: posts 1 to 4. */
async function bookmarks(): Promise<void> {
  await db().bookmarks.bulkPut(
    ['1', '2', '3', '4'].map((postId, i) => ({ accountId: ADA, postId, position: 4 - i, folderIds: [], searchText: '' })),
  );
}

const entry = (id: string, own: Partial<Pick<ExportedBookmark, 'tags' | 'note' | 'read'>> = {}, username = 'zoe'): ExportedBookmark => ({
  id,
  url: `https://x.com/${username}/status/${id}`,
  authorName: 'Zoë',
  authorUsername: username,
  segments: [{ text: `post ${id}` }],
  mediaCount: 0,
  folders: [],
  ...own,
});
const exportOf = (items: ExportedBookmark[]) => bookmarksToJson(items, { account: 'adaperch', exportedAt: '2026-11-30T00:00:00.000Z' });
const notes = async (accountId = ADA) =>
  (await db().bookmarkNotes.where('accountId').equals(accountId).toArray()).map(({ postId, tags, note, read, username }) => ({
    postId,
    tags,
    note,
    read,
    username,
  }));

const FILE = exportOf([
  entry('1', { tags: ['rust', 'to-read'], note: 'Chapter 3', read: true }),
  entry('2', { tags: [], note: '', read: false }),
  entry('3', { read: true }),
  // X no longer lists post 9 for Ada: it is kept, with its tags and note, as not on X.
  entry('9', { tags: ['gone'], note: 'From my old laptop' }, 'gracehop'),
]);

beforeEach(async () => {
  await freshDb();
  await bookmarks();
});

describe('importing a Perch bookmarks export', () => {
  it('restores tags, notes and read state onto matching bookmarks and keeps the rest as not on X', async () => {
    expect(await importJson(FILE)).toEqual({ ok: true, data: { matched: 2, notOnX: 1, unchanged: 1, tagsLeftOut: 0 } });
    expect(await notes()).toEqual([
      { postId: '1', tags: ['rust', 'to-read'], note: 'Chapter 3', read: true, username: 'zoe' },
      { postId: '3', tags: [], note: '', read: true, username: 'zoe' },
      { postId: '9', tags: ['gone'], note: 'From my old laptop', read: false, username: 'gracehop' },
    ]);
    expect(await notes(GRACE)).toEqual([]);
  });

  it('changes nothing and duplicates nothing the second time', async () => {
    await importJson(FILE);
    const once = await db().bookmarkNotes.toArray();
    expect(await importJson(FILE)).toEqual({ ok: true, data: { matched: 0, notOnX: 0, unchanged: 4, tagsLeftOut: 0 } });
    expect(await db().bookmarkNotes.toArray()).toEqual(once);
  });

  it('loses nothing already there: tags are joined, a note kept, read stays read', async () => {
    await organiseBookmark({ accountId: ADA, postId: '1', tags: ['mine'], note: 'Newer note', read: false }, NOW);
    expect(await importJson(FILE)).toMatchObject({ ok: true, data: { matched: 2 } });
    expect((await notes())[0]).toEqual({ postId: '1', tags: ['mine', 'rust', 'to-read'], note: 'Newer note', read: true, username: 'zoe' });
  });

  it('merges a post listed twice in one file into one entry', async () => {
    const twice = exportOf([entry('1', { tags: ['a'] }), entry('1', { tags: ['b'], note: 'n' })]);
    expect(await importJson(twice)).toEqual({ ok: true, data: { matched: 1, notOnX: 0, unchanged: 0, tagsLeftOut: 0 } });
    expect(await notes()).toEqual([{ postId: '1', tags: ['a', 'b'], note: 'n', read: false, username: 'zoe' }]);
  });

  it('reads back its own round trip: an export of what was imported imports as unchanged', async () => {
    await importJson(FILE);
    const rows = await db().bookmarkNotes.where('accountId').equals(ADA).toArray();
    const again = exportOf(rows.map((r) => entry(r.postId, { tags: r.tags, note: r.note, read: r.read }, r.username)));
    await freshDb();
    await bookmarks();
    expect(await importJson(again)).toEqual({ ok: true, data: { matched: 2, notOnX: 1, unchanged: 0, tagsLeftOut: 0 } });
    expect(await importJson(again)).toEqual({ ok: true, data: { matched: 0, notOnX: 0, unchanged: 3, tagsLeftOut: 0 } });
  });
});

describe('importing a file that is not a Perch bookmarks export', () => {
  const refused = async (json: string, words: string) => {
    await organiseBookmark({ accountId: ADA, postId: '2', tags: ['before'] }, NOW);
    const reply = await importJson(json);
    // Answered by kind, with no sentence of the worker's; the screen words it (components/error-text.ts).
    expect(reply).toMatchObject({ ok: false, error: { kind: 'error', message: '' } });
    expect(reply.ok ? '' : errorText(reply.error)).toContain(words);
    // Nothing written, nothing lost.
    expect(await notes()).toEqual([{ postId: '2', tags: ['before'], note: '', read: false, username: undefined }]);
  };

  it.each([
    ['text that is not JSON', 'id,url\n1,https://x.com/i/status/1', 'not a Perch bookmarks export'],
    ['JSON of something else', '{"hello": "world"}', 'not a Perch bookmarks export'],
    [
      'an export of muted accounts',
      toJsonDocument({ collection: 'muted', exportedAt: 'x' }, 'accounts', [{ id: '1' }], (r) => r),
      'not a Perch',
    ],
    ['a bookmark without an X post id', exportOf([entry('1')]).replace('"id": "1"', '"id": "one"'), 'Entry 1 is not a bookmark'],
    [
      'a tag that is no tag',
      exportOf([entry('1', { tags: ['ok', 'c++'] })]),
      'Entry 1 of this file has a tag that is not one: “\u2068c++\u2069”',
    ],
    ['a note that is too long', exportOf([entry('1', { note: 'a'.repeat(501) })]), 'note longer than 500'],
  ])('refuses %s with words that say so, writing nothing', async (_what, json, words) => {
    await refused(json, words);
  });

  it(`refuses more than ${IMPORT_MAX_ENTRIES} entries`, async () => {
    const json = JSON.stringify({ exportedAt: 'x', bookmarks: Array.from({ length: IMPORT_MAX_ENTRIES + 1 }, () => ({ id: '1' })) });
    await refused(json, `at most ${IMPORT_MAX_ENTRIES.toLocaleString('en')}`);
  });

  it('refuses a file over 20 MB in words, before reading it', async () => {
    await refused(`${FILE}${' '.repeat(IMPORT_MAX_CHARS)}`, 'more than 20 MB');
  });
});
