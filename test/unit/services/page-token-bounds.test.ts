import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { listMembers } from '@/lib/services/lookups';
import { SyncService } from '@/lib/services/sync';
import { BLOCKING_ENDPOINT } from '@/lib/x/blocks';
import { BOOKMARKS_ENDPOINT, FOLDERS_ENDPOINT } from '@/lib/x/bookmarks';
import { createXClient } from '@/lib/x/client';
import { LIST_MEMBERS_ENDPOINT, LIST_POSTS_ENDPOINT, LISTS_PAGE_ENDPOINT } from '@/lib/x/lists';
import { MUTING_ENDPOINT } from '@/lib/x/mutes';
import type { Endpoint } from '@/lib/x/pages';
import { freshDb } from './support';

/**
 * X's description bounds the `pagination_token` each operation takes (getListsMembers: 1 to 19 characters, a "long"
 * token; getUsersBlocking: 16 or more, base32): a `next_token` outside them, sent back, would be refused with a 400 and
 * the walk would fail where it stood. Perch sends none back: the walk stops there, says so, and keeps what it read and
 * what it did not reach.
 */

const ADA = '2244994945';
const GRACE = '1111111111';
const ALAN = '2222222222';
const LIST = '1900000000000000001';

type Schema = { $ref?: string; minLength?: number; maxLength?: number };
type Parameter = { $ref?: string; name?: string; in?: string; schema?: Schema };
const openapi = JSON.parse(readFileSync(new URL('../../../../shared/x-openapi/openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, { operationId?: string; parameters?: Parameter[] }>>;
  components: { parameters: Record<string, Parameter>; schemas: Record<string, Schema> };
};
const named = <T>(ref: string, from: Record<string, T>): T => from[ref.split('/').pop()!]!;

/** The `pagination_token` schema of an operation, read from X's description. */
function tokenSchema(operationId: string): Schema {
  for (const item of Object.values(openapi.paths)) {
    for (const op of Object.values(item)) {
      if (op.operationId !== operationId) continue;
      const params = (op.parameters ?? []).map((p) => (p.$ref ? named(p.$ref, openapi.components.parameters) : p));
      const schema = params.find((p) => p.name === 'pagination_token' && p.in === 'query')?.schema;
      if (!schema) throw new Error(`${operationId} takes no pagination_token`);
      return schema.$ref ? named(schema.$ref, openapi.components.schemas) : schema;
    }
  }
  throw new Error(`${operationId} is not in X's description`);
}

describe('the page tokens Perch sends back', () => {
  it.each([
    ['getUsersOwnedLists', LISTS_PAGE_ENDPOINT],
    ['getUsersFollowedLists', LISTS_PAGE_ENDPOINT],
    ['getUsersListMemberships', LISTS_PAGE_ENDPOINT],
    ['getListsMembers', LIST_MEMBERS_ENDPOINT],
    ['getListsPosts', LIST_POSTS_ENDPOINT],
    ['getUsersMuting', MUTING_ENDPOINT],
    ['getUsersBlocking', BLOCKING_ENDPOINT],
    ['getUsersBookmarks', BOOKMARKS_ENDPOINT],
    ['getUsersBookmarkFolders', FOLDERS_ENDPOINT],
  ] as [string, Endpoint][])('are the ones %s takes, as X’s description bounds them', (operationId, endpoint) => {
    const { minLength, maxLength } = tokenSchema(operationId);
    expect(endpoint.token).toEqual({ minLength: minLength ?? 1, ...(maxLength === undefined ? {} : { maxLength }) });
  });
});

/** X answering each path's last segment (`muting`, `members`, …) with `answers`, an empty page otherwise. */
function x(answers: Record<string, unknown>) {
  const asked: string[] = [];
  const fetch = vi.fn((input: RequestInfo | URL): Promise<Response> => {
    const url = new URL(String(input));
    asked.push(`${url.pathname.split('/').pop()!}${url.searchParams.has('pagination_token') ? '+token' : ''}`);
    const body = answers[url.pathname.split('/').pop()!] ?? { meta: { result_count: 0 } };
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }));
  });
  const client = createXClient({ baseUrl: 'https://api.x.test', getAccessToken: () => Promise.resolve('t1'), fetch });
  let now = Date.UTC(2030, 0, 15, 9);
  const sync = new SyncService({ clientFor: () => Promise.resolve(client), defs: ACTIONS, now: () => (now += 60_000) });
  return { sync, client, asked };
}

const user = (id: string) => ({ id, name: `User ${id}`, username: `u${id}` });

beforeEach(freshDb);

describe.each([
  // 20 characters: one more than getUsersMuting's "long" token takes.
  ['muted', 'muting', 'A'.repeat(20)],
  // 8 characters: fewer than getUsersBlocking's base32 token takes.
  ['blocked', 'blocking', 'ABCDEFGH'],
] as const)('a %s sync whose page carries a next_token X would refuse back', (table, path, token) => {
  it('stops there without sending it, says so, and keeps what it read and what it did not reach', async () => {
    await db()[table].put({ accountId: ADA, userId: ALAN, position: 1 });
    const { sync, asked } = x({ [path]: { data: [user(GRACE)], meta: { result_count: 1, next_token: token } } });
    await sync.sync(ADA, table);
    expect(asked).toEqual([path]);
    const rows = await db()[table].where('accountId').equals(ADA).toArray();
    expect(rows.map((r) => r.userId).sort()).toEqual([ALAN, GRACE].sort());
    const state = await db().syncState.get([ADA, table]);
    expect(state?.notice).toMatchObject({ kind: 'token', pages: 1 });
  });
});

describe('loading a List’s members when X’s next_token is longer than getListsMembers takes', () => {
  it('offers no next page, says the walk stopped, and keeps the members read', async () => {
    const { client, asked } = x({ members: { data: [user(GRACE)], meta: { result_count: 1, next_token: '1'.repeat(20) } } });
    const page = await listMembers(client, ADA, LIST);
    expect(page).toMatchObject({ stopped: true });
    expect(page.nextToken).toBeUndefined();
    expect(asked).toEqual(['members']);
    expect((await db().listMembers.toArray()).map((m) => m.userId)).toEqual([GRACE]);
  });

  it('hands on a 19-character token as X gave it', async () => {
    const { client } = x({ members: { data: [user(GRACE)], meta: { result_count: 1, next_token: '1'.repeat(19) } } });
    const page = await listMembers(client, ADA, LIST);
    expect(page.nextToken).toBe('1'.repeat(19));
    expect(page).not.toHaveProperty('stopped');
  });
});
