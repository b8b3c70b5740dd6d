import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { recordGone } from '@/lib/services/list-gone';
import { listMembers, listPostsPreview } from '@/lib/services/lookups';
import { Outbox } from '@/lib/services/outbox';
import { SyncService } from '@/lib/services/sync';
import { createXClient } from '@/lib/x/client';
import { xProblem } from '../x/problems';
import { ok, scripted, xErrorOf, type Step } from '../x/support';
import { freshDb } from './support';

/**
 * A List deleted on x.com (not through Perch) kept its row in the Lists tab until a sync, and its actions' "View list"
 * links in Activity for ever. When X says it no longer exists (an owned List a whole owned_lists walk no longer lists;
 * X's resource-not-found naming a list, `resource_type: "list"`, to a read or write about it: getListsId,
 * getListsMembers, getListsTweets, listUserPin, listUserFollow, x-api--lists--list-lookup--integrate "404 – List
 * doesn't exist") it is forgotten as a deletion through Perch is and recorded gone. A List X merely refused is not.
 */

const ADA = '2244994945';
const GRACE = '1111111111';
const LIST = '1900000000000000001';
const OTHER = '1900000000000000002';
const NOT_FOUND = xProblem('resource-not-found', `Could not find list with id: [${LIST}].`, {
  resource_type: 'list',
  resource_id: LIST,
  parameter: 'id',
});
const USER_NOT_FOUND = xProblem('resource-not-found', `Could not find user with id: [${GRACE}].`, {
  resource_type: 'user',
  resource_id: GRACE,
  parameter: 'user_id',
});
const NOT_AUTHORIZED = xProblem('not-authorized-for-resource', `You are not authorized to see the List with id: [${LIST}].`, {
  resource_type: 'list',
  resource_id: LIST,
});

const list = (id: string, flags: { owned?: boolean; followed?: boolean } = {}) => ({
  accountId: ADA,
  id,
  name: `List ${id.slice(-1)}`,
  owned: flags.owned ?? true,
  followed: flags.followed ?? false,
  pinned: false,
  member: false,
});

beforeEach(async () => {
  await freshDb();
  await db().lists.put(list(LIST));
  await db().listMembers.put({ accountId: ADA, listId: LIST, userId: GRACE, position: 0 });
});

const stored = () => db().lists.get([ADA, LIST]);
const members = () => db().listMembers.where('[accountId+listId]').equals([ADA, LIST]).count();
const gone = async () => (await db().syncState.get([ADA, 'lists']))?.goneListIds ?? [];

/** Sends one action through the outbox to X answering `step`; returns the action as stored after. */
async function send(type: string, params: Record<string, string>, step: Step) {
  const { client } = scripted(step);
  const box = new Outbox({ defs: ACTIONS, clientFor: () => Promise.resolve(client), wakeAt: vi.fn(), random: () => 0.5 });
  await box.enqueue(ADA, type, { listId: LIST, listName: 'List 1', ...params });
  await box.idle(ADA);
  return (await db().actions.toArray())[0]!;
}

describe('a List action X answers with "no such List"', () => {
  it.each([
    ['list.pin', {}],
    ['list.follow', {}],
    ['list.update', { name: 'Birds' }],
    ['list.addMember', { userId: GRACE, username: 'grace' }],
  ])('%s forgets the List and records it gone, failing as X answered', async (type, params) => {
    const action = await send(type, params, { status: 404, body: { errors: [NOT_FOUND] } });
    expect(action.state).toBe('failed');
    expect(action.error).toMatchObject({ kind: 'not-found' });
    expect(await stored()).toBeUndefined();
    expect(await members()).toBe(0);
    expect(await gone()).toEqual([LIST]);
  });

  it('keeps the List X refused (not authorized) or could not find the member of, until X says it is gone', async () => {
    const refused = await send('list.pin', {}, { status: 403, body: { errors: [NOT_AUTHORIZED] } });
    expect(refused.state).toBe('failed');
    await db().actions.clear();
    const noUser = await send('list.addMember', { userId: GRACE, username: 'grace' }, { status: 404, body: { errors: [USER_NOT_FOUND] } });
    expect(noUser.state).toBe('failed');
    expect(await stored()).toMatchObject({ id: LIST, pinned: false });
    expect(await gone()).toEqual([]);
    await db().actions.clear();
    await send('list.pin', {}, { status: 404, body: { errors: [NOT_FOUND] } });
    expect(await stored()).toBeUndefined();
    expect(await gone()).toEqual([LIST]);
  });

  it('keeps the List while X is unavailable (the action waits), and forgets it once X says it is gone', async () => {
    const { client } = scripted({ status: 503, body: { title: 'Service Unavailable' } }, { status: 404, body: { errors: [NOT_FOUND] } });
    let now = Date.UTC(2030, 0, 15, 9);
    const box = new Outbox({ defs: ACTIONS, clientFor: () => Promise.resolve(client), wakeAt: vi.fn(), now: () => now, random: () => 0.5 });
    await box.enqueue(ADA, 'list.pin', { listId: LIST, listName: 'List 1' });
    await box.idle(ADA);
    expect((await db().actions.toArray())[0]?.state).toBe('queued');
    expect(await stored()).toBeDefined();
    expect(await gone()).toEqual([]);
    now += 60 * 60_000;
    await box.kick(ADA);
    expect((await db().actions.toArray())[0]?.state).toBe('failed');
    expect(await stored()).toBeUndefined();
    expect(await gone()).toEqual([LIST]);
  });
});

describe('a read about a List X answers with "no such List"', () => {
  it('forgets it when its members are read (a 404, or a 200 with only that error)', async () => {
    await xErrorOf(listMembers(scripted({ status: 404, body: { errors: [NOT_FOUND] } }).client, ADA, LIST));
    expect(await stored()).toBeUndefined();
    expect(await members()).toBe(0);
    expect(await gone()).toEqual([LIST]);
    await db().lists.put(list(OTHER));
    const other = xProblem('resource-not-found', 'Could not find list.', { resource_type: 'list', resource_id: OTHER });
    await xErrorOf(listMembers(scripted(ok({ errors: [other] })).client, ADA, OTHER));
    expect(await db().lists.get([ADA, OTHER])).toBeUndefined();
    expect(await gone()).toEqual([LIST, OTHER]);
  });

  it('forgets it when its posts are read, and keeps it when X refused them', async () => {
    await xErrorOf(listPostsPreview(scripted(ok({ errors: [NOT_AUTHORIZED] })).client, ADA, LIST));
    expect(await stored()).toBeDefined();
    await xErrorOf(listPostsPreview(scripted({ status: 429, body: { title: 'Too Many Requests' } }).client, ADA, LIST));
    expect(await stored()).toBeDefined();
    expect(await gone()).toEqual([]);
    await xErrorOf(listPostsPreview(scripted({ status: 404, body: { errors: [NOT_FOUND] } }).client, ADA, LIST));
    expect(await stored()).toBeUndefined();
    expect(await gone()).toEqual([LIST]);
  });
});

describe('the Lists sync', () => {
  /** X listing `owned` under owned_lists (or the answer `where`) and nothing else. */
  function syncWith(owned: { id: string; name: string }[], where = 'owned_lists') {
    const fetch = vi.fn((input: RequestInfo | URL): Promise<Response> => {
      const last = new URL(String(input)).pathname.split('/').pop()!;
      const body = last === where && owned.length ? { data: owned, meta: { result_count: owned.length } } : { meta: { result_count: 0 } };
      return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }));
    });
    const client = createXClient({ baseUrl: 'https://api.x.test', getAccessToken: () => Promise.resolve('t1'), fetch });
    return new SyncService({ clientFor: () => Promise.resolve(client), defs: ACTIONS, now: () => Date.UTC(2030, 0, 15, 9) });
  }

  it('records gone one’s own List its whole walk no longer lists, not a followed one it no longer lists', async () => {
    await db().lists.put(list(OTHER, { owned: false, followed: true }));
    const third = '1900000000000000003';
    const result = await syncWith([{ id: third, name: 'Cats' }]).sync(ADA, 'lists');
    expect(result.error).toBeUndefined();
    expect(await stored()).toBeUndefined();
    expect(await members()).toBe(0);
    expect(await db().lists.get([ADA, OTHER])).toBeUndefined();
    expect(await gone()).toEqual([LIST]);
  });

  it.each(['owned_lists', 'followed_lists'])('links again a List X said gone once a walk lists it (under %s)', async (where) => {
    await syncWith([]).sync(ADA, 'lists');
    await db().transaction('rw', db().syncState, () => recordGone(db(), ADA, [OTHER]));
    expect(await gone()).toEqual([LIST, OTHER]);
    // A later sync the same day, asked for (Sync now).
    const result = await syncWith([{ id: LIST, name: 'List 1' }], where).sync(ADA, 'lists', { force: true });
    expect(result).toMatchObject({ ran: true });
    expect(result.error).toBeUndefined();
    expect(await stored()).toMatchObject({ id: LIST });
    // Activity links its actions again (components/manager/activity-link.ts reads the gone ids); the other stays gone.
    expect(await gone()).toEqual([OTHER]);
  });
});
