/**
 * A scripted, misbehaving X for the class tests: a fake `fetch` whose every answer is drawn by fast-check from
 * statuses (200, 400, 401, 403, 429, 500, 503, a timeout, a dropped connection), rate-limit and Date header values
 * (missing, zero, past, far future, negative, non-numeric) and bodies (valid per X's description, truncated, wrong
 * types). Once the script is used up, X answers well. Every request is logged with the simulated time it was sent.
 */
import fc from 'fast-check';
import { vi } from 'vitest';

export type Status = 200 | 400 | 401 | 403 | 429 | 500 | 503 | 'timeout' | 'hang' | 'drop';
/** How a time header (a reset, retry-after) is written, relative to X's clock. */
export type TimeValue = 'missing' | 'zero' | 'past' | 'soon' | 'hour' | 'far-future' | 'negative' | 'garbage';
/** X's Date header: missing, unreadable, the Unix epoch, or X's clock against ours. */
export type DateValue = 'missing' | 'same' | 'ahead' | 'behind' | 'far' | 'epoch' | 'garbage';
export type BodyKind = 'valid' | 'truncated' | 'wrong-types';

export interface Answer {
  status: Status;
  reset: TimeValue;
  remaining: 'zero' | 'some' | 'negative' | 'garbage' | 'missing';
  /** Adds `x-user-limit-24hour-*` with the same kind of reset. */
  day: TimeValue | 'absent';
  retryAfter: TimeValue;
  date: DateValue;
  body: BodyKind;
  /** The problem a 403 carries (usage-capped: out of credits). */
  problem: 'usage-capped' | 'client-forbidden' | 'none';
  /** For a media FINALIZE or STATUS answer: what `processing_info` says. */
  processing: 'absent' | 'pending' | 'in_progress' | 'succeeded' | 'failed';
  /** `check_after_secs` X asks for (0 and negative included: Perch must still wait a second). */
  checkAfter: number;
}

const time = fc.constantFrom<TimeValue>('missing', 'zero', 'past', 'soon', 'hour', 'far-future', 'negative', 'garbage');

/** One answer of X, good or bad. */
export const answerArb: fc.Arbitrary<Answer> = fc.record({
  status: fc.oneof(
    { weight: 6, arbitrary: fc.constant<Status>(200) },
    { weight: 6, arbitrary: fc.constantFrom<Status>(400, 401, 403, 429, 500, 503, 'timeout', 'hang', 'drop') },
    { weight: 3, arbitrary: fc.constant<Status>(429) },
  ),
  reset: time,
  remaining: fc.constantFrom('zero' as const, 'some' as const, 'negative' as const, 'garbage' as const, 'missing' as const),
  day: fc.oneof({ weight: 3, arbitrary: fc.constant('absent' as const) }, { weight: 1, arbitrary: time }),
  retryAfter: time,
  date: fc.constantFrom<DateValue>('missing', 'same', 'ahead', 'behind', 'far', 'epoch', 'garbage'),
  body: fc.oneof(
    { weight: 6, arbitrary: fc.constant<BodyKind>('valid') },
    { weight: 1, arbitrary: fc.constantFrom<BodyKind>('truncated', 'wrong-types') },
  ),
  problem: fc.constantFrom('usage-capped' as const, 'client-forbidden' as const, 'none' as const),
  processing: fc.constantFrom('absent' as const, 'pending' as const, 'in_progress' as const, 'succeeded' as const, 'failed' as const),
  checkAfter: fc.constantFrom(-3, 0, 1, 2, 5),
});

/** A well-behaved answer, for when the script is used up. */
export const GOOD: Answer = {
  status: 200,
  reset: 'soon',
  remaining: 'some',
  day: 'absent',
  retryAfter: 'missing',
  date: 'same',
  body: 'valid',
  problem: 'none',
  processing: 'succeeded',
  checkAfter: 1,
};

/** The simulated time, shared by X, the limiter and the outbox (epoch ms). */
export interface SimClock {
  now(): number;
  /** Moves the clock forward (a timeout spent waiting for X, a back-off slept). */
  advance(ms: number): void;
}

export interface Sent {
  at: number;
  method: string;
  /** The path, with the STATUS command's query. */
  path: string;
  /** Which request this is, for counting: method, path and body (one post part, one toggle). */
  key: string;
  answer: Answer;
}

/** How long a timed-out request keeps Perch waiting, in simulated time (the client's REQUEST_TIMEOUT_MS). */
export const TIMEOUT_SIM_MS = 30_000;

function timeValue(v: TimeValue, xNowS: number): string | undefined {
  switch (v) {
    case 'missing':
      return undefined;
    case 'zero':
      return '0';
    case 'past':
      return String(xNowS - 600);
    case 'soon':
      return String(xNowS + 60);
    case 'hour':
      return String(xNowS + 3600);
    case 'far-future':
      return String(32503680000); // the year 3000
    case 'negative':
      return '-5';
    case 'garbage':
      return 'soon-ish';
  }
}

function dateOffsetMs(v: DateValue): number {
  return v === 'ahead' ? 5 * 60_000 : v === 'behind' ? -5 * 60_000 : v === 'far' ? 3 * 24 * 3600_000 : 0;
}

/** X's answer body for a successful request to this operation, valid per X's OpenAPI description. */
function validBody(method: string, path: string, body: unknown, a: Answer, mediaId: string): unknown {
  const processing =
    a.processing === 'absent'
      ? {}
      : {
          processing_info: {
            state: a.processing,
            check_after_secs: a.checkAfter,
            ...(a.processing === 'failed' ? { error: { message: 'bad' } } : {}),
          },
        };
  if (path === '/2/tweets' && method === 'POST') {
    return { data: { id: String(1_000_000 + Math.floor(Math.random() * 1e9)), text: (body as { text?: string }).text ?? '' } }; // createPosts
  }
  if (path === '/2/media/upload' && method === 'POST') return { data: { id: mediaId, media_key: `3_${mediaId}` } }; // mediaUpload
  if (path === '/2/media/upload/initialize') return { data: { id: mediaId, media_key: `16_${mediaId}`, expires_after_secs: 86400 } }; // initializeMediaUpload
  if (path.endsWith('/append')) return { data: { expires_at: 1_900_000_000 } }; // appendMediaUpload
  if (path.endsWith('/finalize') || (path === '/2/media/upload' && method === 'GET')) return { data: { id: mediaId, ...processing } }; // finalize / getMediaUploadStatus
  if (path === '/2/lists' && method === 'POST')
    return { data: { id: '1500000000000000001', name: (body as { name?: string }).name ?? '' } }; // listsCreate
  if (/\/owned_lists$/.test(path)) return { data: [], meta: { result_count: 0 } }; // getUsersOwnedLists
  if (/\/bookmarks/.test(path)) return { data: { bookmarked: method === 'POST' } }; // createUsersBookmark / deleteUsersBookmark
  if (/\/likes/.test(path)) return { data: { liked: method === 'POST' } }; // likePost / unlikePost
  if (/\/following/.test(path)) return { data: { following: method === 'POST', pending_follow: false } }; // followUser
  if (/\/muting/.test(path)) return { data: { muting: method === 'POST' } }; // muteUser
  if (/\/members/.test(path)) return { data: { is_member: method === 'POST' } }; // addListsMember
  throw new Error(`the scripted X does not know ${method} ${path}`);
}

function problemBody(status: number, a: Answer): unknown {
  if (status === 403 && a.problem === 'usage-capped') {
    return {
      title: 'UsageCapExceeded',
      detail: 'Usage cap exceeded: Monthly product cap',
      type: 'https://api.x.com/2/problems/usage-capped',
      period: 'Monthly',
      scope: 'Product',
    };
  }
  if (status === 403 && a.problem === 'client-forbidden') {
    return {
      title: 'Client Forbidden',
      detail: 'This request must be made using an approved developer account.',
      type: 'https://api.x.com/2/problems/client-forbidden',
      reason: 'client-not-enrolled',
      registration_url: 'https://developer.x.com',
    };
  }
  return { title: `Status ${status}`, detail: `X answered ${status}.`, type: 'about:blank', status };
}

/**
 * A fake fetch that answers from `script` in order, then well. A 'timeout' answers its headers and never its
 * body, a 'hang' not even its headers: the client's own deadline must end them (the simulated clock moves
 * {@link TIMEOUT_SIM_MS}).
 */
export function scriptedX(script: readonly Answer[], clock: SimClock): { fetch: typeof fetch; sent: Sent[] } {
  const sent: Sent[] = [];
  let next = 0;
  let mediaSeq = 0;
  const fakeFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = init?.method ?? 'GET';
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const command = url.searchParams.get('command');
    const path = url.pathname + (command ? `?command=${command}` : '');
    const a = script[next++] ?? GOOD;
    // A post part is known by its text (its reply target may change between presses); a toggle by its body.
    const partText = (body as { text?: unknown } | undefined)?.text;
    const key = `${method} ${path} ${typeof partText === 'string' ? partText : typeof init?.body === 'string' ? init.body : ''}`;
    sent.push({ at: clock.now(), method, path, key, answer: a });
    if (a.status === 'drop') throw new TypeError('fetch failed');
    if (a.status === 'hang') {
      // No headers ever: only the client's own deadline ends the request.
      clock.advance(TIMEOUT_SIM_MS);
      const signal = init?.signal;
      return new Promise<Response>((_, reject) => {
        if (signal?.aborted) reject(signal.reason);
        else signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    }
    const xNow = a.date === 'epoch' ? 0 : clock.now() + dateOffsetMs(a.date);
    const xNowS = Math.floor(xNow / 1000);
    const headers = new Headers({ 'content-type': 'application/json' });
    if (a.date === 'garbage') headers.set('date', 'yesterday-ish');
    else if (a.date !== 'missing') headers.set('date', new Date(xNow).toUTCString());
    const reset = timeValue(a.reset, xNowS);
    const remaining = { zero: '0', some: '3', negative: '-1', garbage: 'lots', missing: undefined }[a.remaining];
    if (reset !== undefined && remaining !== undefined) {
      headers.set('x-rate-limit-limit', '50');
      headers.set('x-rate-limit-remaining', remaining);
      headers.set('x-rate-limit-reset', reset);
    }
    if (a.day !== 'absent') {
      const dayReset = timeValue(a.day, xNowS);
      if (dayReset !== undefined) {
        headers.set('x-user-limit-24hour-limit', '1000');
        headers.set('x-user-limit-24hour-remaining', a.status === 429 ? '0' : '10');
        headers.set('x-user-limit-24hour-reset', dayReset);
      }
    }
    const retryAfter = timeValue(a.retryAfter, 0);
    if (retryAfter !== undefined) headers.set('retry-after', retryAfter);
    if (a.status === 'timeout') {
      clock.advance(TIMEOUT_SIM_MS);
      const stalled = new ReadableStream<Uint8Array>({
        start(controller) {
          const signal = init?.signal;
          if (signal?.aborted) controller.error(signal.reason);
          else signal?.addEventListener('abort', () => controller.error(signal.reason), { once: true });
        },
      });
      return new Response(stalled, { status: 200, headers });
    }
    const status = a.status;
    let json: unknown =
      status === 200
        ? validBody(method, url.pathname, body, a, String(1_600_000_000_000_000_000n + BigInt(++mediaSeq)))
        : problemBody(status, a);
    if (a.body === 'wrong-types') json = { data: 42, errors: 'none', title: 7 };
    let text = JSON.stringify(json);
    if (a.body === 'truncated') text = text.slice(0, Math.floor(text.length / 2));
    return new Response(text, { status, headers });
  };
  return { fetch: fakeFetch, sent };
}

/**
 * The tries among the requests: a request X answered 401 and the client at once sent again with a refreshed token
 * (its one refresh-and-retry) makes one try with its resend: X did not act on the refused one.
 */
export function tries(sent: readonly Sent[]): Sent[] {
  return sent.filter((s, i) => !(s.answer.status === 401 && sent[i + 1]?.key === s.key && sent[i + 1]?.at === s.at));
}

/** The largest number of tries with the same key sent within any `windowMs` (sliding). */
export function mostInWindow(sent: readonly Sent[], windowMs: number): { key: string; count: number } {
  const byKey = new Map<string, number[]>();
  for (const s of tries(sent)) byKey.set(s.key, [...(byKey.get(s.key) ?? []), s.at]);
  let worst = { key: '', count: 0 };
  for (const [key, times] of byKey) {
    times.sort((x, y) => x - y);
    for (let i = 0, j = 0; j < times.length; j++) {
      while (times[j]! - times[i]! >= windowMs) i++;
      if (j - i + 1 > worst.count) worst = { key, count: j - i + 1 };
    }
  }
  return worst;
}

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** On vitest's fake timers: runs them (status-check waits, back-offs) until the promise settles. */
export async function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  let out: Settled<T> | undefined;
  promise.then(
    (value) => (out = { ok: true, value }),
    (error: unknown) => (out = { ok: false, error }),
  );
  while (!out) {
    if (vi.getTimerCount() > 0) await vi.advanceTimersToNextTimerAsync();
    else await new Promise((r) => setImmediate(r));
  }
  return out;
}
