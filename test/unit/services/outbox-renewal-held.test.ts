import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { AuthError, toXApiError } from '@/lib/auth/errors';
import { RenewalLimits } from '@/lib/auth/renewal-limit';
import { MAX_ATTEMPTS, Outbox } from '@/lib/services/outbox';
import type { XClient } from '@/lib/x/client';
import { toggle } from './outbox-fakes';
import { withEmptyStore } from '../support/store';

/**
 * After X answered a sign-in renewal 429, Perch refuses the next renewals itself until X's window ends
 * (lib/auth/renewal-limit.ts): X is asked nothing. That refusal reached the outbox as X's 429 and counted as a try, so
 * an action refused by it alone failed after its tries though nothing of it ever reached X.
 */

const ACCOUNT = '1585841080431321088';
let now = 1_800_000_000_000;

withEmptyStore();
beforeEach(() => {
  now = 1_800_000_000_000;
});

/** X's 429 on a renewal, as the token endpoint's answer makes it (lib/auth/oauth.ts). */
const renewal429 = () => new AuthError('server', { kind: 'server-status', status: 429 });

/**
 * An outbox whose every request needs a renewal of the account's sign-in, through the auth service's path: the renewal
 * limits (held at `limitNow`, inside X's window) and toXApiError. `asX`: X's own 429 first, then the held ones.
 */
async function renewalOutbox(asX = false) {
  const limits = new RenewalLimits();
  const limitNow = now;
  const noted = (await limits.note(ACCOUNT, renewal429(), limitNow))!;
  let first = asX;
  const request = vi.fn(async () => {
    if (first) {
      first = false;
      throw toXApiError(noted);
    }
    try {
      await limits.check(ACCOUNT, limitNow + 1_000);
    } catch (error) {
      throw toXApiError(error);
    }
    throw new Error('the renewal limit did not hold');
  });
  const client = { request } as unknown as XClient;
  const box = new Outbox({
    defs: { mute: toggle(true, () => now), unmute: toggle(false, () => now) },
    clientFor: async () => client,
    wakeAt: vi.fn(),
    now: () => now,
    random: () => 0.5,
  });
  return { box, request };
}

const actions = () => db().actions.orderBy('seq').toArray();

describe('an outbox action refused by the held renewal limit', () => {
  it('is still queued after 10 refusals, with no try counted', async () => {
    const { box, request } = await renewalOutbox();
    await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
    await box.idle(ACCOUNT);
    for (let i = 1; i < 10; i++) {
      now = (await actions())[0]!.notBefore;
      await box.kick(ACCOUNT);
    }
    expect(request).toHaveBeenCalledTimes(10);
    const [action] = await actions();
    expect(action).toMatchObject({ state: 'queued', attempts: 0, error: { kind: 'rate-limited', own: { kind: 'renewal-limited' } } });
  });

  it('counts X’s own 429 on the renewal as a try', async () => {
    const { box, request } = await renewalOutbox(true);
    await box.enqueue(ACCOUNT, 'mute', { userId: '7' });
    await box.idle(ACCOUNT);
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      now = (await actions())[0]!.notBefore;
      await box.kick(ACCOUNT);
    }
    expect(request).toHaveBeenCalledTimes(MAX_ATTEMPTS);
    expect((await actions())[0]).toMatchObject({ state: 'queued', attempts: 1 });
  });
});
