import { describe, expect, it } from 'vitest';
import { paginate, ReplyError } from '../../emulator/http';
import { emu, token, withAdaSignedIn } from '../support/emulator';
import { ADA_ID, ALL_SCOPES, GRACE_ID, api, control, postForm, signIn } from './helpers';

withAdaSignedIn(ALL_SCOPES);

async function body(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>;
}

describe('GET /2/users/me', () => {
  it('answers the signed-in user with only the default fields id, name and username', async () => {
    const res = await api(emu, '/2/users/me', token);
    expect(res.status).toBe(200);
    expect(await body(res)).toEqual({ data: { id: ADA_ID, name: 'Ada Perch', username: 'adaperch' } });
  });

  it('adds the fields asked for in user.fields', async () => {
    const res = await api(emu, '/2/users/me?user.fields=created_at,profile_image_url,public_metrics,verified,protected,description', token);
    const { data } = (await body(res)) as { data: Record<string, unknown> };
    expect(Object.keys(data).sort()).toEqual(
      ['created_at', 'description', 'id', 'name', 'profile_image_url', 'protected', 'public_metrics', 'username', 'verified'].sort(),
    );
    expect(data.profile_image_url).toBe(`${emu.url}/profile_images/${ADA_ID}/avatar_normal.png`);
    expect(data.public_metrics).toMatchObject({ followers_count: expect.any(Number), following_count: expect.any(Number) });
    const image = await fetch(data.profile_image_url as string);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('answers X-shaped 400 invalid-request errors for an unknown user.fields value or query parameter', async () => {
    const res = await api(emu, '/2/users/me?user.fields=created_at,shoe_size', token);
    emu.contract.claim({ operationId: 'getUsersMe', rule: 'query-value' });
    expect(res.status).toBe(400);
    expect(await body(res)).toEqual({
      errors: [
        {
          parameters: { 'user.fields': ['shoe_size'] },
          message: expect.stringContaining('The `user.fields` query parameter value [shoe_size] is not one of ['),
        },
      ],
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: 'https://api.x.com/2/problems/invalid-request',
    });
    const res2 = await api(emu, '/2/users/me?colour=blue', token);
    emu.contract.claim({ operationId: 'getUsersMe', rule: 'query-undeclared' });
    expect(res2.status).toBe(400);
    expect(await body(res2)).toMatchObject({
      errors: [{ parameters: { colour: ['blue'] }, message: expect.stringContaining('[colour]') }],
    });
  });

  it('answers 401 problem JSON without a token or with an unknown one', async () => {
    for (const t of [undefined, 'made-up-token']) {
      const res = await api(emu, '/2/users/me', t);
      if (!t) emu.contract.claim({ operationId: 'getUsersMe', rule: 'security' });
      expect(res.status).toBe(401);
      expect(await body(res)).toEqual({ title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' });
      expect(res.headers.get('x-rate-limit-limit')).toBe('75');
    }
  });

  it('answers 403 naming the missing scopes when the token lacks users.read', async () => {
    const narrow = (await signIn(emu, ['tweet.read'])).access_token;
    const res = await api(emu, '/2/users/me', narrow);
    emu.contract.claim({ operationId: 'getUsersMe', rule: 'scopes' });
    expect(res.status).toBe(403);
    expect(await body(res)).toMatchObject({
      title: 'Forbidden',
      type: 'about:blank',
      status: 403,
      detail: expect.stringContaining('users.read'),
      required_scopes: ['tweet.read', 'users.read'],
      missing_scopes: ['users.read'],
    });
  });
});

describe('GET /2/users/by/username/:username and /2/users/:id', () => {
  it('finds a user by username, whatever the case', async () => {
    const res = await api(emu, '/2/users/by/username/GraceHop?user.fields=verified', token);
    expect(await body(res)).toEqual({ data: { id: GRACE_ID, name: 'Grace Hopper', username: 'gracehop', verified: true } });
  });

  it('answers 404 for a username that does not exist, as the lookup guide says', async () => {
    // x-api--users--lookup--integrate: "404 | Not Found | User doesn't exist or was suspended".
    const res = await api(emu, '/2/users/by/username/nobody_here', token);
    expect(res.status).toBe(404);
    const entry = {
      value: 'nobody_here',
      detail: 'Could not find user with username: [nobody_here].',
      title: 'Not Found Error',
      resource_type: 'user',
      parameter: 'username',
      resource_id: 'nobody_here',
      type: 'https://api.x.com/2/problems/resource-not-found',
    };
    expect(await body(res)).toEqual({ ...entry, status: 404, errors: [entry] });
  });

  it('answers 404 for a suspended user, as the lookup guide says', async () => {
    const res = await api(emu, '/2/users/by/username/suspendedacct', token);
    expect(res.status).toBe(404);
    expect(await body(res)).toMatchObject({ errors: [{ title: 'Not Found Error', resource_type: 'user' }] });
  });

  it('rejects a malformed username', async () => {
    const res = await api(emu, '/2/users/by/username/not-a-handle!', token);
    emu.contract.claim({ operationId: 'getUsersByUsername', rule: 'path-param' });
    expect(res.status).toBe(400);
    expect(await body(res)).toMatchObject({ title: 'Invalid Request', errors: [{ parameters: { username: ['not-a-handle!'] } }] });
  });

  it('finds a user by id and reports unknown ids', async () => {
    expect(await body(await api(emu, `/2/users/${GRACE_ID}`, token))).toMatchObject({ data: { username: 'gracehop' } });
    const unknown = await api(emu, '/2/users/123', token);
    expect(unknown.status).toBe(404);
    expect(await body(unknown)).toMatchObject({ errors: [{ parameter: 'id', value: '123' }] });
  });
});

describe('rate limits', () => {
  it('puts x-rate-limit headers on every answer, OAuth endpoints included', async () => {
    const me = await api(emu, '/2/users/me', token);
    expect(me.headers.get('x-rate-limit-limit')).toBe('75');
    expect(me.headers.get('x-rate-limit-remaining')).toBe('74');
    const reset = Number(me.headers.get('x-rate-limit-reset'));
    expect(reset).toBeGreaterThan(Math.floor(emu.state.now() / 1000) + 14 * 60);
    expect(reset).toBeLessThanOrEqual(Math.ceil(emu.state.now() / 1000) + 15 * 60);
    const byName = await api(emu, '/2/users/by/username/gracehop', token);
    expect(byName.headers.get('x-rate-limit-limit')).toBe('900');
    const revoke = await postForm(emu, '/2/oauth2/revoke', { token: 'x', client_id: 'perch-unit-client' });
    for (const h of ['x-rate-limit-limit', 'x-rate-limit-remaining', 'x-rate-limit-reset']) expect(revoke.headers.get(h)).toMatch(/^\d+$/);
    const missing = await api(emu, '/2/nothing/here', token);
    emu.contract.claim({ rule: 'unknown-operation', path: '/2/nothing/here' });
    expect(missing.headers.get('x-rate-limit-reset')).toMatch(/^\d+$/);
  });

  it('answers 429 to the 76th users/me in a 15-minute window, and serves again once the window resets', async () => {
    for (let i = 0; i < 75; i++) expect((await api(emu, '/2/users/me', token)).status).toBe(200);
    const limited = await api(emu, '/2/users/me', token);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-rate-limit-remaining')).toBe('0');
    expect(await body(limited)).toEqual({
      title: 'Too Many Requests',
      detail: 'Too Many Requests',
      type: 'about:blank',
      status: 429,
      errors: [{ code: 88, message: 'Rate limit exceeded' }],
    });
    const reset = Number(limited.headers.get('x-rate-limit-reset'));
    // Other endpoints have their own window.
    expect((await api(emu, '/2/users/by/username/gracehop', token)).status).toBe(200);
    await control(emu, 'POST', 'clock', { advance_seconds: 15 * 60 });
    expect(Math.floor(emu.state.now() / 1000)).toBeGreaterThanOrEqual(reset - 1);
    const again = await api(emu, '/2/users/me', token);
    expect(again.status).toBe(200);
    expect(again.headers.get('x-rate-limit-remaining')).toBe('74');
  });
});

describe('routing', () => {
  it('answers 404 problem JSON for an unknown route', async () => {
    const res = await api(emu, '/2/tweets/search/everything', token);
    emu.contract.claim({ rule: 'unknown-operation', path: '/2/tweets/search/everything' });
    expect(res.status).toBe(404);
    expect(await body(res)).toEqual({ title: 'Not Found', type: 'about:blank', status: 404, detail: 'Not Found' });
  });

  it('answers 405 with an Allow header for a known route and the wrong method', async () => {
    const res = await api(emu, '/2/users/me', token, { method: 'DELETE' });
    emu.contract.claim({ rule: 'unknown-operation', method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
  });
});

describe('the pagination helper', () => {
  const items = Array.from({ length: 25 }, (_, i) => i);

  it('pages with max_results and an opaque next_token, omitted on the last page', () => {
    const first = paginate(new URLSearchParams('max_results=10'), items, { defaultMax: 100, min: 1, max: 100 });
    expect(first.items).toEqual(items.slice(0, 10));
    expect(first.meta.result_count).toBe(10);
    const third = paginate(
      new URLSearchParams(
        `max_results=10&pagination_token=${paginate(new URLSearchParams(`max_results=10&pagination_token=${first.meta.next_token!}`), items, { defaultMax: 100, min: 1, max: 100 }).meta.next_token!}`,
      ),
      items,
      {
        defaultMax: 100,
        min: 1,
        max: 100,
      },
    );
    expect(third.items).toEqual(items.slice(20));
    expect(third.meta.next_token).toBeUndefined();
    expect(third.meta.previous_token).toBeDefined();
  });

  it('rejects an out-of-range max_results or a made-up pagination_token with X’s invalid-request shape', () => {
    const call = (q: string) => () => paginate(new URLSearchParams(q), items, { defaultMax: 10, min: 5, max: 100 });
    expect(call('max_results=1000')).toThrow(ReplyError);
    try {
      call('max_results=1000')();
    } catch (e) {
      expect((e as ReplyError).reply).toMatchObject({
        status: 400,
        json: {
          errors: [
            { parameters: { max_results: ['1000'] }, message: 'The `max_results` query parameter value [1000] is not between 5 and 100' },
          ],
          title: 'Invalid Request',
        },
      });
    }
    expect(call('pagination_token=zzz')).toThrow(ReplyError);
  });
});
