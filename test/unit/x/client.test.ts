import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AuthError } from '@/lib/auth/errors';
import { createXClient, type XRequest } from '@/lib/x/client';
import { XApiError } from '@/lib/x/errors';
import { getMe } from '@/lib/x/users';
import { ADA_ID } from '../emulator/helpers';

const BASE = 'https://api.x.test';
const ME: XRequest<{ data: { id: string; username: string } }> = {
  method: 'GET',
  path: '/2/users/me',
  schema: z.object({ data: z.object({ id: z.string(), username: z.string() }) }),
};
const ADA_JSON = { data: { id: ADA_ID, name: 'Ada Perch', username: 'adaperch' } };

type Step = { status: number; body?: unknown; raw?: string; headers?: Record<string, string> } | { throws: unknown };

/** A fetch that answers from a script, one step per call, and records what it was asked. */
function scripted(...steps: Step[]) {
  const calls: { url: string; method: string | undefined; authorization: string | null; body: unknown }[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    calls.push({
      url: String(input),
      method: init?.method,
      authorization: new Headers(init?.headers).get('authorization'),
      body: init?.body,
    });
    const step = steps.shift();
    if (!step) throw new Error('the script ran out: the client sent more requests than expected');
    if ('throws' in step) throw step.throws;
    const text = step.raw ?? (step.body === undefined ? '' : JSON.stringify(step.body));
    return new Response(text, { status: step.status, headers: { 'content-type': 'application/json', ...step.headers } });
  });
  return { fetch, calls };
}

/** A token provider: `t1` at first, then `t2`, `t3`… each time a token is reported as rejected. */
function tokens() {
  let n = 1;
  return vi.fn((rejected?: string) => Promise.resolve(rejected ? `t${++n}` : `t${n}`));
}

async function xErrorOf(p: Promise<unknown>): Promise<XApiError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof XApiError)) throw new Error(`expected an XApiError, got ${String(error)}`);
  return error;
}

const problem = (status: number, detail: string, extra: Record<string, unknown> = {}) => ({
  status,
  body: { title: 'Problem', type: 'about:blank', status, detail, ...extra },
});

describe('the X client, scripted', () => {
  it('sends the bearer token, the method, the query and a JSON body', async () => {
    const { fetch, calls } = scripted({ status: 200, body: { data: { id: '1', text: 'hi' } } });
    const client = createXClient({ baseUrl: BASE, getAccessToken: tokens(), fetch });
    await client.request({
      method: 'POST',
      path: '/2/tweets',
      query: { 'user.fields': 'username', skip: undefined, max_results: 5 },
      body: { text: 'hi' },
      schema: z.unknown(),
    });
    expect(calls).toEqual([
      { url: `${BASE}/2/tweets?user.fields=username&max_results=5`, method: 'POST', authorization: 'Bearer t1', body: '{"text":"hi"}' },
    ]);
    expect(new Headers(fetch.mock.calls[0]![1]!.headers).get('content-type')).toBe('application/json');
  });

  it('on a 401 asks once for a new token, naming the rejected one, and retries once', async () => {
    const { fetch, calls } = scripted(problem(401, 'Unauthorized'), { status: 200, body: ADA_JSON });
    const getAccessToken = tokens();
    const res = await createXClient({ baseUrl: BASE, getAccessToken, fetch }).request(ME);
    expect(res.body.data.username).toBe('adaperch');
    expect(getAccessToken.mock.calls).toEqual([[], ['t1']]);
    expect(calls.map((c) => c.authorization)).toEqual(['Bearer t1', 'Bearer t2']);
  });

  it('says X did not accept the renewed sign-in this time after a second 401, instead of looping', async () => {
    const { fetch } = scripted(problem(401, 'Unauthorized'), problem(401, 'Unauthorized'), { status: 200, body: ADA_JSON });
    const getAccessToken = tokens();
    const error = await xErrorOf(createXClient({ baseUrl: BASE, getAccessToken, fetch }).request(ME));
    expect(error.status).toBe(401);
    // The provider renewed (t1 → t2): the sign-in holds, so never "You are signed out of X".
    expect(error.message).toBe(
      'X did not accept Perch’s sign-in this time, though you are still signed in. Try again later; if it keeps happening, sign out and sign in with X again. ' +
        'X said: “\u2068Unauthorized\u2069”',
    );
    expect(error.ownWords).toEqual({ kind: 'sign-in-refused' });
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(getAccessToken).toHaveBeenCalledTimes(2);
  });

  it('reports signed-out after a second 401 to the same token, which was not renewed', async () => {
    const { fetch } = scripted(problem(401, 'Unauthorized'), problem(401, 'Unauthorized'));
    const getAccessToken = vi.fn(() => Promise.resolve('t1'));
    const error = await xErrorOf(createXClient({ baseUrl: BASE, getAccessToken, fetch }).request(ME));
    expect(error.kind).toBe('signed-out');
    expect(error.message).toBe('You are signed out of X. Sign in with X again.');
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['a protected account', 'forbidden', problem(403, 'You are not allowed to see this post.')],
    ['a bare Forbidden', 'forbidden', { status: 403, body: { title: 'Forbidden', type: 'about:blank', status: 403, detail: 'Forbidden' } }],
  ])('never refreshes on a 403 for %s and reports %s', async (_case, kind, answer) => {
    const { fetch } = scripted(answer);
    const getAccessToken = tokens();
    const error = await xErrorOf(createXClient({ baseUrl: BASE, getAccessToken, fetch }).request(ME));
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(403);
    expect(getAccessToken.mock.calls).toEqual([[]]);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('reports a 429 as rate-limited, with the reset time from the headers in the message', async () => {
    const reset = Math.floor(new Date(2030, 0, 15, 14, 7, 30).getTime() / 1000);
    const { fetch } = scripted({
      status: 429,
      body: { title: 'Too Many Requests', errors: [{ code: 88, message: 'Rate limit exceeded' }] },
      headers: { 'x-rate-limit-limit': '75', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(reset) },
    });
    const getAccessToken = tokens();
    const error = await xErrorOf(createXClient({ baseUrl: BASE, getAccessToken, fetch }).request(ME));
    expect(error.kind).toBe('rate-limited');
    expect(error.rateLimitReset).toBe(reset);
    expect(error.message).toMatch(/at Jan 15, 14:07\.$/);
    expect(getAccessToken.mock.calls).toEqual([[]]);
  });

  it('says "try again later" for a 429 without a reset header', async () => {
    const { fetch } = scripted({ status: 429, body: { title: 'Too Many Requests' } });
    const error = await xErrorOf(createXClient({ baseUrl: BASE, getAccessToken: tokens(), fetch }).request(ME));
    expect(error.kind).toBe('rate-limited');
    expect(error.rateLimitReset).toBeUndefined();
    expect(error.message).toMatch(/Try again later\.$/);
  });

  it.each([
    [500, { body: { title: 'Internal Server Error' } }],
    [502, { raw: '<html>Bad Gateway</html>' }],
    [503, { body: { title: 'Service Unavailable' } }],
    [504, { raw: '' }],
  ])('reports a %i as unavailable', async (status, answer) => {
    const { fetch } = scripted({ status, ...answer });
    const error = await xErrorOf(createXClient({ baseUrl: BASE, getAccessToken: tokens(), fetch }).request(ME));
    expect(error.kind).toBe('unavailable');
    expect(error.status).toBe(status);
  });

  it.each([
    ['a TypeError (no network)', new TypeError('Failed to fetch')],
    ['an AbortError', new DOMException('The operation was aborted.', 'AbortError')],
    ['a string', 'socket hang up'],
    ['undefined', undefined],
    ['a plain object', { code: 'ECONNRESET' }],
  ])('reports fetch throwing %s as offline, as an XApiError', async (_case, thrown) => {
    const { fetch } = scripted({ throws: thrown });
    const error = await xErrorOf(createXClient({ baseUrl: BASE, getAccessToken: tokens(), fetch }).request(ME));
    expect(error.kind).toBe('offline');
    expect(error.cause).toBe(thrown);
  });

  it('reports a 200 with broken JSON as malformed', async () => {
    const { fetch } = scripted({ status: 200, raw: '{"data":{"id":"1585841080431321088","name":"Ada' });
    const error = await xErrorOf(createXClient({ baseUrl: BASE, getAccessToken: tokens(), fetch }).request(ME));
    expect(error.kind).toBe('malformed');
    expect(error.message).toBe('X sent an answer Perch could not read. Nothing was changed.');
  });

  it('reports a 200 whose body does not match the expected shape as malformed', async () => {
    const { fetch } = scripted({ status: 200, body: { data: { id: ADA_ID } } });
    const error = await xErrorOf(createXClient({ baseUrl: BASE, getAccessToken: tokens(), fetch }).request(ME));
    expect(error.kind).toBe('malformed');
    expect(error.status).toBe(200);
  });

  it('reads the rate-limit headers into the response', async () => {
    const { fetch } = scripted({
      status: 200,
      body: ADA_JSON,
      headers: { 'x-rate-limit-limit': '75', 'x-rate-limit-remaining': '74', 'x-rate-limit-reset': '1894700000' },
    });
    const res = await createXClient({ baseUrl: BASE, getAccessToken: tokens(), fetch }).request(ME);
    expect(res).toEqual({
      status: 200,
      body: { data: { id: ADA_ID, username: 'adaperch' } },
      rateLimit: { limit: 75, remaining: 74, reset: 1894700000 },
      json: true,
    });
  });

  it.each([
    ['no rate-limit headers', {}],
    ['a reset that is not a number', { 'x-rate-limit-limit': '75', 'x-rate-limit-remaining': '74', 'x-rate-limit-reset': 'soon' }],
  ])('leaves rateLimit undefined with %s', async (_case, headers) => {
    const { fetch } = scripted({ status: 200, body: ADA_JSON, headers });
    const res = await createXClient({ baseUrl: BASE, getAccessToken: tokens(), fetch }).request(ME);
    expect(res.rateLimit).toBeUndefined();
  });

  it("reads X's clock from its Date header, for the limiter to read resets against", async () => {
    const date = 'Wed, 15 Jan 2031 14:07:30 GMT';
    const { fetch } = scripted(
      { status: 200, body: ADA_JSON, headers: { date } },
      { status: 429, body: { title: 'Too Many Requests' }, headers: { date } },
    );
    const client = createXClient({ baseUrl: BASE, getAccessToken: tokens(), fetch });
    expect((await client.request(ME)).serverDate).toBe(Date.parse(date));
    expect((await xErrorOf(client.request(ME))).serverDate).toBe(Date.parse(date));
  });

  /** A fetch that never answers until its signal aborts, as a hung connection does. */
  const hung = () =>
    vi.fn(
      (_input: RequestInfo | URL, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal!.reason as Error));
        }),
    );

  it('gives up on a request X does not answer in time, as offline, instead of waiting for ever', async () => {
    const fetch = hung();
    const error = await xErrorOf(createXClient({ baseUrl: BASE, getAccessToken: tokens(), fetch, timeoutMs: 50 }).request(ME));
    expect(error.kind).toBe('offline');
    expect((error.cause as DOMException).name).toBe('TimeoutError');
  });

  it('gives up on an answer whose body stops arriving', async () => {
    const fetch = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"data":'));
          init?.signal?.addEventListener('abort', () => controller.error(init.signal!.reason));
        },
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    });
    const error = await xErrorOf(createXClient({ baseUrl: BASE, getAccessToken: tokens(), fetch, timeoutMs: 50 }).request(ME));
    expect(error.kind).toBe('offline');
  });

  it('keeps 19-digit ids as exact strings', async () => {
    const { fetch } = scripted({ status: 200, raw: '{"data":{"id":"1585841080431321088","name":"Ada Perch","username":"adaperch"}}' });
    const user = await getMe(createXClient({ baseUrl: BASE, getAccessToken: tokens(), fetch }));
    expect(user.id).toBe('1585841080431321088');
  });

  it('refuses an id sent as a JSON number rather than silently rounding it', async () => {
    const { fetch } = scripted({ status: 200, raw: '{"data":{"id":1585841080431321088,"name":"Ada Perch","username":"adaperch"}}' });
    const error = await xErrorOf(getMe(createXClient({ baseUrl: BASE, getAccessToken: tokens(), fetch })));
    expect(error.kind).toBe('malformed');
  });

  it.each([
    ['a 404', 'not-found', 'X could not find it: it may have been deleted.', problem(404, 'Not Found')],
    [
      'a 400 with a detail',
      'invalid-request',
      'X refused the request. X said: “\u2068The `query` parameter is too long.\u2069”',
      problem(400, 'The `query` parameter is too long.'),
    ],
  ])('words %s (%s) for the person', async (_case, kind, message, answer) => {
    const { fetch } = scripted(answer);
    const error = await xErrorOf(createXClient({ baseUrl: BASE, getAccessToken: tokens(), fetch }).request(ME));
    expect(error.kind).toBe(kind);
    expect(error.message).toBe(message);
  });

  it.each([
    ['before the first request', [new AuthError('network')], [] as Step[]],
    ['when asked to replace a rejected token', [undefined, new AuthError('signed-out')], [problem(401, 'Unauthorized')]],
  ])('throws only XApiError when the token provider fails %s', async (_case, failures, steps) => {
    const { fetch } = scripted(...steps);
    const getAccessToken = vi.fn((rejected?: string) => {
      const failure = failures.shift();
      return failure ? Promise.reject(failure) : Promise.resolve(rejected ? 't2' : 't1');
    });
    const error: unknown = await createXClient({ baseUrl: BASE, getAccessToken, fetch })
      .request(ME)
      .then(
        () => 'resolved',
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(XApiError);
  });
});
