import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { ActionDef } from '@/lib/services/outbox';
import { XApiError } from '@/lib/x/errors';
import { fakeX, toggle, type Step } from './outbox-fakes';
import { ACCOUNT, actions, clock, muted, outbox, withOutbox } from './outbox-setup';

/** Undo: a done action is undone by its inverse, once; what cannot be undone is refused, sending nothing. */

withOutbox();

describe('the outbox', () => {
  it('undoes a done action by sending its inverse, once', async () => {
    const x = fakeX('ok', 'ok');
    const { box } = outbox(x.client);
    const first = await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
    await box.idle(ACCOUNT);
    const undo = await box.undo(ACCOUNT, first.seq!);
    await box.idle(ACCOUNT);
    expect(undo).toMatchObject({ type: 'unmute', undoOf: first.seq });
    expect(await muted()).toEqual([]);
    expect((await db().actions.get(first.seq!))?.undoneBy).toBe(undo.seq);
    await expect(box.undo(ACCOUNT, first.seq!)).rejects.toMatchObject({ kind: 'cannot-undo' });
  });

  it('refuses to undo a creation whose thing was removed since, sending nothing', async () => {
    // Like "Create the list" after that list was deleted: the inverse cannot itself be reversed.
    const remove: ActionDef = toggle(false, () => clock.now);
    delete remove.inverse;
    const x = fakeX('ok', 'ok');
    const { box } = outbox(x.client, { defs: { mute: toggle(true, () => clock.now), unmute: remove } });
    const made = await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
    await box.idle(ACCOUNT);
    await box.enqueue(ACCOUNT, 'unmute', { userId: '7' });
    await box.idle(ACCOUNT);
    await expect(box.undo(ACCOUNT, made.seq!)).rejects.toMatchObject({ kind: 'cannot-undo' });
    await box.idle(ACCOUNT);
    expect(x.sent).toHaveLength(2);
    expect(await actions()).toHaveLength(2);
  });

  it.each([
    ['a failed action', [new XApiError('forbidden', { status: 403 })] as Step[]],
    ['an action not yet sent', [new XApiError('offline')] as Step[]],
  ])('refuses to undo %s', async (_name, script) => {
    const { box } = outbox(fakeX(...script).client);
    const action = await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
    await box.idle(ACCOUNT);
    await expect(box.undo(ACCOUNT, action.seq!)).rejects.toMatchObject({ kind: 'cannot-undo' });
  });
});
