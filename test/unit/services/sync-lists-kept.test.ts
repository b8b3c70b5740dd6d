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
