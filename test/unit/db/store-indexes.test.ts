import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db, resetDb, type ActionRow } from '@/lib/db';
import { Outbox } from '@/lib/services/outbox';
import { actionsOn } from '@/lib/services/post-state';
import { profileContext } from '@/lib/services/tab-context';
import type { ActionBrief } from '@/lib/views';
import { freshDb } from '../services/support';
import { briefOf, countActionReads, countReads, pseudoRandom, storedByVersion5 } from './v6-support';

/**
 * The store's version 6 indexes actions by post and by person, so the popup opened on a post or profile finds the
 * newest action of each kind on it without walking the account's whole action log (lib/services/tab-context.ts),
 * which is never pruned: the popup asks this each time it opens.
 */

const ADA = '111';
const GRACE = '222';
const AT = '2026-03-01T10:00:00.000Z';
const POST_TYPES = ['bookmark', 'unbookmark', 'like', 'unlike', 'repost', 'undoRepost', 'post.delete'];
const USER_TYPES = ['mute', 'unmute', 'block', 'unblock', 'follow', 'unfollow', 'list.addMember'];
const STATES: ActionRow['state'][] = ['done', 'failed', 'queued', 'sending'];

beforeEach(freshDb);

/** `count` actions of two accounts on 40 posts and 20 people (and some lists), in a fixed pseudo-random order. */
function log(count: number): ActionRow[] {
  const next = pseudoRandom(11);
  return Array.from({ length: count }, () => {
    const kind = next(5);
    const type = kind < 2 ? POST_TYPES[next(POST_TYPES.length)]! : kind < 4 ? USER_TYPES[next(USER_TYPES.length)]! : 'list.pin';
    const state = STATES[next(STATES.length)]!;
    const params: ActionRow['params'] = POST_TYPES.includes(type)
      ? { postId: `p${next(40)}` }
      : type === 'list.pin'
        ? { listId: '10' }
        : { userId: `u${next(20)}`, ...(type === 'list.addMember' ? { listId: '10' } : {}) };
    return {
      accountId: next(4) === 0 ? GRACE : ADA,
      type,
      params,
      state,
      createdAt: AT,
      updatedAt: AT,
      notBefore: 0,
      attempts: 1,
      ...(state === 'failed' ? { error: { kind: 'forbidden' as const, message: 'No.' } } : {}),
    };
  });
}

/** What version 5's scan answered: the account's newest 50 actions naming one of the ids, the first of each kind. */
function byScan(rows: ActionRow[], accountId: string, ids: string[]): ActionBrief[] {
  const seen = new Set<string>();
  return rows
    .filter((a) => a.accountId === accountId)
    .filter((a) => ids.includes(String(a.params.postId ?? '')) || ids.includes(String(a.params.userId ?? '')))
    .sort((a, b) => b.seq! - a.seq!)
    .slice(0, 50)
    .filter((a) => {
      const family = a.type.replace(/^(un|undo)/i, '').toLowerCase();
      return !seen.has(family) && !!seen.add(family);
    })
    .map(briefOf);
}

describe('the popup’s actions on a post or a person, from the store’s version 6', () => {
  it('keeps every action stored by version 5, and finds the newest of each kind as the scan did', async () => {
    const before = await storedByVersion5(log(1_500));
    expect(await db().actions.toArray()).toEqual(before);
    const asked = [['p1', 'u3'], ['p7', 'u3'], ['p39'], ['u0'], ['u19'], ['p2', 'u4'], ['nothing']];
    for (const accountId of [ADA, GRACE])
      for (const ids of asked) expect(await actionsOn(db(), accountId, ids)).toEqual(byScan(before, accountId, ids));
    // The post and its author both have actions, of several kinds, refused ones among them.
    const both = byScan(before, ADA, ['p1', 'u3']);
    expect(new Set(both.map((a) => a.type.replace(/^(un|undo)/i, '').toLowerCase())).size).toBeGreaterThan(4);
    expect(before.some((a) => a.state === 'failed' && a.params.userId !== undefined)).toBe(true);
  });

  it('reads only actions on that post and its author, however long the log', async () => {
    const rows = log(3_000);
    await db().actions.bulkAdd(rows);
    resetDb();
    const read = countActionReads();
    const actions = await actionsOn(db(), ADA, ['p5', 'u6']);
    expect(actions).toEqual(
      byScan(
        rows.map((r, i) => ({ ...r, seq: i + 1 })),
        ADA,
        ['p5', 'u6'],
      ),
    );
    expect(actions.length).toBeGreaterThan(3);
    // At most the newest 50 on the post and 50 on the person; the scan read every row of the account until 50 matched.
    expect(read.length).toBeGreaterThan(0);
    expect(read.length).toBeLessThanOrEqual(100);
    expect(read.every((a) => a.accountId === ADA && (a.params.postId === 'p5' || a.params.userId === 'u6'))).toBe(true);
  });
});

describe('the popup on a profile, from the store’s version 6', () => {
  it('finds the person by @username whatever the address’s case, reading only that person’s rows', async () => {
    const seenAt = new Date(Date.parse(AT)).toISOString();
    const person = (accountId: string, i: number) => ({
      accountId,
      id: `u${i}`,
      name: `Person ${i}`,
      username: i === 7 ? 'GraceHop' : `person_${i}`,
      seenAt,
      relationSeenAt: seenAt,
    });
    await db().users.bulkPut([...Array.from({ length: 2_000 }, (_, i) => person(ADA, i)), person(GRACE, 7)]);
    resetDb();
    const read = countReads<{ accountId: string; username: string }>('users');
    const noX = () => Promise.reject(new Error('X is not asked: the store knows this person today'));
    const found = await profileContext(noX, ADA, 'gracehop', Date.parse(AT));
    expect(found.user).toMatchObject({ id: 'u7', username: 'GraceHop' });
    expect(found.error).toBeUndefined();
    // The scan read every person of the account until it met GraceHop; the index hands up only GraceHop's rows.
    expect(read.every((u) => u.username === 'GraceHop')).toBe(true);
    expect(read.length).toBeGreaterThan(0);
    expect(read.length).toBeLessThanOrEqual(2);
  });

  it('takes the person Perch saw last when a @username changed hands', async () => {
    const row = (id: string, seenAt: string) => ({ accountId: ADA, id, name: id, username: 'GraceHop', seenAt, relationSeenAt: seenAt });
    // u1 was GraceHop once (seen before, never seen again); u2 holds the name now.
    await db().users.bulkPut([row('u1', '2026-03-01T08:00:00.000Z'), row('u2', '2026-03-01T09:00:00.000Z')]);
    const noX = () => Promise.reject(new Error('X is not asked: the store knows this person today'));
    const found = await profileContext(noX, ADA, 'gracehop', Date.parse(AT));
    expect(found.user).toMatchObject({ id: 'u2', username: 'GraceHop' });
  });
});

describe('a worker’s start, from the store’s version 6', () => {
  it('finds what was queued or caught mid-send without reading the rest of the log', async () => {
    const ended = log(3_000).map((a) => ({ ...a, state: a.state === 'failed' ? ('failed' as const) : ('done' as const) }));
    await db().actions.bulkAdd(ended);
    const caught = await db().actions.add({ ...ended[0]!, type: 'mute', params: { userId: 'u1' }, state: 'sending', attempts: 1 });
    resetDb();
    const read = countActionReads();
    const wakeAt = vi.fn();
    const box = new Outbox({ defs: {}, clientFor: () => Promise.reject(new Error('offline')), wakeAt, now: () => Date.parse(AT) });
    await box.recover();
    // The one caught mid-send is read (and handled); none of the 3,000 that had ended is.
    expect(read.length).toBeGreaterThan(0);
    expect(read.map((a) => a.seq)).toContain(caught);
    expect(read.every((a) => a.seq === caught)).toBe(true);
  });
});
