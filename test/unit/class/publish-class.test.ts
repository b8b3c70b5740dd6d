import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { attachImage, ComposeError, draftKey, publishDraft, saveDraft } from '@/lib/services/compose';
import { rateLimitStore } from '@/lib/services/rate-limit-store';
import { createXClient } from '@/lib/x/client';
import { XApiError } from '@/lib/x/errors';
import { createLimitedClient } from '@/lib/x/limiter';
import { freshDb, png } from '../services/support';
import { answerArb, mostInWindow, scriptedX, settle, tries, type Answer, type SimClock } from './scripted-x';

/**
 * Publishing a post, a thread and an image (one-request PNG upload, or a GIF's chunked upload with its STATUS
 * polls) through the real client and limiter against the scripted, misbehaving X, on fake timers. The person
 * presses Post again after each failure, minutes apart. Whatever X answers: no post part and no media upload step
 * is sent more than 3 times in 15 minutes, a press sends each at most once, STATUS polls are at least a second
 * apart, the draft is never lost (every failure keeps it, with its text and images), and nothing rejects unhandled.
 */

const RUNS = Number(process.env.CLASS_RUNS ?? 80);
const ADA = '2244994945';
const START = Date.UTC(2026, 11, 1, 12, 0, 0);
const QUARTER_HOUR = 15 * 60_000;
const GIF_BYTES = new Uint8Array(new TextEncoder().encode('GIF89a\x01\x00\x01\x00\x00\x00\x00;'));

interface Publish {
  parts: number;
  image: 'png' | 'gif';
  script: Answer[];
  /** Minutes the person waits before pressing Post again. */
  gaps: number[];
  jitter: number;
}

const publishArb: fc.Arbitrary<Publish> = fc.record({
  parts: fc.integer({ min: 1, max: 3 }),
  image: fc.constantFrom('png' as const, 'gif' as const),
  script: fc.array(answerArb, { minLength: 1, maxLength: 30 }),
  gaps: fc.array(fc.integer({ min: 5, max: 60 }), { minLength: 6, maxLength: 6 }),
  jitter: fc.double({ min: 0, max: 0.999, noNaN: true }),
});

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
  process.off('unhandledRejection', onUnhandled);
});

describe('publishing against a misbehaving X', () => {
  it('sends each post part and upload step at most 3 times in 15 minutes, polls at most once a second, and keeps the draft', async () => {
    let requests = 0;
    let simulated = 0;
    let presses = 0;
    await fc.assert(
      fc.asyncProperty(publishArb, async (run) => {
        vi.setSystemTime(START);
        await freshDb();
        const clock: SimClock = { now: () => Date.now(), advance: (ms) => vi.setSystemTime(Date.now() + ms) };
        const x = scriptedX(run.script, clock);
        let token = 1;
        const raw = createXClient({
          baseUrl: 'https://api.x.com',
          fetch: x.fetch,
          timeoutMs: 100,
          getAccessToken: async (rejected) => `token-${rejected === undefined ? token : ++token}`,
        });
        const client = createLimitedClient({ client: raw, store: rateLimitStore(ADA), random: () => run.jitter });
        const context = 'share:https://example.com/';
        const imageId = await attachImage(
          ADA,
          context,
          run.image === 'png'
            ? { name: 'a.png', type: 'image/png', bytes: png() }
            : { name: 'a.gif', type: 'image/gif', bytes: GIF_BYTES.slice() },
        );
        const posts = Array.from({ length: run.parts }, (_, i) => ({
          text: `part ${i + 1} of my thread`,
          mediaIds: i === 0 ? [imageId] : [],
        }));
        await saveDraft({ accountId: ADA, context, seq: 1, posts });

        let published: string[] | undefined;
        for (const gap of run.gaps) {
          const before = x.sent.length;
          const press = await settle(publishDraft(client, ADA, context));
          presses++;
          const thisPress = x.sent.slice(before).filter((s) => !s.path.includes('command=STATUS'));
          expect(mostInWindow(thisPress, Infinity).count, 'one press sends each request once').toBeLessThanOrEqual(1);
          if (press.ok) {
            published = press.value;
            break;
          }
          // The press failed: the person is told why, and the draft is all still there, images included.
          expect(press.error).toSatisfy((e) => (e instanceof ComposeError || e instanceof XApiError) && e.message.length > 0);
          const draft = await db().drafts.get(draftKey(ADA, context));
          expect(draft?.posts).toEqual(posts);
          if ((draft?.publishedIds.length ?? 0) === 0) expect(await db().draftMedia.get(imageId)).toBeDefined();
          clock.advance(gap * 60_000);
        }
        if (published) {
          expect(published).toHaveLength(run.parts);
          expect(await db().drafts.get(draftKey(ADA, context))).toBeUndefined();
        }
        const worst = mostInWindow(
          x.sent.filter((s) => !s.path.includes('command=STATUS')),
          QUARTER_HOUR,
        );
        expect(worst.count, `${worst.key} sent ${worst.count} times in 15 minutes`).toBeLessThanOrEqual(3);
        const polls = tries(x.sent)
          .filter((s) => s.path.includes('command=STATUS'))
          .map((s) => s.at);
        for (let i = 1; i < polls.length; i++)
          expect(polls[i]! - polls[i - 1]!, 'status polls a second apart').toBeGreaterThanOrEqual(1000);
        await new Promise((r) => setImmediate(r));
        expect(unhandled).toEqual([]);
        requests += x.sent.length;
        simulated += Date.now() - START;
      }),
      {
        numRuns: RUNS,
        endOnFailure: !!process.env.CLASS_DEBUG,
        ...(process.env.CLASS_SEED ? { seed: Number(process.env.CLASS_SEED) } : {}),
      },
    );
    console.info(
      `class/publish: ${RUNS} runs, ${presses} presses, ${(simulated / 3600_000).toFixed(1)} simulated hours, ${requests} requests to the scripted X`,
    );
  }, 120_000);
});
