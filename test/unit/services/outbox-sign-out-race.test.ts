import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { clearAccount } from '@/lib/db/wipe';
import { ACTIONS } from '@/lib/services/actions';
import { Outbox } from '@/lib/services/outbox';
import type { XClient, XRequest } from '@/lib/x/client';
import { XApiError } from '@/lib/x/errors';
import { toggle } from './outbox-fakes';
import { withEmptyStore } from '../support/store';

/**
 * Signing out while an action is with X: the sign-out wipes the account's rows (lib/db/wipe.ts), and X's answer,
 * arriving after, must not write them back — a rollback restoring what the action changed, or a confirmation storing
 * what X said. The person chose what to keep when signing out; nothing else of the account stays behind.
 */

const ACCOUNT = '1585841080431321088';
const now = 1_800_000_000_000;

/** X holding every request until the test answers it. */
function heldX() {
  let answer: (outcome: { body: unknown } | XApiError) => void = () => undefined;
  const sent = vi.fn<(req: XRequest<unknown>) => void>();
  const client = {
    request: (req: XRequest<unknown>) => {
      sent(req);
      return new Promise((resolve, reject) => {
        answer = (outcome) => (outcome instanceof XApiError ? reject(outcome) : resolve({ ...outcome, status: 200, rateLimit: undefined }));
      });
    },
  } as unknown as XClient;
  return { client, sent, answer: (outcome: { body: unknown } | XApiError) => answer(outcome) };
}

function outboxWith(client: XClient) {
  return new Outbox({
    defs: { ...ACTIONS, unmute: toggle(false, () => now) },
    clientFor: async () => client,
    wakeAt: vi.fn(),
    now: () => now,
    random: () => 0.5,
  });
}

const rowsOf = async () => ({
  actions: await db().actions.where('accountId').equals(ACCOUNT).count(),
  muted: await db().muted.where('accountId').equals(ACCOUNT).count(),
  following: await db().following.where('accountId').equals(ACCOUNT).count(),
});

withEmptyStore();

describe('an action with X when its account signs out', () => {
  it('puts nothing back when X then refuses it', async () => {
    await db().muted.put({ accountId: ACCOUNT, userId: '7', position: now });
    const x = heldX();
    const box = outboxWith(x.client);
    await box.enqueue(ACCOUNT, 'unmute', { userId: '7' });
    await vi.waitFor(() => expect(x.sent).toHaveBeenCalled());
    await clearAccount(db(), ACCOUNT, { now });
    x.answer(new XApiError('forbidden', { status: 403, problem: { detail: 'No.' } }));
    await box.idle(ACCOUNT);
    expect(await rowsOf()).toEqual({ actions: 0, muted: 0, following: 0 });
  });

  it('stores nothing of what X then confirms', async () => {
    const x = heldX();
    const box = outboxWith(x.client);
    await box.enqueue(ACCOUNT, 'follow', { userId: '7' });
    await vi.waitFor(() => expect(x.sent).toHaveBeenCalled());
    await clearAccount(db(), ACCOUNT, { now });
    x.answer({ body: { data: { following: true, pending_follow: false } } });
    await box.idle(ACCOUNT);
    expect(await rowsOf()).toEqual({ actions: 0, muted: 0, following: 0 });
  });

  it('still rolls back and confirms for an account that stays signed in', async () => {
    await db().muted.put({ accountId: ACCOUNT, userId: '7', position: now });
    const x = heldX();
    const box = outboxWith(x.client);
    await box.enqueue(ACCOUNT, 'unmute', { userId: '7' });
    await vi.waitFor(() => expect(x.sent).toHaveBeenCalledTimes(1));
    x.answer(new XApiError('forbidden', { status: 403, problem: { detail: 'No.' } }));
    await box.idle(ACCOUNT);
    await box.enqueue(ACCOUNT, 'follow', { userId: '8' });
    await vi.waitFor(() => expect(x.sent).toHaveBeenCalledTimes(2));
    x.answer({ body: { data: { following: true, pending_follow: false } } });
    await box.idle(ACCOUNT);
    expect(await rowsOf()).toEqual({ actions: 2, muted: 1, following: 1 });
  });
});
