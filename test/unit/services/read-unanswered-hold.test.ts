import { describe, expect, it } from 'vitest';
import { tabErrorText } from '@/entrypoints/popup/tab-error-text';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { Outbox } from '@/lib/services/outbox';
import { rateLimitStore } from '@/lib/services/rate-limit-store';
import { postContext, profileContext } from '@/lib/services/tab-context';
import type { PostContext, ProfileContext } from '@/lib/views';
import { createLimitedClient } from '@/lib/x/limiter';
import { SEED_POSTS } from '../../emulator/seed';
import { ADA_ID, makeService } from '../auth/support';
import { emu, withEmulator } from './world';

/**
 * A read X does not answer holds up nothing but itself. When X answers the popup's read of the post or profile in its
 * tab with 503 (with or without Retry-After) or 429, the popup says so after one short wait, not the limiter's three,
 * and the bookmark the person asks for next is sent to X at once: a 503 says nothing of another endpoint, and X counts
 * rate limits per endpoint (x-api--fundamentals--response-codes-and-errors; x-api--fundamentals--rate-limits, its
 * x-rate-limit-* headers). Worker-side: the tries are counted, never timed.
 */

withEmulator();

const POST = SEED_POSTS.gracePhoto;
const BOOKMARKS = `/2/users/${ADA_ID}/bookmarks`;
/** The popup's reads: a post (getPostsByIds) and a profile (getUsersByUsername). */
const TAB_READ = /^\/2\/(tweets|users\/by\/username\/[^/]+)$/;

type Trouble = { status: 503; retryAfter?: string } | { status: 429 };

/** Ada's worker as the background builds it, while X answers the popup's reads as `trouble` says. */
async function worker(trouble: Trouble) {
  const waits: (() => void)[] = [];
  const reads: string[] = [];
  const troubled: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const res = await fetch(input, init);
    if (!TAB_READ.test(url.pathname) || (init?.method ?? 'GET') !== 'GET') return res;
    reads.push(url.pathname);
    const headers = new Headers(res.headers);
    if (trouble.status === 503 && trouble.retryAfter) headers.set('retry-after', trouble.retryAfter);
    if (trouble.status === 429) {
      headers.set('x-rate-limit-remaining', '0');
      headers.set('x-rate-limit-reset', String(Math.ceil(emu.state.now() / 1000) + 900));
    }
    return new Response(JSON.stringify({ title: 'Service Unavailable', detail: 'Overloaded.', type: 'about:blank' }), {
      status: trouble.status,
      headers,
    });
  };
  const h = makeService(emu, { deps: { fetch: troubled } });
  await h.auth.signIn();
  const raw = h.auth.clientFor(ADA_ID, h.settings);
  // Each back-off wait (1 s, 2 s, 4 s… in the worker) lasts until the test lets it end.
  const sleep = () => new Promise<void>((resolve) => waits.push(resolve));
  const clientFor = async () => createLimitedClient({ client: raw, store: rateLimitStore(ADA_ID), now: () => emu.state.now(), sleep });
  const outbox = new Outbox({ defs: ACTIONS, clientFor, wakeAt: () => undefined, now: () => emu.state.now() });
  emu.state.log = [];
  return {
    outbox,
    readPost: () => postContext(clientFor, ADA_ID, POST, emu.state.now()),
    readProfile: () => profileContext(clientFor, ADA_ID, 'gracehop', emu.state.now()),
    /** How many times X was asked for the tab's post or profile. */
    reads: () => reads.length,
    /** How many back-off waits the read is in or has been through. */
    waits: () => waits.length,
    /** Ends every wait so far: the read tries again. */
    endWaits: () => waits.forEach((end) => end()),
    bookmarksSent: () => emu.state.log.filter((e) => e.method === 'POST' && e.path === BOOKMARKS).map((e) => e.status),
  };
}

/** Lets a read through its back-off waits until it ends (the limiter's tries are bounded; so is this). */
async function settle<T>(w: Awaited<ReturnType<typeof worker>>, reading: Promise<T>): Promise<T> {
  let done = false;
  void reading.finally(() => (done = true));
  for (let i = 0; i < 200 && !done; i++) {
    w.endWaits();
    await new Promise((r) => setTimeout(r, 5));
  }
  return reading;
}

describe('when X does not answer the popup’s read', () => {
  it.each([
    ['a post', '503', { status: 503 }],
    ['a post', '503 with Retry-After: 120', { status: 503, retryAfter: '120' }],
    ['a post', '503 with Retry-After as a date', { status: 503, retryAfter: 'Wed, 21 Oct 2099 07:28:00 GMT' }],
    ['a profile', '503', { status: 503 }],
  ] as const)('of %s with %s, the popup says so after asking X twice', async (what, _, trouble) => {
    const w = await worker(trouble);
    const reading: Promise<PostContext | ProfileContext> = what === 'a post' ? w.readPost() : w.readProfile();
    const ctx = await settle(w, reading);
    // X's own words on its trouble are quoted after Perch's, the whole isolated as the popup shows a sentence with them.
    expect(tabErrorText(ctx.error, 'fallback')).toBe(
      '\u2068X is not answering right now. Try again in a moment. X said: “\u2068Overloaded.\u2069”\u2069',
    );
    expect([w.reads(), w.waits()]).toEqual([2, 1]);
  });

  it.each([
    ['503', { status: 503 }],
    ['503 with Retry-After: 120', { status: 503, retryAfter: '120' }],
  ] as const)('with %s, the bookmark asked for meanwhile reaches X at once, before the read tries again', async (_, trouble) => {
    const w = await worker(trouble);
    const reading = w.readPost();
    await expect.poll(w.waits).toBe(1);
    const { seq } = await w.outbox.enqueue(ADA_ID, 'bookmark', { postId: POST });
    await w.outbox.idle(ADA_ID);
    expect(await db().actions.get(seq!)).toMatchObject({ state: 'done', attempts: 1 });
    expect(w.bookmarksSent()).toEqual([200]);
    expect(w.reads()).toBe(1);
    await settle(w, reading);
  });

  it.each([
    ['503', { status: 503 }],
    ['503 with Retry-After: 120', { status: 503, retryAfter: '120' }],
    ['429 (x-rate-limit-remaining: 0)', { status: 429 }],
  ] as const)('with %s, the bookmark asked for after the popup said so is sent at once, and only the read waits', async (_, trouble) => {
    const w = await worker(trouble);
    expect((await settle(w, w.readPost())).error).toMatchObject({ kind: trouble.status === 503 ? 'unavailable' : 'rate-limited' });
    const { seq } = await w.outbox.enqueue(ADA_ID, 'bookmark', { postId: POST });
    await w.outbox.idle(ADA_ID);
    expect(await db().actions.get(seq!)).toMatchObject({ state: 'done', attempts: 1, notBefore: 0 });
    expect(w.bookmarksSent()).toEqual([200]);
    const parked = (await db().rateLimits.toArray()).filter((r) => r.remaining <= 0).map((r) => r.endpoint);
    expect(parked).toEqual(trouble.status === 429 ? ['GET /2/tweets'] : []);
  });
});
