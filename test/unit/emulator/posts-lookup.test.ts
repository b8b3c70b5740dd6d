import { describe, expect, it } from 'vitest';
import { SEED_POSTS, seedMorePosts } from '../../emulator/seed';
import { emu, token, withAdaSignedIn } from '../support/emulator';
import { ADA_ID, GRACE_ID, api, startTestEmulator } from './helpers';
import { twitterText, WRITE_SCOPES, KJOHNSON_ID, PROBLEMS, type Json, body, created, remove, signInAs } from './posts-helpers';

withAdaSignedIn(WRITE_SCOPES, { selfServe: true });

describe('GET /2/tweets?ids=', () => {
  it('answers data for the posts it finds and errors for deleted and unknown ids, in request order', async () => {
    const a = await created({ text: 'kept' });
    const b = await created({ text: 'deleted soon' });
    await remove(b.id);
    const res = await api(emu, `/2/tweets?ids=${SEED_POSTS.turingCjk},${b.id},9999999999999999999,${a.id}`, token);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-rate-limit-limit')).toBe('5000');
    const got = await body<{ data: Json[]; errors: Json[] }>(res);
    expect(got.data.map((d) => d.id)).toEqual([SEED_POSTS.turingCjk, a.id]);
    expect(got.data[0]!.text).toBe('機械は考えることができるか？ Can machines think? 🤖 机器能思考吗？');
    expect(got.errors).toEqual([
      {
        value: b.id,
        detail: `Could not find tweet with id: [${b.id}].`,
        title: 'Not Found Error',
        resource_type: 'tweet',
        parameter: 'ids',
        resource_id: b.id,
        type: `${PROBLEMS}resource-not-found`,
      },
      expect.objectContaining({ resource_id: '9999999999999999999', title: 'Not Found Error' }),
    ]);
  });

  it('answers only errors when nothing is found', async () => {
    const got = await body(await api(emu, '/2/tweets?ids=1,2', token));
    expect(got).not.toHaveProperty('data');
    expect((got.errors as unknown[]).length).toBe(2);
  });

  it('hides posts of a protected account the user does not follow, single lookups with 404', async () => {
    const many = await body<{ errors: Json[] }>(await api(emu, `/2/tweets?ids=${SEED_POSTS.kjohnsonProtected}`, token));
    expect(many.errors).toEqual([
      {
        value: SEED_POSTS.kjohnsonProtected,
        detail: `Sorry, you are not authorized to see the Post with id: [${SEED_POSTS.kjohnsonProtected}].`,
        title: 'Authorization Error',
        resource_type: 'tweet',
        parameter: 'ids',
        resource_id: SEED_POSTS.kjohnsonProtected,
        section: 'data',
        type: `${PROBLEMS}not-authorized-for-resource`,
      },
    ]);
    const one = await api(emu, `/2/tweets/${SEED_POSTS.kjohnsonProtected}`, token);
    expect(one.status).toBe(404);
    expect(one.headers.get('x-rate-limit-limit')).toBe('900');
    emu.state.relation(emu.state.following, ADA_ID).add(KJOHNSON_ID);
    expect((await api(emu, `/2/tweets/${SEED_POSTS.kjohnsonProtected}`, token)).status).toBe(200);
  });

  it.each([
    ['no ids', '/2/tweets', { ids: [''] }, 'The `ids` query parameter can not be empty'],
    ['101 ids', `/2/tweets?ids=${Array.from({ length: 101 }, (_, i) => i + 1).join(',')}`, undefined, '[101] is not between 1 and 100'],
    ['a malformed id', '/2/tweets?ids=12,abc', { ids: ['abc'] }, 'The `ids` query parameter value [abc] does not match ^[0-9]{1,19}$'],
    [
      'an unknown tweet.fields value',
      '/2/tweets?ids=12&tweet.fields=mood',
      { 'tweet.fields': ['mood'] },
      'The `tweet.fields` query parameter value [mood]',
    ],
    ['an unknown query parameter', '/2/tweets?ids=12&colour=red', { colour: ['red'] }, 'The query parameter [colour] is not one of'],
  ])('answers 400 invalid-request shaped like the other lookups for %s', async (_name, path, parameters, message) => {
    const res = await api(emu, path, token);
    expect(res.status).toBe(400);
    emu.contract.claim({ operationId: 'getPostsByIds' });
    const got = await body<{ errors: { parameters: Json; message: string }[] }>(res);
    expect(got).toMatchObject({ title: 'Invalid Request', type: `${PROBLEMS}invalid-request` });
    expect(got.errors[0]!.message).toContain(message);
    if (parameters) expect(got.errors[0]!.parameters).toEqual(parameters);
  });

  it('expands authors and referenced posts, with user.fields, and reports a deleted referenced post in errors', async () => {
    const grace = await signInAs(GRACE_ID);
    const parent = await created({ text: '@adaperch ping 🏓' }, grace);
    const reply = await created({ text: '@gracehop pong 🏓', reply: { in_reply_to_tweet_id: parent.id } });
    await remove(parent.id, grace);
    const res = await api(
      emu,
      `/2/tweets?ids=${reply.id},${SEED_POSTS.graceQuotesXdev}&expansions=author_id,referenced_tweets.id&user.fields=verified`,
      token,
    );
    const got = await body<{ data: Json[]; includes: { users: Json[]; tweets: Json[] }; errors: Json[] }>(res);
    expect(got.data.map((d) => d.id)).toEqual([reply.id, SEED_POSTS.graceQuotesXdev]);
    expect(got.includes.users).toEqual([
      { id: ADA_ID, name: 'Ada Perch', username: 'adaperch', verified: false },
      { id: GRACE_ID, name: 'Grace Hopper', username: 'gracehop', verified: true },
    ]);
    expect(got.includes.tweets.map((t) => t.id)).toEqual([SEED_POSTS.xdevAnnouncement]);
    expect(got.errors).toEqual([
      expect.objectContaining({ resource_id: parent.id, parameter: 'referenced_tweets.id', title: 'Not Found Error' }),
    ]);
  });
});

describe('seed posts', () => {
  it('seeds a few hundred posts with emoji, CJK and URLs, all within 280 weighted characters but the one long post', () => {
    const posts = [...emu.state.posts.values()];
    expect(posts.length).toBeGreaterThanOrEqual(300);
    expect(posts.filter((p) => /\p{Extended_Pictographic}/u.test(p.text)).length).toBeGreaterThan(100);
    expect(posts.filter((p) => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Hangul}]/u.test(p.text)).length).toBeGreaterThan(20);
    expect(posts.filter((p) => p.entities.urls?.length).length).toBeGreaterThan(30);
    expect(posts.filter((p) => p.inReplyToTweetId).length).toBeGreaterThan(10);
    const long = posts.filter((p) => twitterText.parseTweet(p.sourceText).weightedLength > 280);
    expect(long.map((p) => p.id)).toEqual([SEED_POSTS.turingLong]);
    // Its `text` is cut to fit 280 as X cuts a long post's (the whole is its `note_tweet`: long-posts.test.ts).
    for (const p of posts) expect(twitterText.parseTweet(p.text).weightedLength).toBeLessThanOrEqual(280);
  });

  it('is the same on every reset and in every emulator', async () => {
    const ids = [...emu.state.posts.keys()];
    const texts = [...emu.state.posts.values()].map((p) => p.text);
    emu.state.reset();
    expect([...emu.state.posts.keys()]).toEqual(ids);
    const other = await startTestEmulator();
    try {
      expect([...other.state.posts.values()].map((p) => p.text)).toEqual(texts);
    } finally {
      await other.close();
    }
  });

  it('seeds more posts with seedMorePosts, with fresh ids that lookups find', async () => {
    const before = emu.state.posts.size;
    const added = seedMorePosts(emu.state, { count: 25, authorIds: [GRACE_ID], seed: 99 });
    expect(emu.state.posts.size).toBe(before + 25);
    expect(new Set(added.map((p) => p.authorId))).toEqual(new Set([GRACE_ID]));
    const res = await api(emu, `/2/tweets?ids=${added.map((p) => p.id).join(',')}`, token);
    expect((await body<{ data: Json[] }>(res)).data).toHaveLength(25);
  });
});
