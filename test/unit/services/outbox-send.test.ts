import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { XApiError } from '@/lib/x/errors';
import { fakeX } from './outbox-fakes';
import { ACCOUNT, actions, clock, muted, outbox, withOutbox } from './outbox-setup';

/** Sending: an action shows at once, goes to X, and waits out drops, rate limits, restarts and sign-outs in order. */

withOutbox();

describe('the outbox', () => {
  it('shows an action in the store at once, then sends it and marks it done', async () => {
    const x = fakeX('ok');
    const { box } = outbox(x.client);
    const action = await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
    expect(action).toMatchObject({ state: 'queued', type: 'mute', params: { userId: '7' } });
    // No words of the background's own: a screen words it in its reader's language (action-state.ts).
    expect(action).not.toHaveProperty('label');
    expect(await muted()).toEqual(['7']);
    await box.idle(ACCOUNT);
    expect(x.sent).toEqual([`POST /2/users/${ACCOUNT}/muting`]);
    expect((await actions())[0]).toMatchObject({ state: 'done', attempts: 1 });
  });

  it('rolls the store back and says why when X refuses', async () => {
    const x = fakeX(new XApiError('forbidden', { status: 403, problem: { detail: 'You cannot mute yourself.' } }));
    const { box } = outbox(x.client);
    await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
    await box.idle(ACCOUNT);
    expect(await muted()).toEqual([]);
    expect((await actions())[0]).toMatchObject({
      state: 'failed',
      error: { kind: 'forbidden', said: 'You cannot mute yourself.' },
    });
    expect((await actions())[0]!.error).not.toHaveProperty('message');
  });

  it('keeps an action through a network drop and sends it when woken after the back-off', async () => {
    const x = fakeX(new XApiError('offline'), 'ok');
    const { box, wakeAt } = outbox(x.client);
    await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
    await box.idle(ACCOUNT);
    const [waiting] = await actions();
    expect(waiting).toMatchObject({ state: 'queued', error: { kind: 'offline' } });
    expect(waiting!.notBefore).toBe(clock.now + 5000);
    expect(wakeAt).toHaveBeenCalledWith(clock.now + 5000);
    expect(await muted()).toEqual(['7']);
    clock.now += 5000;
    await box.kick(ACCOUNT);
    expect((await actions())[0]).toMatchObject({ state: 'done', attempts: 2 });
    expect(x.sent).toHaveLength(2);
  });

  it('waits for the rate-limit reset X gave, then sends', async () => {
    const reset = clock.now / 1000 + 600;
    const x = fakeX(new XApiError('rate-limited', { status: 429, rateLimitReset: reset }), 'ok');
    const { box, wakeAt } = outbox(x.client);
    await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
    await box.idle(ACCOUNT);
    expect((await actions())[0]).toMatchObject({ state: 'queued', notBefore: reset * 1000 + 1000 });
    expect(wakeAt).toHaveBeenCalledWith(reset * 1000 + 1000);
    await box.kick(ACCOUNT);
    expect(x.sent).toHaveLength(1);
    clock.now = reset * 1000 + 1000;
    await box.kick(ACCOUNT);
    expect((await actions())[0]).toMatchObject({ state: 'done' });
  });

  it('sends again after a worker restart an action that was caught mid-send', async () => {
    await db().actions.add({
      accountId: ACCOUNT,
      type: 'mute',
      params: { userId: '7' },
      label: 'Mute 7',
      state: 'sending',
      createdAt: '',
      updatedAt: '',
      notBefore: 0,
      attempts: 1,
    });
    const x = fakeX('ok');
    const { box } = outbox(x.client);
    await box.recover();
    await box.idle(ACCOUNT);
    expect(x.sent).toEqual([`POST /2/users/${ACCOUNT}/muting`]);
    expect((await actions())[0]).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('keeps actions on the same account in order while the first waits, and lets others through', async () => {
    const x = fakeX(new XApiError('offline'), 'ok', 'ok', 'ok');
    const { box } = outbox(x.client);
    await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
    await box.idle(ACCOUNT);
    await box.enqueue(ACCOUNT, 'unmute', { userId: '7' });
    await box.enqueue(ACCOUNT, 'mute', { userId: '8' });
    await box.idle(ACCOUNT);
    expect(x.sent).toEqual([`POST /2/users/${ACCOUNT}/muting`, `POST /2/users/${ACCOUNT}/muting`]);
    expect((await actions()).map((a) => a.state)).toEqual(['queued', 'queued', 'done']);
    clock.now += 60_000;
    await box.kick(ACCOUNT);
    expect(x.sent.slice(2)).toEqual([`POST /2/users/${ACCOUNT}/muting`, `DELETE /2/users/${ACCOUNT}/muting/7`]);
    expect(await muted()).toEqual(['8']);
  });

  it('does not roll back over a later action on the same target', async () => {
    const x = fakeX(new XApiError('offline'), new XApiError('forbidden', { status: 403 }), 'ok');
    const { box } = outbox(x.client);
    await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
    await box.idle(ACCOUNT);
    await box.enqueue(ACCOUNT, 'unmute', { userId: '7' });
    clock.now += 60_000;
    await box.kick(ACCOUNT);
    expect((await actions()).map((a) => a.state)).toEqual(['failed', 'done']);
    expect(await muted()).toEqual([]);
  });

  it('keeps actions queued, not lost, while the account is signed out', async () => {
    const x = fakeX(new XApiError('signed-out', { status: 401 }), 'ok');
    const { box } = outbox(x.client);
    await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
    await box.idle(ACCOUNT);
    expect((await actions())[0]).toMatchObject({ state: 'queued', error: { kind: 'signed-out' } });
    await box.kick(ACCOUNT);
    expect((await actions())[0]).toMatchObject({ state: 'done' });
  });
});
