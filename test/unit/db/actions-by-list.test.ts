import { beforeEach, describe, expect, it } from 'vitest';
import { CURRENT_VERSION, db, resetDb, type ActionRow } from '@/lib/db';
import { listContext } from '@/lib/services/list-context';
import type { ActionBrief } from '@/lib/views';
import { freshDb } from '../services/support';
import { briefOf, countActionReads, pseudoRandom, storedByVersion5 } from './v6-support';

/**
 * The store's version 6 indexes actions by list and type, so the popup's list page finds a list's newest pin and
 * follow without walking the account's whole action log (lib/services/list-context.ts).
 */

const ADA = '111';
const GRACE = '222';
const LISTS = ['10', '11', '12'];
const AT = '2026-03-01T10:00:00.000Z';
const TYPES = ['list.pin', 'list.unpin', 'list.follow', 'list.unfollow', 'list.addMember', 'list.update', 'like', 'bookmark'];
const STATES: ActionRow['state'][] = ['done', 'failed', 'queued', 'sending'];

beforeEach(freshDb);

/** `count` actions of two accounts over three lists and posts, in a fixed pseudo-random order. */
function log(count: number): ActionRow[] {
  const next = pseudoRandom(7);
  return Array.from({ length: count }, () => {
    const type = TYPES[next(TYPES.length)]!;
    const state = STATES[next(STATES.length)]!;
    return {
      accountId: next(4) === 0 ? GRACE : ADA,
      type,
      params: type.startsWith('list.') ? { listId: LISTS[next(LISTS.length)]! } : { postId: String(next(50)) },
      state,
      createdAt: AT,
      updatedAt: AT,
      notBefore: 0,
      attempts: 1,
      ...(state === 'failed' ? { error: { kind: 'forbidden' as const, message: 'No.' } } : {}),
    };
  });
}

/** What version 5's scan answered, without its bound: every row of the account, newest first, the first of each family. */
function byScan(rows: ActionRow[], accountId: string, listId: string): ActionBrief[] {
  const family = (type: string) => (type.endsWith('pin') ? 'pin' : 'follow');
  const seen = new Set<string>();
  return rows
    .filter((a) => a.accountId === accountId && ['list.pin', 'list.unpin', 'list.follow', 'list.unfollow'].includes(a.type))
    .filter((a) => a.params.listId === listId)
    .sort((a, b) => b.seq! - a.seq!)
    .filter((a) => !seen.has(family(a.type)) && !!seen.add(family(a.type)))
    .map(briefOf);
}

describe('the store’s version 6', () => {
  it('keeps every action stored by version 5, and finds a list’s newest pin and follow as its scan did', async () => {
    const before = await storedByVersion5(log(600));
    const after = await db().actions.toArray();
    expect(db().verno).toBe(CURRENT_VERSION); // 6 or later: a later version keeps version 6's index.
    expect(after).toEqual(before);
    for (const accountId of [ADA, GRACE])
      for (const listId of [...LISTS, '13']) {
        const expected = byScan(before, accountId, listId);
        expect((await listContext(accountId, listId)).actions).toEqual(expected);
      }
    // The log holds both families on every list of both accounts, refused ones among them.
    expect(byScan(before, ADA, '10').map((a) => a.type.replace('un', ''))).toEqual(expect.arrayContaining(['list.pin', 'list.follow']));
    expect(before.some((a) => a.type.startsWith('list.') && a.state === 'failed')).toBe(true);
  });

  it('reads only the list’s newest pin, unpin, follow and unfollow, not the account’s other actions', async () => {
    const rows = log(2_000);
    await db().actions.bulkAdd(rows);
    resetDb();
    const read = countActionReads();
    const { actions } = await listContext(ADA, '11');
    expect(actions).toEqual(
      byScan(
        rows.map((r, i) => ({ ...r, seq: i + 1 })),
        ADA,
        '11',
      ),
    );
    expect(actions).toHaveLength(2);
    expect(read.length).toBeGreaterThan(0);
    expect(read.length).toBeLessThanOrEqual(4);
    expect(read.every((a) => a.accountId === ADA && a.params.listId === '11')).toBe(true);
  });
});
