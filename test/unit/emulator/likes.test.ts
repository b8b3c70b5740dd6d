import { describe, expect, it } from 'vitest';
import { SEED_POSTS } from '../../emulator/seed';
import { emu, signAdaInAgain, token, withAdaSignedIn } from '../support/emulator';
import { ADA_ID, GRACE_ID, api, control, readAnswer, sendJson, signIn } from './helpers';

const SCOPES = ['tweet.read', 'users.read', 'like.write', 'offline.access'];
const BASE = `/2/users/${ADA_ID}/likes`;
const PROBLEMS = 'https://api.x.com/2/problems/';

type Json = Record<string, unknown>;

withAdaSignedIn(SCOPES);

const send = async (method: string, path: string, payload?: unknown, t = token) =>
  readAnswer(await sendJson(emu, method, path, t, payload));
const likes = async () => (await control<{ likes: string[] }>(emu, 'GET', `users/${ADA_ID}/relations`)).likes;
const likeCount = (id: string) => emu.state.posts.get(id)!.publicMetrics.like_count;

describe('POST /2/users/:id/likes and DELETE /2/users/:id/likes/:tweet_id', () => {
  it('likes a post and unlikes it, counting each once', async () => {
    const id = SEED_POSTS.adaReplyToGrace;
    const before = likeCount(id);
    for (let i = 0; i < 2; i++)
      expect(await send('POST', BASE, { tweet_id: id })).toMatchObject({ status: 200, body: { data: { liked: true } } });
    expect(likeCount(id)).toBe(before + 1);
    expect((await likes()).at(-1)).toBe(id);
    for (let i = 0; i < 2; i++)
      expect(await send('DELETE', `${BASE}/${id}`)).toMatchObject({ status: 200, body: { data: { liked: false } } });
    expect(likeCount(id)).toBe(before);
    expect(await likes()).not.toContain(id);
  });

  it('answers 404 to a missing post and to a protected one the user does not follow', async () => {
    const missing = await send('POST', BASE, { tweet_id: '1234' });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({
      errors: [
        {
          value: '1234',
          detail: 'Could not find tweet with id: [1234].',
          title: 'Not Found Error',
          resource_type: 'tweet',
          parameter: 'tweet_id',
          resource_id: '1234',
          type: `${PROBLEMS}resource-not-found`,
        },
      ],
    });
    const hidden = await send('POST', BASE, { tweet_id: SEED_POSTS.kjohnsonProtected });
    expect(hidden.status).toBe(404);
    expect((hidden.body.errors as Json[])[0]).toMatchObject({ title: 'Authorization Error', parameter: 'tweet_id' });
  });

  it.each([
    ['POST', `/2/users/${GRACE_ID}/likes`, { tweet_id: SEED_POSTS.adaHello }, 403],
    ['DELETE', `/2/users/${GRACE_ID}/likes/${SEED_POSTS.adaHello}`, undefined, 403],
    ['POST', BASE, { tweet_id: 5 }, 400],
    ['POST', BASE, 'not json', 400],
    ['DELETE', `${BASE}/x1`, undefined, 400],
  ])('answers %s %s (%j) with %i', async (method, path, payload, status) => {
    const res = await api(emu, path, token, {
      method,
      ...(payload === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: typeof payload === 'string' ? payload : JSON.stringify(payload) }),
    });
    expect(res.status).toBe(status);
    // The 400s are requests X's description refuses too; the 403s are valid requests for someone else.
    if (status === 400) emu.contract.claim({ rule: method === 'POST' ? 'request-body' : 'path-param' });
  });

  it('needs like.write', async () => {
    const narrow = (await signIn(emu, ['tweet.read', 'users.read', 'like.read'])).access_token;
    const res = await send('POST', BASE, { tweet_id: SEED_POSTS.adaHello }, narrow);
    emu.contract.claim({ operationId: 'likePost', rule: 'scopes' });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ missing_scopes: ['like.write'] });
  });
});

describe('like limits', () => {
  it('50 likes per 15 minutes', async () => {
    for (let i = 0; i < 50; i++) expect((await send('POST', BASE, { tweet_id: SEED_POSTS.adaHello })).status).toBe(200);
    const limited = await send('POST', BASE, { tweet_id: SEED_POSTS.adaHello });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-rate-limit-limit')).toBe('50');
    emu.state.advance(15 * 60);
    expect((await send('POST', BASE, { tweet_id: SEED_POSTS.adaHello })).status).toBe(200);
  });

  it('1,000 likes per 24 hours even when each 15-minute window has room', async () => {
    for (let window = 0; window < 20; window++) {
      for (let i = 0; i < 50; i++) expect((await send('POST', BASE, { tweet_id: SEED_POSTS.adaHello })).status).toBe(200);
      emu.state.advance(15 * 60);
      // Access tokens live 2 hours on the same clock; the limit belongs to the user, not to one token.
      if (window % 7 === 6) await signAdaInAgain();
    }
    const limited = await send('POST', BASE, { tweet_id: SEED_POSTS.adaHello });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-rate-limit-limit')).toBe('1000');
    const reset = Number(limited.headers.get('x-rate-limit-reset'));
    expect(reset - emu.state.now() / 1000).toBeGreaterThan(18 * 3600);
    emu.state.advance(19 * 3600);
    await signAdaInAgain();
    expect((await send('POST', BASE, { tweet_id: SEED_POSTS.adaHello })).status).toBe(200);
  });
});
