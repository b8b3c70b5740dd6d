import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { listMemberUsers } from '@/components/manager/account-queries';
import { listMembers } from '@/lib/services/lookups';
import { listsForUser } from '@/lib/services/list-memberships';
import type { XClient } from '@/lib/x/client';
import { freshDb } from './support';

const ACCOUNT = '1585841080431321088';

/** An X whose every list answer names the same next page, and that stops the test rather than loop for ever. */
function repeatingX(page: (n: number) => unknown) {
  const asked: (string | undefined)[] = [];
  const client = {
    request: async (req: { query?: Record<string, unknown>; schema: { parse(v: unknown): unknown } }) => {
      asked.push(req.query?.pagination_token as string | undefined);
      if (asked.length > 50) throw new Error('more than 50 requests: the walk does not stop');
      return { body: req.schema.parse(page(asked.length)), status: 200, rateLimit: undefined };
    },
  } as unknown as XClient;
  return { client, asked };
}

beforeEach(freshDb);

describe('paging driven by a screen or a popup', () => {
  it('reads a person’s list memberships until X repeats a next_token, not in circles', async () => {
    await db().lists.bulkPut(
      ['11', '12'].map((id) => ({
        accountId: ACCOUNT,
        id,
        name: `List ${id}`,
        owned: true,
        followed: false,
        pinned: false,
        member: false,
      })),
    );
    const x = repeatingX((n) => ({ data: [{ id: String(900 + n), name: 'Other' }], meta: { result_count: 1, next_token: 'SAME' } }));
    const lists = await listsForUser(x.client, ACCOUNT, '7');
    expect(x.asked).toEqual([undefined, 'SAME']);
    expect(lists.map((l) => l.member)).toEqual([false, false]);
  });

  it('keeps a list’s members in X’s order, page after page, and a reload starts afresh', async () => {
    // X answers newest-added first (x-api--lists--list-members); names are chosen so that name order differs.
    const pages = [
      [
        { id: '30', name: 'Zoe', username: 'zoe' },
        { id: '10', name: 'Ann', username: 'ann' },
      ],
      [{ id: '20', name: 'Mia', username: 'mia' }],
    ];
    const x = repeatingX((n) => {
      const data = pages[(n - 1) % 2] ?? [];
      return { data, meta: { result_count: data.length, ...(n % 2 ? { next_token: 'P2' } : {}) } };
    });
    await listMembers(x.client, ACCOUNT, '11');
    await listMembers(x.client, ACCOUNT, '11', 'P2');
    expect((await listMemberUsers(ACCOUNT, '11')).map((m) => m.username)).toEqual(['zoe', 'ann', 'mia']);
    await listMembers(x.client, ACCOUNT, '11');
    expect((await listMemberUsers(ACCOUNT, '11')).map((m) => m.username)).toEqual(['zoe', 'ann']);
  });
});
