import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ending, play, QUARTER_HOUR, runArb, START } from './outbox-run';
import { mostInWindow } from './scripted-x';

/**
 * The class behind issue 11's first items, as a property: the real client, limiter and outbox (its Dexie store on
 * fake-indexeddb) against a scripted X whose every answer is drawn from bad statuses, headers and bodies, over many
 * simulated hours. Whatever X answers: no action sends more than 3 requests in any 15 minutes, none is lost (each
 * ends done, failed with a reason, waiting with a time, or waiting for the person with what to do), and nothing
 * rejects unhandled. CLASS_RUNS=<n> runs it longer; CLASS_SEED=<seed> replays a failure.
 */

const RUNS = Number(process.env.CLASS_RUNS ?? 80);

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
});

describe('the client, limiter and outbox against a misbehaving X', () => {
  it('send no action more than 3 times in 15 minutes, lose none, and leave no rejection unhandled', async () => {
    let requests = 0;
    let simulated = 0;
    const endings = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(runArb, async (run) => {
        const t0 = performance.now();
        const out = await play(run);
        if (process.env.CLASS_DEBUG) console.log(`${(performance.now() - t0).toFixed(0)} ms ${out.sent.length} requests`);
        requests += out.sent.length;
        simulated += out.simulatedMs;
        const worst = mostInWindow(out.sent, QUARTER_HOUR);
        expect(worst.count, `${worst.key} sent ${worst.count} times in 15 minutes`).toBeLessThanOrEqual(3);
        expect(out.rows).toHaveLength(run.actions.length);
        const now = START + out.simulatedMs;
        for (const r of out.rows) endings.set(ending(r, now, out.signedOut), (endings.get(ending(r, now, out.signedOut)) ?? 0) + 1);
        const lost = out.rows.filter((r) => ending(r, now, out.signedOut).startsWith('LOST'));
        expect(
          lost.map((r) => ({
            ending: ending(r, now, out.signedOut),
            row: r,
            sent: out.sent.map((s) => `${s.at - START} ${s.key} ${JSON.stringify(s.answer)}`),
          })),
        ).toEqual([]);
        await new Promise((r) => setImmediate(r));
        expect(unhandled).toEqual([]);
      }),
      {
        numRuns: RUNS,
        endOnFailure: !!process.env.CLASS_DEBUG,
        ...(process.env.CLASS_SEED ? { seed: Number(process.env.CLASS_SEED) } : {}),
      },
    );
    console.info(
      `class/outbox: ${RUNS} runs, ${(simulated / 3600_000).toFixed(0)} simulated hours, ${requests} requests to the scripted X;`,
      Object.fromEntries(endings),
    );
  }, 120_000);
});
