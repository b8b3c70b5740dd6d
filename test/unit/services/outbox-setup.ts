import 'fake-indexeddb/auto';
import { beforeEach, vi } from 'vitest';
import { db } from '@/lib/db';
import { Outbox } from '@/lib/services/outbox';
import type { XClient } from '@/lib/x/client';
import { toggle } from './outbox-fakes';
import { withEmptyStore } from '../support/store';

/** Set-up the outbox's behaviour tests (outbox-send, -undo, -retry, -bounded) share: one account, a clock, the store. */

export const ACCOUNT = '1585841080431321088';
const START = 1_800_000_000_000;

/** The outbox's clock: a test moves it on by setting `clock.now`; it starts over for each test. */
export const clock = { now: START };

/** An outbox whose actions are mute and unmute (plus `extra.defs`), on `clock`, with a fixed jitter. */
export function outbox(client: XClient, extra: Partial<ConstructorParameters<typeof Outbox>[0]> = {}) {
  const wakeAt = vi.fn();
  const box = new Outbox({
    defs: { mute: toggle(true, () => clock.now), unmute: toggle(false, () => clock.now), ...extra.defs },
    clientFor: async () => client,
    wakeAt,
    now: () => clock.now,
    random: () => 0.5,
    ...extra,
  });
  return { box, wakeAt };
}

/** The users the store shows as muted for ACCOUNT. */
export const muted = async () => (await db().muted.where('accountId').equals(ACCOUNT).toArray()).map((r) => r.userId);

/** Every action in the store, oldest first. */
export const actions = () => db().actions.orderBy('seq').toArray();

/** Registers the hooks: the store empty and the clock back at its start before each test. Call once per file. */
export function withOutbox(): void {
  withEmptyStore();
  beforeEach(() => {
    clock.now = START;
  });
}
