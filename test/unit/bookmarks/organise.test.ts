import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readTagCounts, tagCounts } from '@/components/manager/use-bookmarks';
import { errorText } from '@/components/error-text';
import { createHandlers } from '@/entrypoints/background/handlers';
import type { Services } from '@/entrypoints/background/services';
import { db } from '@/lib/db';
import { handle, type Reply } from '@/lib/message-contract';
import { freshDb } from '../services/support';

/**
 * The background's answers to the Bookmarks tab's organising messages (issue 14), through the same `handle` the
 * message listener calls: each request validated against the contract, then the store written.
 */

const ADA = '1585841080431321088';
const GRACE = '1585841080431321099';
// These handlers use no X service: the store only.
const handlers = createHandlers({} as Services);
const send = (message: Record<string, unknown>): Promise<Reply<unknown>> => handle(handlers, message);
/** What the screen says for a refusal (components/error-text.ts), or '' for an answer that is no refusal. */
const worded = (reply: Reply<unknown>): string => (reply.ok ? '' : errorText(reply.error));
const ok = async (message: Record<string, unknown>) => {
  const reply = await send(message);
  if (!reply.ok) throw new Error(`${String(message.type)} failed: ${reply.error.message}`);
  return reply.data;
};
const notesOf = async (accountId: string) =>
  (await db().bookmarkNotes.where('accountId').equals(accountId).toArray()).map(({ postId, tags, note, read }) => ({
    postId,
    tags,
    note,
    read,
  }));

beforeEach(async () => {
  await freshDb();
  await db().posts.put({ accountId: ADA, id: '100', text: 'hello', authorId: '7', urls: [], mediaCount: 0, seenAt: '' });
  await db().users.put({ accountId: ADA, id: '7', name: 'Grace', username: 'gracehop', seenAt: '' });
});

describe('organising a bookmark', () => {
  it('sets only the fields given, normalising tags, and remembers the author for when X drops the bookmark', async () => {
    await ok({ type: 'bookmark.organise', accountId: ADA, postId: '100', tags: ['#Rust', 'to read', 'RUST'] });
    await ok({ type: 'bookmark.organise', accountId: ADA, postId: '100', note: '  Read this on the train  ' });
    await ok({ type: 'bookmark.organise', accountId: ADA, postId: '100', read: true });
    expect(await notesOf(ADA)).toEqual([{ postId: '100', tags: ['rust', 'to-read'], note: 'Read this on the train', read: true }]);
    expect((await db().bookmarkNotes.get([ADA, '100']))?.username).toBe('gracehop');
  });

  it('refuses a tag that is not one with words that name it, and writes nothing', async () => {
    await ok({ type: 'bookmark.organise', accountId: ADA, postId: '100', tags: ['keep'] });
    const reply = await send({ type: 'bookmark.organise', accountId: ADA, postId: '100', tags: ['fine', 'c++'], note: 'x' });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'error', message: '' } });
    expect(worded(reply)).toContain('“\u2068c++\u2069” is not a tag');
    expect(await notesOf(ADA)).toEqual([{ postId: '100', tags: ['keep'], note: '', read: false }]);
  });

  it('refuses a note over 500 characters, and a request that is not the contract’s', async () => {
    const long = await send({ type: 'bookmark.organise', accountId: ADA, postId: '100', note: 'a'.repeat(501) });
    expect(worded(long)).toBe('A note can be at most 500 characters (this one has 501).');
    expect(await send({ type: 'bookmark.organise', accountId: ADA, postId: 'abc', read: true })).toMatchObject({
      ok: false,
      error: { kind: 'bad-request' },
    });
    expect(await notesOf(ADA)).toEqual([]);
    // 500 characters counted as characters: 500 emoji fit.
    await ok({ type: 'bookmark.organise', accountId: ADA, postId: '100', note: '🐦'.repeat(500) });
    expect((await db().bookmarkNotes.get([ADA, '100']))?.note).toHaveLength(1000);
  });

  it('keeps no row once nothing is left, and forgets an entry on request', async () => {
    await ok({ type: 'bookmark.organise', accountId: ADA, postId: '100', tags: ['a'] });
    await ok({ type: 'bookmark.organise', accountId: ADA, postId: '100', tags: [] });
    expect(await notesOf(ADA)).toEqual([]);
    await ok({ type: 'bookmark.organise', accountId: ADA, postId: '100', note: 'n', read: true });
    await ok({ type: 'bookmark.forget', accountId: ADA, postId: '100' });
    expect(await notesOf(ADA)).toEqual([]);
  });
});

describe('tags across bookmarks', () => {
  beforeEach(async () => {
    await ok({ type: 'bookmark.organise', accountId: ADA, postId: '1', tags: ['rust', 'lang'] });
    await ok({ type: 'bookmark.organise', accountId: ADA, postId: '2', tags: ['rust', 'rustlang'] });
    await ok({ type: 'bookmark.organise', accountId: ADA, postId: '3', tags: ['lang'], note: 'keep me' });
    await ok({ type: 'bookmark.organise', accountId: GRACE, postId: '1', tags: ['rust'] });
  });

  it('are counted per account, most used first then by name', async () => {
    const ada = [
      { tag: 'lang', count: 2 },
      { tag: 'rust', count: 2 },
      { tag: 'rustlang', count: 1 },
    ];
    expect(tagCounts(await db().bookmarkNotes.where('accountId').equals(ADA).toArray())).toEqual(ada);
    // The tab's read, in one pass over the account's rows: the same counts, and none of another account's.
    expect(await readTagCounts(ADA)).toEqual(ada);
    expect(await readTagCounts(GRACE)).toEqual([{ tag: 'rust', count: 1 }]);
  });

  it('rename on every bookmark of the account, merging into a tag that exists, and nowhere else', async () => {
    expect(await ok({ type: 'tag.rename', accountId: ADA, from: 'rustlang', to: '#Rust' })).toEqual({ changed: 1 });
    expect(await ok({ type: 'tag.rename', accountId: ADA, from: 'rust', to: 'Programming' })).toEqual({ changed: 2 });
    expect(await notesOf(ADA)).toEqual([
      { postId: '1', tags: ['lang', 'programming'], note: '', read: false },
      { postId: '2', tags: ['programming'], note: '', read: false },
      { postId: '3', tags: ['lang'], note: 'keep me', read: false },
    ]);
    expect(await notesOf(GRACE)).toEqual([{ postId: '1', tags: ['rust'], note: '', read: false }]);
  });

  it('refuse a rename into something that is not a tag', async () => {
    expect(worded(await send({ type: 'tag.rename', accountId: ADA, from: 'rust', to: 'c++' }))).toContain('“\u2068c++\u2069”');
    expect((await notesOf(ADA)).filter((n) => n.tags.includes('rust'))).toHaveLength(2);
  });

  it('delete from every bookmark of the account, dropping what is left empty, and nowhere else', async () => {
    expect(await ok({ type: 'tag.delete', accountId: ADA, tag: 'lang' })).toEqual({ changed: 2 });
    expect(await notesOf(ADA)).toEqual([
      { postId: '1', tags: ['rust'], note: '', read: false },
      { postId: '2', tags: ['rust', 'rustlang'], note: '', read: false },
      { postId: '3', tags: [], note: 'keep me', read: false },
    ]);
    expect(await ok({ type: 'tag.delete', accountId: ADA, tag: 'rust' })).toEqual({ changed: 2 });
    expect((await notesOf(ADA)).map((n) => n.postId)).toEqual(['2', '3']);
    expect(await notesOf(GRACE)).toHaveLength(1);
  });
});

describe('saved searches', () => {
  it('are saved, renamed and pinned in place, and deleted, per account', async () => {
    const { id } = (await ok({
      type: 'savedSearch.save',
      accountId: ADA,
      name: ' Unread Rust ',
      query: 'tag:rust is:unread',
      pinned: false,
    })) as {
      id: string;
    };
    const created = (await db().savedSearches.get([ADA, id]))!;
    expect(created).toMatchObject({ name: 'Unread Rust', query: 'tag:rust is:unread', pinned: false });
    await ok({ type: 'savedSearch.save', accountId: ADA, id, name: 'Rust', query: 'tag:rust', pinned: true });
    expect(await db().savedSearches.where('accountId').equals(ADA).toArray()).toEqual([
      { accountId: ADA, id, name: 'Rust', query: 'tag:rust', pinned: true, createdAt: created.createdAt },
    ]);
    await ok({ type: 'savedSearch.save', accountId: GRACE, name: 'Mine', query: 'x', pinned: false });
    await ok({ type: 'savedSearch.delete', accountId: ADA, id });
    expect(await db().savedSearches.where('accountId').equals(ADA).count()).toBe(0);
    expect(await db().savedSearches.where('accountId').equals(GRACE).count()).toBe(1);
  });

  it('need a name and a search', async () => {
    expect(worded(await send({ type: 'savedSearch.save', accountId: ADA, name: '  ', query: 'x', pinned: false }))).toBe(
      'A saved search needs a name.',
    );
    expect(worded(await send({ type: 'savedSearch.save', accountId: ADA, name: 'n', query: ' ', pinned: false }))).toBe(
      'There is no search to save: type one first.',
    );
    expect(await db().savedSearches.count()).toBe(0);
  });
});

describe('signing out from the dialog', () => {
  it('hands the choice to keep bookmark tags and notes to the sign-out, and keeps nothing without one', async () => {
    const signOut = vi.fn(async () => undefined);
    const withSignOut = createHandlers({ signOut } as unknown as Services);
    await handle(withSignOut, { type: 'auth.signOut', accountId: ADA, keep: ['bookmarkNotes'] });
    await handle(withSignOut, { type: 'auth.signOut', accountId: GRACE });
    expect(signOut.mock.calls).toEqual([
      [ADA, ['bookmarkNotes']],
      [GRACE, undefined],
    ]);
  });
});
