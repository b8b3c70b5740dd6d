import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { actionErrorText, actionLabel } from '@/lib/action-words';
import { db, type ActionRow } from '@/lib/db';
import { withChange } from '@/lib/failed-actions';
import { str } from '@/lib/services/action-kit';
import { Outbox, type ActionDef } from '@/lib/services/outbox';
import type { ActionChange } from '@/lib/services/outbox-feed';
import { fakeX, toggle } from './outbox-fakes';
import { withEmptyStore } from '../support/store';

/**
 * A queued row whose parameters this version cannot read (another version's row, a write cut off mid-way) is failed
 * where the person sees it, once, and the rest of the account's queue is sent.
 */

const ACCOUNT = '1585841080431321088';
const now = 1_800_000_000_000;

/** Mute as the real registry declares its target: a missing user id throws (lib/services/actions.ts). */
const mute = (on: boolean): ActionDef => ({ ...toggle(on, () => now), target: (p) => `user:${str(p, 'userId')}` });

function outbox() {
  const x = fakeX();
  const changes: ActionChange[] = [];
  const box = new Outbox({
    defs: { mute: mute(true), unmute: mute(false) },
    clientFor: async () => x.client,
    wakeAt: vi.fn(),
    publish: (c) => changes.push(c),
    now: () => now,
    random: () => 0.5,
  });
  return { box, x, changes };
}

/** A row as it may be found in the store: queued, with these parameters. */
async function storedRow(params: unknown): Promise<number> {
  const at = new Date(now).toISOString();
  const row = { accountId: ACCOUNT, type: 'mute', params, state: 'queued', createdAt: at, updatedAt: at, notBefore: 0, attempts: 0 };
  return db().actions.add(row as ActionRow);
}

withEmptyStore();

describe('a queued action whose stored parameters cannot be read', () => {
  it.each([
    ['none', null],
    ['without the user', {}],
  ])('fails (%s) where the person sees it, and the actions after it are sent', async (_, params) => {
    const { box, x, changes } = outbox();
    const bad = await storedRow(params);
    const good = await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
    await box.idle(ACCOUNT);

    expect(x.sent).toEqual([`POST /2/users/${ACCOUNT}/muting`]);
    expect(await db().actions.get(good.seq!)).toMatchObject({ state: 'done' });
    expect(await db().actions.get(bad)).toMatchObject({ state: 'failed', error: { kind: 'unreadable' } });
    expect(changes).toContainEqual(expect.objectContaining({ seq: bad, state: 'failed', error: { kind: 'unreadable' } }));
    expect(actionErrorText({ kind: 'unreadable' })).toBe('Perch could not read this action as it was saved, so it did not send it to X.');
  });

  it('is failed once, not tried again on each wake, and offers no Retry', async () => {
    const { box, x } = outbox();
    const bad = await storedRow(null);
    await box.wake();
    await box.wake();
    expect(x.sent).toEqual([]);
    expect(await db().actions.get(bad)).toMatchObject({ state: 'failed', error: { kind: 'unreadable' } });
    await expect(box.retry(ACCOUNT, bad)).rejects.toMatchObject({ kind: 'cannot-retry' });
  });

  it('does not hold up an undo the person asks for after it', async () => {
    const { box } = outbox();
    const good = await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
    await box.idle(ACCOUNT);
    await storedRow(null);
    await box.undo(ACCOUNT, good.seq!);
    await box.idle(ACCOUNT);
    expect((await db().actions.toArray()).map((a) => a.state)).toEqual(['done', 'failed', 'done']);
  });

  it('is noted for the popup and named in the Activity log without its parameters', () => {
    const change: ActionChange = { accountId: ACCOUNT, seq: 3, type: 'mute', state: 'failed', notBefore: 0, error: { kind: 'unreadable' } };
    const action = { type: 'mute', params: null as never };
    expect(withChange([], change, action, '2026-12-04T00:00:00Z')).toMatchObject([{ seq: 3, params: {}, error: { kind: 'unreadable' } }]);
    expect(actionLabel({ type: 'mute', params: null as never })).toBe('Mute an account');
  });
});
