/** One run of the outbox class test: the person's actions, X's script, and the background living through hours. */
import fc from 'fast-check';
import { actionErrorText } from '@/components/error-text';
import { AWAITING_PERSON, db, type ActionRow } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { Outbox } from '@/lib/services/outbox';
import { rateLimitStore } from '@/lib/services/rate-limit-store';
import { createXClient } from '@/lib/x/client';
import { XApiError } from '@/lib/x/errors';
import { createLimitedClient } from '@/lib/x/limiter';
import { freshDb } from '../services/support';
import { answerArb, scriptedX, type Answer, type SimClock } from './scripted-x';

export const ADA = '2244994945';
export const START = Date.UTC(2026, 11, 1, 12, 0, 0);
export const QUARTER_HOUR = 15 * 60_000;
const DAY_MS = 24 * 3600_000;
/** How long each run lives through after its actions, in simulated time. */
const HOURS = 6;

/** One action per target, so each request names the action that sent it. */
const ACTION_ARBS = {
  bookmark: { type: 'bookmark', params: { postId: '1460323737035677698' } },
  like: { type: 'like', params: { postId: '1460323737035677699' } },
  follow: { type: 'follow', params: { userId: '783214', username: 'x' } },
  mute: { type: 'mute', params: { userId: '6253282', username: 'xapi' } },
  addMember: { type: 'list.addMember', params: { listId: '1441162269824405510', userId: '12', listName: 'Friends', username: 'jack' } },
  createList: { type: 'list.create', params: { tempId: 'temp-1', name: 'Birds' } },
} as const;

export interface Run {
  actions: (keyof typeof ACTION_ARBS)[];
  script: Answer[];
  /** X's 401 is final: the refresh is refused and the person is signed out (until they sign in again, at this hour). */
  signOutOn401: boolean;
  signInAgainAfterH: number;
  jitter: number;
}

export const runArb: fc.Arbitrary<Run> = fc.record({
  actions: fc.uniqueArray(fc.constantFrom(...(Object.keys(ACTION_ARBS) as (keyof typeof ACTION_ARBS)[])), { minLength: 1, maxLength: 6 }),
  script: fc.array(answerArb, { minLength: 1, maxLength: 40 }),
  signOutOn401: fc.boolean(),
  signInAgainAfterH: fc.integer({ min: 1, max: 8 }),
  jitter: fc.double({ min: 0, max: 0.999, noNaN: true }),
});

export interface Outcome {
  sent: ReturnType<typeof scriptedX>['sent'];
  rows: ActionRow[];
  signedOut: boolean;
  simulatedMs: number;
}

/** Plays one run: the person takes the actions, X answers from the script, the background lives HOURS hours. */
export async function play(run: Run): Promise<Outcome> {
  await freshDb();
  let t = START;
  const clock: SimClock = { now: () => t, advance: (ms) => (t += ms) };
  const x = scriptedX(run.script, clock);
  let signedOut = false;
  let token = 1;
  const raw = createXClient({
    baseUrl: 'https://api.x.com',
    fetch: x.fetch,
    timeoutMs: 100,
    getAccessToken: async (rejected) => {
      if (signedOut) throw new XApiError('signed-out');
      if (rejected !== undefined) {
        if (run.signOutOn401) {
          signedOut = true;
          throw new XApiError('signed-out');
        }
        token++;
      }
      return `token-${token}`;
    },
  });
  const client = createLimitedClient({
    client: raw,
    store: rateLimitStore(ADA),
    now: clock.now,
    sleep: async (ms) => clock.advance(ms),
    random: () => run.jitter,
  });
  const wakes: number[] = [];
  const box = new Outbox({
    defs: ACTIONS,
    clientFor: async () => client,
    wakeAt: (at) => wakes.push(at),
    now: clock.now,
    random: () => run.jitter,
  });
  for (const name of run.actions) {
    const { type, params } = ACTION_ARBS[name];
    await box.enqueue(ADA, type, { ...params });
    await box.idle(ADA);
    clock.advance(1_000);
  }
  const end = START + HOURS * 3600_000;
  const signInAt = START + run.signInAgainAfterH * 3600_000;
  // The background lives on: woken at each time the outbox asked for, and every 10 minutes anyway (a worker
  // restart, the daily sync's alarm, the popup opening) — a wake must never send what should wait.
  while (t < end) {
    const asked = wakes.filter((w) => w > t);
    const next = Math.min(t + 10 * 60_000, ...asked);
    t = Math.max(next, t + 1);
    if (signedOut && t >= signInAt) signedOut = false;
    await box.wake();
    await box.idle(ADA);
  }
  return { sent: x.sent, rows: await db().actions.toArray(), signedOut, simulatedMs: t - START };
}

/** What an action's end says to the person (its error as the screen words it), or why it is lost. */
export function ending(row: ActionRow, now: number, signedOut: boolean): string {
  const words = row.error ? actionErrorText(row.error) : '';
  if (row.state === 'done') return 'done';
  if (row.state === 'failed') return words ? 'failed with a reason' : 'LOST: failed with no reason';
  if (row.state === 'queued') {
    // Waiting for the person: the words say what to do (add credits and press Retry; sign in again).
    if (row.notBefore === AWAITING_PERSON)
      return row.error?.kind === 'usage-capped' && /Retry/.test(words) ? 'waiting for the person' : 'LOST: parked with no way out';
    if (row.error?.kind === 'signed-out' && signedOut) return /Sign in/.test(words) ? 'waiting for sign-in' : 'LOST: signed out, not told';
    // X's longest window is a day: a wait beyond it (a reset in the year 3000) parks the action for ever.
    if (row.notBefore > now + DAY_MS + 3600_000) return `LOST: parked until ${new Date(row.notBefore).toISOString()}`;
    if (row.notBefore > now && words) return 'waiting with a time';
    return `LOST: queued, due at ${row.notBefore} (${row.error?.kind ?? 'no reason'})`;
  }
  return `LOST: ${row.state}`;
}
