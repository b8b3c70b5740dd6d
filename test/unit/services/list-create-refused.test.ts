import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db, resetDb } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { Outbox } from '@/lib/services/outbox';
import { ok, scripted } from '../x/support';
import { freshDb } from './support';

/** A new list X refuses with a 200 carrying only `errors` (ListCreateResponse's `data` is optional). */

const ACCOUNT = '1585841080431321088';
const TOO_MANY = { type: 'about:blank', title: 'Forbidden', detail: 'You cannot create more Lists.' };

beforeEach(freshDb);
afterEach(() => resetDb());

describe('creating a list X answers with only errors', () => {
  it("fails once with X's words, asks X nothing more, and takes the new list away", async () => {
    const x = scripted(ok({ errors: [TOO_MANY] }));
    const box = new Outbox({
      defs: ACTIONS,
      clientFor: async () => x.client,
      wakeAt: vi.fn(),
      now: () => 1_800_000_000_000,
      random: () => 0.5,
    });
    await box.enqueue(ACCOUNT, 'list.create', { tempId: 'temp-1', name: 'Birds' });
    await box.idle(ACCOUNT);
    const [action] = await db().actions.toArray();
    expect(action).toMatchObject({ state: 'failed', error: { kind: 'invalid-request', said: TOO_MANY.detail } });
    expect(x.sent.map((s) => `${s.method ?? 'GET'} ${s.path}`)).toEqual(['POST /2/lists']);
    expect(await db().lists.where('accountId').equals(ACCOUNT).count()).toBe(0);
  });
});
