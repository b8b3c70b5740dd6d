import { describe, expect, it } from 'vitest';
import { SEED_POSTS } from '../../emulator/seed';
import { emu, signAdaInAgain, token, withAdaSignedIn } from '../support/emulator';
import { ADA_ID, GRACE_ID, control, readAnswer, sendJson, signIn } from './helpers';

const SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'offline.access'];
const BASE = `/2/users/${ADA_ID}/retweets`;
const KJOHNSON_ID = '1268291573458292736';

withAdaSignedIn(SCOPES);

const send = async (method: string, path: string, payload?: unknown, t = token) =>
  readAnswer(await sendJson(emu, method, path, t, payload));
const window = () => emu.state.postOrRepostWindow(ADA_ID).count;
const retweets = (id: string) => emu.state.posts.get(id)!.publicMetrics.retweet_count;

describe('POST /2/users/:id/retweets and DELETE /2/users/:id/retweets/:source_tweet_id', () => {
  it('reposts and undoes it; a repeat neither counts again nor uses the 3-hour allowance', async () => {
    const id = SEED_POSTS.gracePhoto;
    const before = retweets(id);
    for (let i = 0; i < 2; i++)
      expect(await send('POST', BASE, { tweet_id: id })).toMatchObject({ status: 200, body: { data: { retweeted: true } } });
    expect(retweets(id)).toBe(before + 1);
    expect(window()).toBe(1);
    const rel = await control<{ reposts: string[] }>(emu, 'GET', `users/${ADA_ID}/relations`);
    expect(rel.reposts.at(-1)).toBe(id);
    expect(await send('DELETE', `${BASE}/${id}`)).toMatchObject({ status: 200, body: { data: { retweeted: false } } });
    expect(retweets(id)).toBe(before);
    expect(window()).toBe(1);
  });

  it('shares the 300 posts+reposts per 3 hours with POST /2/tweets', async () => {
    for (let i = 0; i < 298; i++) emu.state.recordPostOrRepost(ADA_ID);
    expect((await send('POST', BASE, { tweet_id: SEED_POSTS.gracePhoto })).status).toBe(200); // 299th
    const post = await send('POST', '/2/tweets', { text: 'the 300th' });
    expect(post.status).toBe(201);
    const limited = await send('POST', BASE, { tweet_id: SEED_POSTS.graceQuotesXdev });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-rate-limit-limit')).toBe('300');
    expect(limited.body).toMatchObject({ errors: [{ code: 88, message: 'Rate limit exceeded' }] });
    expect((await send('POST', '/2/tweets', { text: 'one more' })).status).toBe(429);
    emu.state.advance(3 * 3600);
    await signAdaInAgain(); // the old one expired after 2 hours
    expect((await send('POST', BASE, { tweet_id: SEED_POSTS.graceQuotesXdev })).status).toBe(200);
  });

  it('refuses posts the user cannot see (404) and protected posts even when following (403)', async () => {
    expect((await send('POST', BASE, { tweet_id: '99' })).status).toBe(404);
    expect((await send('POST', BASE, { tweet_id: SEED_POSTS.kjohnsonProtected })).status).toBe(404);
    emu.state.relation(emu.state.following, ADA_ID).add(KJOHNSON_ID);
    expect(await send('POST', BASE, { tweet_id: SEED_POSTS.kjohnsonProtected })).toMatchObject({
      status: 403,
      body: { title: 'Forbidden', detail: 'You cannot repost a Post from a protected account.' },
    });
    expect(window()).toBe(0);
  });

  it.each([
    ['POST', `/2/users/${GRACE_ID}/retweets`, { tweet_id: SEED_POSTS.adaHello }, 403],
    ['DELETE', `/2/users/${GRACE_ID}/retweets/${SEED_POSTS.adaHello}`, undefined, 403],
    ['POST', BASE, { source_tweet_id: SEED_POSTS.adaHello }, 400],
    ['DELETE', `${BASE}/abc`, undefined, 400],
  ])('answers %s %s with %i', async (method, path, payload, status) => {
    expect((await send(method, path, payload)).status).toBe(status);
    // The 400s break X's description too; the 403s are valid requests on someone else's behalf.
    if (status === 400) emu.contract.claim({ rule: method === 'POST' ? 'request-body' : 'path-param' });
  });

  it('needs tweet.write', async () => {
    const narrow = (await signIn(emu, ['tweet.read', 'users.read'])).access_token;
    expect((await send('POST', BASE, { tweet_id: SEED_POSTS.adaHello }, narrow)).body).toMatchObject({ missing_scopes: ['tweet.write'] });
    emu.contract.claim({ operationId: 'repostPost', rule: 'scopes' });
  });

  it('50 repost requests per 15 minutes', async () => {
    for (let i = 0; i < 50; i++) expect((await send('POST', BASE, { tweet_id: SEED_POSTS.adaHello })).status).toBe(200);
    const limited = await send('POST', BASE, { tweet_id: SEED_POSTS.adaHello });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-rate-limit-limit')).toBe('50');
    emu.state.advance(15 * 60);
    expect((await send('POST', BASE, { tweet_id: SEED_POSTS.adaHello })).status).toBe(200);
  });
});
