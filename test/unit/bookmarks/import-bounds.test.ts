import { beforeEach, describe, expect, it, vi } from 'vitest';
import { errorText } from '@/components/error-text';
import { readTagCounts } from '@/components/manager/use-bookmarks';
import { createHandlers } from '@/entrypoints/background/handlers';
import type { Services } from '@/entrypoints/background/services';
import { db } from '@/lib/db';
import { handle, type Reply } from '@/lib/message-contract';
import { freshDb } from '../services/support';

/** The bounds of a bookmarks import and of an account's tags: what is refused is said, and nothing stored is lost. */

const ADA = '1585841080431321088';
const handlers = createHandlers({} as Services);
const send = (message: Record<string, unknown>): Promise<Reply<unknown>> => handle(handlers, message);
const importJson = (json: string) => send({ type: 'bookmarks.import', accountId: ADA, json });
const file = (entries: { id: string; tags?: string[] }[]) => JSON.stringify({ exportedAt: '2026-11-30T00:00:00.000Z', bookmarks: entries });
const tagsFrom = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const worded = (reply: Reply<unknown>): string => (reply.ok ? '' : errorText(reply.error));
const stored = async () =>
  (await db().bookmarkNotes.where('accountId').equals(ADA).toArray()).map(({ postId, tags }) => ({ postId, tags }));
const organise = (postId: string, tags: string[]) => send({ type: 'bookmark.organise', accountId: ADA, postId, tags });

beforeEach(async () => {
  await freshDb();
  expect(await organise('5', ['before'])).toMatchObject({ ok: true });
});

describe('importing a file past a bound', () => {
  it.each([
    [
      'an entry with more tags than a bookmark carries',
      file([
        { id: '1', tags: ['a'] },
        { id: '2', tags: tagsFrom('t', 30) },
      ]),
      'Entry 2 of this file has 30 tags; a bookmark carries at most 20.',
    ],
    ['an id with leading zeros', file([{ id: '0001', tags: ['a'] }]), 'Entry 1 is not a bookmark'],
    ['an id longer than X’s 19 digits', file([{ id: '10765432100123456789', tags: ['a'] }]), 'Entry 1 is not a bookmark'],
    [
      'more different tags than an account keeps',
      file(Array.from({ length: 50 }, (_, i) => ({ id: String(i + 10), tags: tagsFrom(`e${i}-`, 20) }))),
      'That would make 1,001 different tags on this account’s bookmarks; Perch keeps at most 1,000.',
    ],
  ])('refuses %s in words, storing nothing and losing nothing', async (_what, json, words) => {
    const reply = await importJson(json);
    expect(reply).toMatchObject({ ok: false });
    expect(worded(reply)).toContain(words);
    expect(await stored()).toEqual([{ postId: '5', tags: ['before'] }]);
  });

  it('takes any 19-digit id, past 2^63 − 1 too: X’s ids are unsigned (fundamentals--x-ids)', async () => {
    const ids = ['9223372036854775807', '9223372036854775808', '9999999999999999999'];
    expect(await importJson(file(ids.map((id) => ({ id, tags: ['a'] }))))).toMatchObject({ ok: true, data: { notOnX: 3 } });
  });
});

describe('importing tags onto a bookmark that cannot carry them all', () => {
  it('keeps the stored tags first and says how many bookmarks were left some tags short', async () => {
    expect(await organise('1', tagsFrom('old', 15))).toMatchObject({ ok: true });
    const reply = await importJson(file([{ id: '1', tags: tagsFrom('new', 10) }]));
    expect(reply).toEqual({ ok: true, data: { matched: 0, notOnX: 1, unchanged: 0, tagsLeftOut: 1 } });
    const tags = (await stored()).find((r) => r.postId === '1')!.tags;
    expect(tags).toHaveLength(20);
    expect(tags).toEqual(expect.arrayContaining(tagsFrom('old', 15)));
  });

  it('says so when the same post listed twice in the file comes to more', async () => {
    const reply = await importJson(
      file([
        { id: '1', tags: tagsFrom('a', 15) },
        { id: '1', tags: tagsFrom('b', 10) },
      ]),
    );
    expect(reply).toMatchObject({ ok: true, data: { tagsLeftOut: 1 } });
  });
});

describe("an account's different tags", () => {
  it('refuses a new tag past the bound in words, and takes one the account already has', async () => {
    const full = Array.from({ length: 50 }, (_, i) => ({ id: String(i + 10), tags: tagsFrom(`e${i}-`, 20) }));
    // 999 different tags with 'before': one more fits, the one after that does not.
    full[0]!.tags = full[0]!.tags.slice(0, 18);
    expect(await importJson(file(full))).toMatchObject({ ok: true });
    expect(await organise('2', ['fits'])).toMatchObject({ ok: true });
    const reply = await organise('3', ['one-too-many']);
    expect(worded(reply)).toBe(
      'That would make 1,001 different tags on this account’s bookmarks; Perch keeps at most 1,000. Delete or rename some tags first.',
    );
    expect((await stored()).some((r) => r.postId === '3')).toBe(false);
    expect(await organise('3', ['fits', 'before'])).toMatchObject({ ok: true });
  });

  it('are counted for the tab in one read, however many there are', async () => {
    expect(
      await importJson(file(Array.from({ length: 10 }, (_, i) => ({ id: String(i + 10), tags: tagsFrom(`e${i}-`, 20) })))),
    ).toMatchObject({
      ok: true,
    });
    const where = vi.spyOn(db().bookmarkNotes, 'where');
    const orderBy = vi.spyOn(db().bookmarkNotes, 'orderBy');
    const counts = await readTagCounts(ADA);
    expect(counts).toHaveLength(201);
    expect(where.mock.calls.length + orderBy.mock.calls.length).toBe(1);
  });
});
