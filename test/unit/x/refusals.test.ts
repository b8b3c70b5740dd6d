import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createXClient, type XRequest } from '@/lib/x/client';
import { XApiError } from '@/lib/x/errors';

/**
 * What a refusal means is read from its status, the operation, the problem `type` and `reason` — never from
 * its words: the same meaning whatever X writes in `detail` (x-api--fundamentals--response-codes-and-errors;
 * x-api--users--blocks--introduction and x-api--posts--manage-tweets--introduction for what needs Enterprise).
 */
const BASE = 'https://api.x.test';
const ANY = z.unknown();
const BLOCK: XRequest<unknown> = { method: 'POST', path: '/2/users/1/blocking', body: { target_user_id: '2' }, schema: ANY };
const UNBLOCK: XRequest<unknown> = { method: 'DELETE', path: '/2/users/1/blocking/2', schema: ANY };
const QUOTE: XRequest<unknown> = { method: 'POST', path: '/2/tweets', body: { text: 'so true', quote_tweet_id: '20' }, schema: ANY };
const POST: XRequest<unknown> = { method: 'POST', path: '/2/tweets', body: { text: 'hello' }, schema: ANY };
const LIKE: XRequest<unknown> = { method: 'POST', path: '/2/users/1/likes', body: { tweet_id: '20' }, schema: ANY };
const BOOKMARKS: XRequest<unknown> = { method: 'GET', path: '/2/users/1/bookmarks', schema: ANY };

const ALL_SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'like.write', 'bookmark.read', 'block.write', 'offline.access'];

function answering(status: number, body: unknown, headers: Record<string, string> = {}) {
  return vi.fn(
    async () =>
      new Response(body === undefined ? '' : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } }),
  );
}

async function kindOf(req: XRequest<unknown>, status: number, body: unknown, granted: string[] = ALL_SCOPES) {
  const client = createXClient({
    baseUrl: BASE,
    getAccessToken: () => Promise.resolve('t'),
    grantedScopes: () => Promise.resolve(granted),
    fetch: answering(status, body),
  });
  const error = await client.request(req).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof XApiError)) throw new Error(`expected an XApiError, got ${String(error)}`);
  return error;
}

// X's documented bodies (x-api--fundamentals--response-codes-and-errors; the description's ClientForbiddenProblem,
// UsageCapExceededProblem), both problem hosts, and what X sends with no words at all.
const clientForbidden = (host: string) => ({
  title: 'Client Forbidden',
  detail: 'When authenticating requests to the X API v2 endpoints, you must use keys and tokens from an App attached to a Project.',
  type: `https://${host}/2/problems/client-forbidden`,
  reason: 'client-not-enrolled',
  registration_url: 'https://developer.x.com/en/portal/projects-and-apps',
});
const subsetAccess = {
  errors: [
    {
      message: 'You currently have access to a subset of X API V2 endpoints and limited v1.1 endpoints only.',
      code: 453,
    },
  ],
};
const bareForbidden = { title: 'Forbidden', type: 'about:blank', status: 403, detail: 'Forbidden' };
const noWords = undefined;
const usageCapped = (host: string) => ({
  title: 'Usage capped',
  detail: 'Usage cap exceeded: Monthly product cap',
  type: `https://${host}/2/problems/usage-capped`,
  period: 'Monthly',
  scope: 'Product',
});

describe('refusals X reserves for the Enterprise plan', () => {
  it.each([
    ['a block, client-forbidden (api.x.com)', BLOCK, clientForbidden('api.x.com')],
    ['a block, client-forbidden (api.twitter.com)', BLOCK, clientForbidden('api.twitter.com')],
    ['a block, a bare Forbidden', BLOCK, bareForbidden],
    ['an unblock, no body at all', UNBLOCK, noWords],
    ['a quote post, client-forbidden', QUOTE, clientForbidden('api.x.com')],
    ['a quote post, a bare Forbidden', QUOTE, bareForbidden],
  ])('%s is enterprise-only', async (_what, req, body) => {
    expect((await kindOf(req, 403, body)).kind).toBe('enterprise-only');
  });

  it('a block refused because the account was not found stays about that, not the plan', async () => {
    const body = { title: 'Not Found Error', type: 'https://api.x.com/2/problems/resource-not-found', detail: 'Could not find user' };
    expect((await kindOf(BLOCK, 403, body)).kind).not.toBe('enterprise-only');
  });
});

describe('an app without access to the endpoint', () => {
  it.each([
    ['client-forbidden with reason client-not-enrolled (api.x.com)', clientForbidden('api.x.com')],
    ['client-forbidden (api.twitter.com)', clientForbidden('api.twitter.com')],
    ['the "subset of X API V2 endpoints" answer (code 453)', subsetAccess],
  ])('%s on a plain post is app-no-access, with where to fix it', async (_what, body) => {
    const error = await kindOf(POST, 403, body);
    expect(error.kind).toBe('app-no-access');
    expect(error.message).toMatch(/developer console/);
  });

  it('keeps the reason X gave', async () => {
    expect((await kindOf(LIKE, 403, clientForbidden('api.x.com'))).problem.reason).toBe('client-not-enrolled');
  });

  it('a bare Forbidden on a plain post is only "X does not allow this"', async () => {
    expect((await kindOf(POST, 403, bareForbidden)).kind).toBe('forbidden');
  });
});

describe('a missing scope, known from the scopes X granted', () => {
  it.each([
    ['a 403 with words', 403, { title: 'Forbidden', type: 'about:blank', detail: 'Missing required OAuth 2.0 scope(s): like.write.' }],
    ['a bare 403', 403, bareForbidden],
    ['a 401 (X answers some missing scopes so)', 401, { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' }],
  ])('%s on a like without like.write is missing-permission', async (_what, status, body) => {
    const granted = ALL_SCOPES.filter((s) => s !== 'like.write');
    expect((await kindOf(LIKE, status, body, granted)).kind).toBe('missing-permission');
  });

  it('the same words with every scope granted are not about permission', async () => {
    const body = { title: 'Forbidden', type: 'about:blank', detail: 'Missing required OAuth 2.0 scope(s): like.write.' };
    expect((await kindOf(LIKE, 403, body)).kind).toBe('forbidden');
  });
});

describe('out of credits is not a rate limit', () => {
  it.each([
    ['usage-capped (api.x.com)', 429, usageCapped('api.x.com')],
    ['usage-capped (api.twitter.com)', 429, usageCapped('api.twitter.com')],
    [
      '402 Payment Required',
      402,
      {
        title: 'CreditsDepleted',
        detail: 'Your enrolled account does not have any credits.',
        type: 'https://api.x.com/2/problems/credits',
      },
    ],
  ])('%s is usage-capped, telling the person where to fix it', async (_what, status, body) => {
    const error = await kindOf(BOOKMARKS, status, body);
    expect(error.kind).toBe('usage-capped');
    expect(error.message).toMatch(/out of credits or over its spending limit/);
    expect(error.message).toMatch(/console\.x\.com/);
  });

  it('a plain 429 is still a rate limit', async () => {
    expect(
      (await kindOf(BOOKMARKS, 429, { title: 'Too Many Requests', errors: [{ code: 88, message: 'Rate limit exceeded' }] })).kind,
    ).toBe('rate-limited');
  });
});

describe('a 400 says what X said was wrong', () => {
  it('shows errors[].message, not the generic top-level detail', async () => {
    const body = {
      errors: [{ parameters: { name: ['x'.repeat(30)] }, message: 'List name must be 25 characters or less.' }],
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: 'https://api.x.com/2/problems/invalid-request',
    };
    const error = await kindOf(POST, 400, body);
    expect(error.kind).toBe('invalid-request');
    // X's words, quoted as X's (lib/error-words.ts).
    expect(error.message).toBe('X refused the request. X said: “\u2068List name must be 25 characters or less.\u2069”');
    expect(error.message).not.toMatch(/One or more parameters/);
  });

  it('falls back to detail when X gave no errors', async () => {
    const body = { title: 'Invalid Request', detail: 'The text is empty.', type: 'https://api.x.com/2/problems/invalid-request' };
    expect((await kindOf(POST, 400, body)).message).toBe('X refused the request. X said: “\u2068The text is empty.\u2069”');
  });
});

describe('daily caps', () => {
  const NOW = Math.floor(Date.UTC(2030, 0, 15, 12) / 1000);
  it('reads x-user-limit-24hour-* and x-app-limit-24hour-* beside x-rate-limit-*, and a spent daily cap outlasts the window', async () => {
    const headers = {
      'x-rate-limit-limit': '50',
      'x-rate-limit-remaining': '40',
      'x-rate-limit-reset': String(NOW + 600),
      'x-user-limit-24hour-limit': '1000',
      'x-user-limit-24hour-remaining': '0',
      'x-user-limit-24hour-reset': String(NOW + 20_000),
      'x-app-limit-24hour-limit': '100000',
      'x-app-limit-24hour-remaining': '5000',
      'x-app-limit-24hour-reset': String(NOW + 30_000),
    };
    const client = createXClient({
      baseUrl: BASE,
      getAccessToken: () => Promise.resolve('t'),
      fetch: answering(429, { title: 'Too Many Requests', errors: [{ code: 88, message: 'Rate limit exceeded' }] }, headers),
    });
    const error = await client.request(LIKE).then(
      () => {
        throw new Error('expected X to refuse');
      },
      (e: unknown) => e as XApiError,
    );
    expect(error.kind).toBe('rate-limited');
    expect(error.rateLimit).toEqual({
      limit: 50,
      remaining: 40,
      reset: NOW + 600,
      userDay: { limit: 1000, remaining: 0, reset: NOW + 20_000 },
      appDay: { limit: 100000, remaining: 5000, reset: NOW + 30_000 },
    });
    // The 15-minute window has room; the day's cap is what is spent, so its reset is when it works again.
    expect(error.rateLimitReset).toBe(NOW + 20_000);
  });
});
