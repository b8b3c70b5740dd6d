import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { Outbox } from '@/lib/services/outbox';
import { SyncService, utcDay } from '@/lib/services/sync';
import type { XClient } from '@/lib/x/client';
import { XApiError } from '@/lib/x/errors';
import { createLimitedClient } from '@/lib/x/limiter';
import { rateLimitStore } from '@/lib/services/rate-limit-store';
import { ADA_ID } from '../auth/support';
import { client, emu, withSignedInAda } from './world';

const DAY = 24 * 60 * 60 * 1000;
/** Perch's clock, kept in step with the emulator's. */
let now: number;

withSignedInAda();
beforeEach(() => {
  now = emu.state.now();
});

function service(c: XClient = client) {
  return new SyncService({ clientFor: async () => c, defs: ACTIONS, now: () => now });
}

/** Requests to the X API since the last call, by method and path. */
function apiRequests(from: number) {
  return emu.state.log.slice(from).filter((e) => e.path.startsWith('/2/') && !e.path.startsWith('/2/oauth2'));
}

async function relations(userId = ADA_ID): Promise<{ bookmarks: string[]; muting: string[] }> {
  const res = await fetch(`${emu.url}/__emulator/users/${userId}/relations`);
  return (await res.json()) as { bookmarks: string[]; muting: string[] };
}

function passDays(days: number) {
  emu.state.advance((days * DAY) / 1000);
  now += days * DAY;
}

const storedBookmarks = async () =>
  (await db().bookmarks.where('[accountId+position]').between([ADA_ID, -Infinity], [ADA_ID, Infinity]).reverse().toArray()).map(
    (b) => b.postId,
  );

describe('syncing bookmarks', () => {
  it('walks the newest 800 in ceil(800 / 100) requests the first time, in X’s order, with posts and authors', async () => {
    const mark = emu.state.log.length;
    const result = await service().sync(ADA_ID, 'bookmarks');
    expect(result).toMatchObject({ ran: true, requests: 8, items: 800 });
    expect(apiRequests(mark).map((e) => `${e.method} ${e.path}`)).toEqual(Array(8).fill(`GET /2/users/${ADA_ID}/bookmarks`));
    const onX = (await relations()).bookmarks.slice(0, 800);
    expect(await storedBookmarks()).toEqual(onX);
    const newest = await db().posts.get([ADA_ID, onX[0]!]);
    expect(newest?.text).toBeTruthy();
    expect(newest?.authorId && (await db().users.get([ADA_ID, newest.authorId]))?.username).toBeTruthy();
    const state = await db().syncState.get([ADA_ID, 'bookmarks']);
    expect(state).toMatchObject({ lastFullDay: utcDay(now), running: false, progress: { pages: 8, items: 800 } });
  });

  it('sends nothing again the same UTC day unless asked', async () => {
    await service().sync(ADA_ID, 'bookmarks');
    const mark = emu.state.log.length;
    expect(await service().sync(ADA_ID, 'bookmarks')).toMatchObject({ ran: false, requests: 0 });
    expect(apiRequests(mark)).toEqual([]);
  });

  it('fetches 5 new bookmarks in 1 request when asked, stopping at the first one already stored', async () => {
    await service().sync(ADA_ID, 'bookmarks');
    const res = await fetch(`${emu.url}/__emulator/bookmarks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ count: 5 }),
    });
    expect(res.ok).toBe(true);
    const mark = emu.state.log.length;
    const result = await service().sync(ADA_ID, 'bookmarks', { force: true });
    expect(result).toMatchObject({ ran: true, requests: 1, items: 5 });
    expect(apiRequests(mark)).toHaveLength(1);
    expect((await storedBookmarks()).slice(0, 5)).toEqual((await relations()).bookmarks.slice(0, 5));
  });

  it('drops, on the next UTC day, bookmarks removed on X and the posts X no longer gives', async () => {
    await service().sync(ADA_ID, 'bookmarks');
    const [gone] = (await relations()).bookmarks;
    await client.request({ method: 'DELETE', path: `/2/users/${ADA_ID}/bookmarks/${gone!}`, schema: (await import('zod')).z.unknown() });
    passDays(1);
    const result = await service().sync(ADA_ID, 'bookmarks');
    expect(result).toMatchObject({ ran: true, requests: 8 });
    expect(await storedBookmarks()).not.toContain(gone);
    expect(await db().posts.get([ADA_ID, gone!])).toBeUndefined();
    expect(await db().bookmarks.where('accountId').equals(ADA_ID).count()).toBe(800);
  });

  it('keeps what the person just did, still waiting in the outbox, over what X said a moment before', async () => {
    await service().sync(ADA_ID, 'bookmarks');
    const [first] = await storedBookmarks();
    const offline = { request: () => Promise.reject(new XApiError('offline')) } as unknown as XClient;
    const outbox = new Outbox({ defs: ACTIONS, clientFor: async () => offline, wakeAt: () => undefined, now: () => now });
    await outbox.enqueue(ADA_ID, 'unbookmark', { postId: first! });
    await outbox.idle(ADA_ID);
    await service().sync(ADA_ID, 'bookmarks', { force: true, full: true });
    expect(await storedBookmarks()).not.toContain(first);
  });
});

describe('syncing muted accounts and lists', () => {
  it('walks muted accounts in full, ceil(N / 1000) requests, newest first', async () => {
    const mark = emu.state.log.length;
    const result = await service().sync(ADA_ID, 'muted');
    const onX = (await relations()).muting;
    expect(result).toMatchObject({ ran: true, requests: Math.max(1, Math.ceil(onX.length / 1000)), items: onX.length });
    expect(apiRequests(mark)).toHaveLength(Math.max(1, Math.ceil(onX.length / 1000)));
    const stored = await db().muted.where('[accountId+position]').between([ADA_ID, -Infinity], [ADA_ID, Infinity]).reverse().toArray();
    expect(stored.map((r) => r.userId)).toEqual([...onX].reverse());
  });

  it('stores owned, followed, pinned and member-of lists with their flags', async () => {
    const result = await service().sync(ADA_ID, 'lists');
    expect(result.ran).toBe(true);
    const lists = await db().lists.where('accountId').equals(ADA_ID).toArray();
    expect(lists.some((l) => l.owned)).toBe(true);
    expect(lists.some((l) => l.pinned)).toBe(true);
    expect(lists.some((l) => l.followed)).toBe(true);
    expect(lists.some((l) => l.member && !l.owned)).toBe(true);
  });

  it('stops at X’s rate limit, says until when, and does not send what X would refuse', async () => {
    const limited = createLimitedClient({
      client,
      store: rateLimitStore(ADA_ID),
      now: () => emu.state.now(),
      sleep: async () => undefined,
    });
    const s = service(limited);
    for (let i = 0; i < 15; i++) await s.sync(ADA_ID, 'muted', { force: true });
    const mark = emu.state.log.length;
    const result = await s.sync(ADA_ID, 'muted', { force: true });
    expect(result.ran).toBe(false);
    expect(result.error).toMatchObject({ kind: 'rate-limited' });
    expect(result.error?.reset).toBeGreaterThan(emu.state.now() / 1000);
    expect(apiRequests(mark)).toEqual([]);
    // Kept as a kind and X's reset, worded by the screen in its reader's language.
    expect((await db().syncState.get([ADA_ID, 'muted']))?.error).toEqual({ kind: 'rate-limited', reset: result.error?.reset });
  });

  it('reads X’s reset against X’s clock (Date) when X’s clock has moved: the window ends when X says, not later', async () => {
    passDays(0.5);
    const limited = createLimitedClient({ client, store: rateLimitStore(ADA_ID), now: () => now, sleep: async () => undefined });
    const s = service(limited);
    for (let i = 0; i < 15; i++) await s.sync(ADA_ID, 'muted', { force: true });
    const blocked = await s.sync(ADA_ID, 'muted', { force: true });
    expect(blocked.error?.reset).toBeGreaterThan(now / 1000);
    // X's Date header counts whole seconds, so the clocks' difference is known to within a second.
    expect(blocked.error?.reset).toBeLessThanOrEqual(now / 1000 + 15 * 60 + 2);
    passDays((15 * 60 + 2) / 86_400);
    expect(await s.sync(ADA_ID, 'muted', { force: true })).toMatchObject({ ran: true });
  });
});

describe('syncing bookmark folders', () => {
  it('stores the folders and which bookmarks are in each, one request per folder after the list', async () => {
    await service().sync(ADA_ID, 'bookmarks');
    const mark = emu.state.log.length;
    const result = await service().sync(ADA_ID, 'bookmarkFolders');
    const folders = await db().bookmarkFolders.where('accountId').equals(ADA_ID).toArray();
    expect(folders.length).toBeGreaterThan(0);
    expect(result.requests).toBe(1 + folders.length);
    expect(apiRequests(mark)).toHaveLength(1 + folders.length);
    const filed = await db()
      .bookmarks.where('accountId')
      .equals(ADA_ID)
      .filter((b) => b.folderIds.length > 0)
      .toArray();
    expect(filed.length).toBeGreaterThan(0);
    const relationsOfAda = (await (await fetch(`${emu.url}/__emulator/users/${ADA_ID}/relations`)).json()) as {
      bookmark_folders: { id: string; post_ids?: string[] }[];
    };
    const firstFolder = relationsOfAda.bookmark_folders.find((f) => f.post_ids?.length);
    expect(firstFolder).toBeDefined();
    const inIt = filed.filter((b) => b.folderIds.includes(firstFolder!.id)).map((b) => b.postId);
    expect(inIt.length).toBeGreaterThan(0);
    for (const id of inIt) expect(firstFolder!.post_ids).toContain(id);
  });
});

describe('walking pages, whatever X answers', () => {
  const user = (id: string) => ({ id, name: `User ${id}`, username: `user${id}` });

  /** An X that answers every page from `answer`, and stops the test rather than loop for ever. */
  function pagingX(answer: (path: string, token: string | undefined, n: number) => unknown) {
    const asked: (string | undefined)[] = [];
    const c = {
      request: async (req: { path: string; query?: Record<string, unknown>; schema: { parse(v: unknown): unknown } }) => {
        const token = req.query?.pagination_token as string | undefined;
        asked.push(token);
        if (asked.length > 500) throw new Error('more than 500 requests: the walk does not stop');
        return { body: req.schema.parse(answer(req.path, token, asked.length)), status: 200, rateLimit: undefined };
      },
    } as unknown as XClient;
    return { client: c, asked };
  }

  it('stops when X repeats a next_token, keeps the accounts it did not reach, and says so', async () => {
    await db().muted.put({ accountId: ADA_ID, userId: '999', position: 1 });
    const x = pagingX((_path, _token, n) => ({ data: [user(String(n))], meta: { result_count: 1, next_token: 'SAME' } }));
    const result = await service(x.client).sync(ADA_ID, 'muted', { force: true });
    expect(x.asked).toEqual([undefined, 'SAME']);
    expect(result).toMatchObject({ ran: true, requests: 2, notice: { kind: 'repeat' } });
    const muted = (await db().muted.where('accountId').equals(ADA_ID).toArray()).map((r) => r.userId).sort();
    expect(muted).toEqual(['1', '2', '999']);
    expect((await db().syncState.get([ADA_ID, 'muted']))?.notice).toEqual({ kind: 'repeat', pages: 2 });
  });

  it('reads at most 100 pages of a collection and says the cap was reached', async () => {
    // 16 characters: getUsersBlocking takes no shorter pagination_token (X's description).
    const x = pagingX((_path, _token, n) => ({
      data: [user(String(n))],
      meta: { result_count: 1, next_token: `T${n}`.padStart(16, '0') },
    }));
    const result = await service(x.client).sync(ADA_ID, 'blocked', { force: true });
    expect(x.asked).toHaveLength(100);
    expect(result).toMatchObject({ ran: true, requests: 100, notice: { kind: 'cap' } });
    expect((await db().syncState.get([ADA_ID, 'blocked']))?.notice).toEqual({ kind: 'cap', pages: 100 });
  });

  it.each([
    ['the daily walk', {}],
    ['an incremental sync', { force: true }],
  ])('reads at most 8 pages of bookmarks (X’s 800) in %s', async (_name, options) => {
    const post = (n: number, i: number) => ({
      id: String(n * 1000 + i),
      text: `post ${n}.${i}`,
      author_id: '5',
      edit_history_tweet_ids: [String(n * 1000 + i)],
    });
    const x = pagingX((_path, _token, n) => ({
      data: Array.from({ length: 100 }, (_, i) => post(n, i)),
      includes: { users: [user('5')] },
      meta: { result_count: 100, next_token: `T${n}` },
    }));
    if ('force' in options) await service(x.client).sync(ADA_ID, 'bookmarks');
    const before = x.asked.length;
    const result = await service(x.client).sync(ADA_ID, 'bookmarks', options);
    expect(x.asked.length - before).toBe(8);
    expect(result).toMatchObject({ ran: true, notice: { kind: 'cap' } });
  });

  it('stops an incremental bookmark sync when X repeats a next_token', async () => {
    const post = (n: number) => ({ id: String(5000 + n), text: `post ${n}`, author_id: '5', edit_history_tweet_ids: [String(5000 + n)] });
    const first = pagingX(() => ({ data: [post(0)], includes: { users: [user('5')] }, meta: { result_count: 1 } }));
    await service(first.client).sync(ADA_ID, 'bookmarks');
    const x = pagingX((_path, _token, n) => ({
      data: [post(n)],
      includes: { users: [user('5')] },
      meta: { result_count: 1, next_token: 'SAME' },
    }));
    const result = await service(x.client).sync(ADA_ID, 'bookmarks', { force: true });
    expect(x.asked).toEqual([undefined, 'SAME']);
    expect(result).toMatchObject({ ran: true, notice: { kind: 'repeat' } });
  });
});
