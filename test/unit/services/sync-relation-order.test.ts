import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { SyncService } from '@/lib/services/sync';
import { createXClient } from '@/lib/x/client';
import { freshDb } from './support';

/**
 * The muted and blocked walks cut short (X naming the page it just gave as the next one: x-api--fundamentals--pagination
 * says to stop only when no `next_token` comes): the accounts the walk did not reach are kept below the ones read, in the
 * order they had, whatever X answers.
 */

const ADA = '2244994945';
const STORED = ['1111111111', '2222222222', '3333333333'];
const NEW = '4444444444';
/** A token both walks take back (X's description: getUsersMuting 1 to 19 characters, getUsersBlocking 16 or more). */
const SAME = 'SAMESAMESAMESAME';
beforeEach(freshDb);

describe.each(['muted', 'blocked'] as const)('the %s accounts after a walk cut short', (table) => {
  it('keeps the accounts it did not reach in the order they had, sync after sync', async () => {
    await db()[table].bulkPut(STORED.map((userId, i) => ({ accountId: ADA, userId, position: STORED.length - i })));
    const body = JSON.stringify({ data: [{ id: NEW, name: 'New', username: 'new' }], meta: { result_count: 1, next_token: SAME } });
    const fetch = vi.fn(() => Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': 'application/json' } })));
    const client = createXClient({ baseUrl: 'https://api.x.test', getAccessToken: () => Promise.resolve('t1'), fetch });
    const sync = new SyncService({ clientFor: () => Promise.resolve(client), defs: ACTIONS, now: () => Date.UTC(2030, 0, 15, 9) });
    const rows = async () => (await db()[table].where('accountId').equals(ADA).sortBy('position')).map((r) => r.userId).reverse();
    expect((await sync.sync(ADA, table)).notice).toMatchObject({ kind: 'repeat' });
    expect(await rows()).toEqual([NEW, ...STORED]);
    await sync.sync(ADA, table, { force: true });
    expect(await rows()).toEqual([NEW, ...STORED]);
  });
});
