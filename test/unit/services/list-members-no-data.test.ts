import { describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { listMembers } from '@/lib/services/lookups';
import { createXClient } from '@/lib/x/client';
import { validateResponse } from '../../openapi/contract';
import { ADA_ID } from '../auth/support';
import { withSignedInAda } from './world';

/**
 * A List's first page of members (getListsMembers, GET /2/lists/:id/members) answered with no `data` but a next page.
 * X's description lets `data` be left out (Get2ListsIdMembersResponse requires nothing; its `data`, when sent, holds at
 * least one User), and X's pages may hold fewer than asked while more remain (x-api--fundamentals--pagination). Before,
 * such a page replaced what was stored of the List's members with nothing: every stored member was lost. Now they stay.
 */

withSignedInAda();

const LIST = '1500000000000000001';

describe('a List’s first page of members holding none, with a next page', () => {
  it('keeps every stored member and hands on the next page', async () => {
    await db().listMembers.bulkPut([
      { accountId: ADA_ID, listId: LIST, userId: '11', position: 0 },
      { accountId: ADA_ID, listId: LIST, userId: '12', position: 1 },
    ]);
    const body = { meta: { result_count: 0, next_token: 'NEXTPAGE1' } };
    expect(validateResponse({ operationId: 'getListsMembers', status: 200, body })).toEqual([]);
    const fetch = vi.fn(() => Promise.resolve(new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })));
    const client = createXClient({ baseUrl: 'https://api.x.test', getAccessToken: () => Promise.resolve('t1'), fetch });

    expect(await listMembers(client, ADA_ID, LIST)).toEqual({ users: [], nextToken: 'NEXTPAGE1' });
    const stored = await db().listMembers.where('[accountId+listId]').equals([ADA_ID, LIST]).sortBy('position');
    expect(stored.map((m) => m.userId)).toEqual(['11', '12']);
  });
});
