import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { Outbox } from '@/lib/services/outbox';
import { rateLimitStore } from '@/lib/services/rate-limit-store';
import type { XClient } from '@/lib/x/client';
import { createLimitedClient } from '@/lib/x/limiter';
import { SEED_POSTS } from '../../emulator/seed';
import { ADA_ID } from '../auth/support';
import { emu, withTestEmulator } from '../support/emulator';
import { freshDb, signedInClient } from './support';

/**
 * The outbox's promise, as a property: whatever the interleaving of actions, network drops, lost answers, worker
 * restarts and 429s, once the network is back the store agrees with what X holds, which is what the person asked
 * for last on each target; no action is lost, and none ends in any state but done.
 */

const POSTS = Object.values(SEED_POSTS).slice(0, 2);
const USERS = ['1452871219391512578'];

type Step =
  | { kind: 'act'; type: string; params: Record<string, string> }
  | { kind: 'fault'; fault: 'drop' | 'cut' | 'rate_limit' | 'status' }
  | { kind: 'restart' }
  | { kind: 'wait'; seconds: number };

const act = fc.oneof(
  fc.record({
    kind: fc.constant('act' as const),
    type: fc.constantFrom('bookmark', 'unbookmark', 'like', 'unlike'),
    params: fc.record({ postId: fc.constantFrom(...POSTS) }),
  }),
  fc.record({
    kind: fc.constant('act' as const),
    type: fc.constantFrom('mute', 'unmute'),
    params: fc.record({ userId: fc.constantFrom(...USERS) }),
  }),
);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: act },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('fault' as const),
      fault: fc.constantFrom('drop' as const, 'cut' as const, 'rate_limit' as const, 'status' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wait' as const), seconds: fc.integer({ min: 1, max: 120 }) }) },
);

withTestEmulator();

async function xHolds(): Promise<{ bookmarks: Set<string>; likes: Set<string>; muting: Set<string> }> {
  const r = (await (await fetch(`${emu.url}/__emulator/users/${ADA_ID}/relations`)).json()) as Record<string, string[]>;
  return { bookmarks: new Set(r.bookmarks), likes: new Set(r.likes), muting: new Set(r.muting) };
}

describe('the outbox under failures', () => {
  it('converges to what the person asked for last, on X and in the store, losing nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        await freshDb();
        emu.state.reset();
        const raw = await signedInClient(emu);
        const client: XClient = createLimitedClient({
          client: raw,
          store: rateLimitStore(ADA_ID),
          now: () => emu.state.now(),
          sleep: async () => undefined,
        });
        const make = () =>
          new Outbox({
            defs: ACTIONS,
            clientFor: async () => client,
            wakeAt: () => undefined,
            now: () => emu.state.now(),
            random: () => 0.5,
          });
        let box = make();
        const intent = new Map<string, boolean>();
        let enqueued = 0;
        for (const s of steps) {
          if (s.kind === 'act') {
            await box.enqueue(ADA_ID, s.type, s.params);
            enqueued += 1;
            const on = !s.type.startsWith('un');
            intent.set(`${s.type.replace(/^un/, '')}:${s.params.postId ?? s.params.userId}`, on);
          } else if (s.kind === 'fault') {
            emu.state.addFault({ path: '/2/users/*', kind: s.fault, remaining: 1, ...(s.fault === 'status' ? { status: 503 } : {}) });
          } else if (s.kind === 'restart') {
            await box.idle(ADA_ID);
            // The worker died: one action it was sending is left marked 'sending'.
            const queued = await db().actions.where('[accountId+state]').equals([ADA_ID, 'queued']).first();
            if (queued) await db().actions.update(queued.seq!, { state: 'sending', updatedAt: '2000-01-01T00:00:00.000Z' });
            box = make();
            await box.recover();
          } else {
            emu.state.advance(s.seconds);
          }
          await box.idle(ADA_ID);
        }
        // The network is back for good: time passes, the outbox is woken, until nothing waits.
        emu.state.faults = [];
        for (let i = 0; i < 20; i++) {
          if ((await db().actions.where('[accountId+state]').anyOf([ADA_ID, 'queued'], [ADA_ID, 'sending']).count()) === 0) break;
          emu.state.advance(16 * 60);
          await box.wake();
          await box.idle(ADA_ID);
        }
        const all = await db().actions.toArray();
        expect(all).toHaveLength(enqueued);
        expect(all.filter((a) => a.state !== 'done').map((a) => `${a.type} ${a.state} ${a.error?.message ?? ''}`)).toEqual([]);
        const x = await xHolds();
        for (const [key, on] of intent) {
          const [kind, id] = key.split(':') as [string, string];
          if (kind === 'bookmark') {
            expect(x.bookmarks.has(id)).toBe(on);
            expect(!!(await db().bookmarks.get([ADA_ID, id]))).toBe(on);
          } else if (kind === 'like') {
            expect(x.likes.has(id)).toBe(on);
            expect(!!(await db().engagements.get([ADA_ID, id]))?.liked).toBe(on);
          } else {
            expect(x.muting.has(id)).toBe(on);
            expect(!!(await db().muted.get([ADA_ID, id]))).toBe(on);
          }
        }
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
