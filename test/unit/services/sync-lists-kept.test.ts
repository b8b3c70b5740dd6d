import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { SyncService } from '@/lib/services/sync';
import { createXClient } from '@/lib/x/client';
import { xProblem } from '../x/problems';
import { freshDb } from './support';

/**
 * The muted, blocked and lists walks when X's 200 answer does not show everything: `errors` only (X's refusal), errors
 * beside the items, or fewer items than `meta.result_count` (x-api--fundamentals--response-codes-and-errors, "Partial
 * errors"; the OpenAPI makes `data`, `meta` and `errors` all optional). Nothing stored is taken for removed, except
 * beside errors that each name what X could not return (`resource_id`) and a count that agrees: then only those are kept.
 */

const ADA = '2244994945';
const GRACE = '1111111111';
const ALAN = '2222222222';
const LIN = '3333333333';
const LIST = '1900000000000000001';
const CATS = '1900000000000000002';
const DOGS = '1900000000000000003';
const NOT_AUTHORIZED = xProblem('not-authorized-for-resource', 'Sorry, you are not authorized to see the user with id: [2244994945].');
const GONE = xProblem('resource-not-found', 'Could not find user with id: [2222222222].', { resource_id: ALAN, resource_type: 'user' });
beforeEach(freshDb);

/** X answering each path's last segment (`muting`, `owned_lists`, …) with `answers`, an empty page otherwise. */
function x(answers: Record<string, unknown>) {
  const asked: string[] = [];
  const fetch = vi.fn((input: RequestInfo | URL): Promise<Response> => {
    const last = new URL(String(input)).pathname.split('/').pop()!;
    asked.push(last);
    const body = answers[last] ?? { meta: { result_count: 0 } };
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }));
  });
  const client = createXClient({ baseUrl: 'https://api.x.test', getAccessToken: () => Promise.resolve('t1'), fetch });
  let now = Date.UTC(2030, 0, 15, 9);
  const sync = new SyncService({ clientFor: () => Promise.resolve(client), defs: ACTIONS, now: () => (now += 60_000) });
  return { sync, asked };
}

const user = (id: string) => ({ id, name: `User ${id}`, username: `u${id}` });
const rowsOf = async (table: 'muted' | 'blocked') =>
  (await db()[table].where('accountId').equals(ADA).sortBy('position')).map((r) => r.userId);
const stateOf = (collection: 'muted' | 'blocked' | 'lists') => db().syncState.get([ADA, collection]);
const storeList = () =>
  db().lists.put({ accountId: ADA, id: LIST, name: 'Birds', owned: true, followed: false, pinned: false, member: false });

describe.each([
  ['muted', 'muting'],
  ['blocked', 'blocking'],
] as const)('the %s accounts, whatever X answers', (table, path) => {
  beforeEach(async () => {
    await db()[table].bulkPut([
      { accountId: ADA, userId: GRACE, position: 2 },
      { accountId: ADA, userId: ALAN, position: 1 },
    ]);
  });

  it('keeps every stored account and shows X’s words when X answers with only errors', async () => {
    const { sync, asked } = x({ [path]: { errors: [NOT_AUTHORIZED] } });
    const result = await sync.sync(ADA, table);
    expect(await rowsOf(table)).toEqual([ALAN, GRACE]);
    expect(result.error).toEqual({ kind: 'forbidden', said: NOT_AUTHORIZED.detail });
    expect((await stateOf(table))?.lastFullDay).toBeUndefined();
    await sync.sync(ADA, table);
    expect(asked).toEqual([path, path]);
  });

  it('keeps the account X’s error names, removes one absent and unnamed, and reads once that day', async () => {
    await db()[table].put({ accountId: ADA, userId: LIN, position: 0 });
    const { sync, asked } = x({ [path]: { data: [user(GRACE)], errors: [GONE], meta: { result_count: 1 } } });
    await sync.sync(ADA, table);
    expect(await rowsOf(table)).toEqual([ALAN, GRACE]);
    expect((await stateOf(table))?.lastFullDay).toBe('2030-01-15');
    await sync.sync(ADA, table);
    expect(asked).toEqual([path]);
  });

  it('keeps every account X did not show when an error beside the items names none, and reads again later that day', async () => {
    await db()[table].put({ accountId: ADA, userId: LIN, position: 0 });
    const { sync, asked } = x({ [path]: { data: [user(GRACE)], errors: [NOT_AUTHORIZED], meta: { result_count: 1 } } });
    await sync.sync(ADA, table);
    expect((await rowsOf(table)).sort()).toEqual([GRACE, ALAN, LIN].sort());
    expect((await stateOf(table))?.lastFullDay).toBeUndefined();
    await sync.sync(ADA, table);
    expect(asked).toEqual([path, path]);
  });

  it('keeps an account left out of a page that counts more than it carries', async () => {
    const { sync } = x({ [path]: { data: [user(GRACE)], meta: { result_count: 2 } } });
    await sync.sync(ADA, table);
    expect((await rowsOf(table)).sort()).toEqual([GRACE, ALAN].sort());
  });

  it('still removes an account absent from a whole answer, once that day', async () => {
    const { sync, asked } = x({ [path]: { data: [user(GRACE)], meta: { result_count: 1 } } });
    await sync.sync(ADA, table);
    expect(await rowsOf(table)).toEqual([GRACE]);
    await sync.sync(ADA, table);
    expect(asked).toEqual([path]);
  });
});

describe('the lists, whatever X answers', () => {
  it('keeps an owned list and shows X’s words when X answers owned_lists with only errors', async () => {
    await storeList();
    const { sync } = x({ owned_lists: { errors: [NOT_AUTHORIZED] } });
    const result = await sync.sync(ADA, 'lists');
    expect((await db().lists.get([ADA, LIST]))?.name).toBe('Birds');
    expect(result.error).toEqual({ kind: 'forbidden', said: NOT_AUTHORIZED.detail });
    expect((await stateOf('lists'))?.lastFullDay).toBeUndefined();
  });

  it.each([
    ['an error beside the items naming none', { data: [{ id: CATS, name: 'Cats' }], errors: [NOT_AUTHORIZED], meta: { result_count: 1 } }],
    ['fewer items than result_count', { data: [{ id: CATS, name: 'Cats' }], meta: { result_count: 2 } }],
  ])('keeps a list X did not show when its answer had %s, and reads again later that day', async (_what, answer) => {
    await storeList();
    const { sync, asked } = x({ owned_lists: answer });
    await sync.sync(ADA, 'lists');
    expect((await db().lists.where('accountId').equals(ADA).toArray()).map((l) => l.name).sort()).toEqual(['Birds', 'Cats']);
    await sync.sync(ADA, 'lists');
    expect(asked.filter((p) => p === 'owned_lists')).toHaveLength(2);
  });

  it('keeps the list X’s error names, removes one absent and unnamed, and reads once that day', async () => {
    await storeList();
    await db().lists.put({ accountId: ADA, id: DOGS, name: 'Dogs', owned: true, followed: false, pinned: false, member: false });
    const named = xProblem('resource-not-found', `Could not find list with id: [${LIST}].`, { resource_id: LIST, resource_type: 'list' });
    const { sync, asked } = x({ owned_lists: { data: [{ id: CATS, name: 'Cats' }], errors: [named], meta: { result_count: 1 } } });
    await sync.sync(ADA, 'lists');
    expect((await db().lists.where('accountId').equals(ADA).toArray()).map((l) => l.name).sort()).toEqual(['Birds', 'Cats']);
    expect((await stateOf('lists'))?.lastFullDay).toBe('2030-01-15');
    await sync.sync(ADA, 'lists');
    expect(asked.filter((p) => p === 'owned_lists')).toHaveLength(1);
  });
});

/**
 * The person's own List (`owner_id`, "Owner's user ID": x-api--lists--list-lookup--integrate) stays theirs, with its
 * Edit, Delete and Members, whichever answer shows it: owned_lists (getUsersOwnedLists) left it out of a walk cut
 * short, of a page that did not show everything, or of an answer read before it was made, while pinned_lists
 * (getUsersPinnedLists) or followed_lists (getUsersFollowedLists) returned it.
 */
describe('the person’s own List, when owned_lists did not show it', () => {
  const birds = { id: LIST, name: 'Birds', owner_id: ADA };
  const cats = { id: CATS, name: 'Cats', owner_id: GRACE };
  const flagsOf = async (id: string) => {
    const row = await db().lists.get([ADA, id]);
    return row && { owned: row.owned, followed: row.followed, pinned: row.pinned, member: row.member };
  };

  it.each([
    [
      'cut short by X repeating a page',
      { data: [cats], meta: { result_count: 1, next_token: 'zldjwdz3w6sba13nbs0mbravfipbtqvbiqplg9h0p4k' } },
    ],
    ['a page with an error naming none', { data: [cats], errors: [NOT_AUTHORIZED], meta: { result_count: 1 } }],
    ['a page counting more than it carries', { data: [cats], meta: { result_count: 2 } }],
    [
      'an error naming it',
      { data: [cats], errors: [xProblem('resource-not-found', 'Could not find list.', { resource_id: LIST })], meta: { result_count: 1 } },
    ],
  ])('stays owned when the owned walk was %s and only pinned_lists returned it', async (_what, owned) => {
    await storeList();
    const { sync } = x({ owned_lists: owned, pinned_lists: { data: [{ id: LIST, name: 'Birds' }], meta: { result_count: 1 } } });
    await sync.sync(ADA, 'lists');
    expect(await flagsOf(LIST)).toEqual({ owned: true, followed: false, pinned: true, member: false });
  });

  it('is owned when its owner_id is the person, though owned_lists was read before it was made', async () => {
    const { sync } = x({
      owned_lists: { data: [], meta: { result_count: 0 } },
      pinned_lists: { data: [birds], meta: { result_count: 1 } },
    });
    await sync.sync(ADA, 'lists');
    expect(await flagsOf(LIST)).toEqual({ owned: true, followed: false, pinned: true, member: false });
  });

  it('is not owned when a whole owned walk left it out and its owner is someone else', async () => {
    await db().lists.put({ accountId: ADA, id: CATS, name: 'Cats', owned: true, followed: true, pinned: false, member: false });
    const { sync } = x({ followed_lists: { data: [cats], meta: { result_count: 1 } } });
    await sync.sync(ADA, 'lists');
    expect(await flagsOf(CATS)).toEqual({ owned: false, followed: true, pinned: false, member: false });
  });

  it('keeps a List followed when followed_lists was cut short and only owned_lists returned it', async () => {
    await db().lists.put({ accountId: ADA, id: CATS, name: 'Cats', owned: false, followed: true, pinned: false, member: false });
    const { sync } = x({
      owned_lists: { data: [{ id: CATS, name: 'Cats' }], meta: { result_count: 1 } },
      followed_lists: {
        data: [{ id: DOGS, name: 'Dogs' }],
        meta: { result_count: 1, next_token: '1ncvsqz4rx8jd6b9vd4w2lqh7ztjeufb7mf6c4z1r8m' },
      },
    });
    await sync.sync(ADA, 'lists');
    expect((await flagsOf(CATS))?.followed).toBe(true);
  });
});
