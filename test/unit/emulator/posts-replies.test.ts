import { describe, expect, it } from 'vitest';
import { SEED_POSTS } from '../../emulator/seed';
import { startEmulator } from '../../emulator/server';
import { emu, token, withAdaSignedIn } from '../support/emulator';
import { CLIENT_ID, GRACE_ID, REDIRECT_URI, api, control } from './helpers';
import { WRITE_SCOPES, XDEV_ID, PROBLEMS, type Json, body, post, created, remove, forbidden } from './posts-helpers';

withAdaSignedIn(WRITE_SCOPES, { selfServe: true });

describe('replies', () => {
  it('refuses a reply to a post that does not exist or was deleted', async () => {
    const missing = await post({ text: 'hello?', reply: { in_reply_to_tweet_id: '1234567890123456789' } });
    expect(missing.status).toBe(403);
    expect(await body(missing)).toEqual(forbidden('You attempted to reply to a Tweet that is deleted or not visible to you.'));
    const { id } = await created({ text: 'soon gone' });
    await remove(id);
    expect((await post({ text: 'late reply', reply: { in_reply_to_tweet_id: id } })).status).toBe(403);
  });

  it('accepts a reply to a post that mentions the user, linking conversation and counts', async () => {
    const { id } = await created({ text: '@gracehop thanks 🙏', reply: { in_reply_to_tweet_id: SEED_POSTS.graceMentionsAda } });
    const res = await api(
      emu,
      `/2/tweets/${id}?tweet.fields=referenced_tweets,in_reply_to_user_id,conversation_id&expansions=referenced_tweets.id,in_reply_to_user_id`,
      token,
    );
    const got = await body<{ data: Json; includes: { tweets: Json[]; users: Json[] } }>(res);
    expect(got.data).toMatchObject({
      referenced_tweets: [{ type: 'replied_to', id: SEED_POSTS.graceMentionsAda }],
      in_reply_to_user_id: GRACE_ID,
      conversation_id: SEED_POSTS.graceMentionsAda,
    });
    expect(got.includes.tweets.map((t) => t.id)).toEqual([SEED_POSTS.graceMentionsAda]);
    expect(got.includes.users.map((u) => u.id)).toEqual([GRACE_ID]);
    const parent = await api(emu, `/2/tweets/${SEED_POSTS.graceMentionsAda}?tweet.fields=public_metrics`, token);
    expect((await body<{ data: { public_metrics: { reply_count: number } } }>(parent)).data.public_metrics.reply_count).toBe(2);
  });

  it('refuses a reply to an author who did not summon the user, unless in Enterprise mode; own threads are fine', async () => {
    const res = await post({ text: 'Nice!', reply: { in_reply_to_tweet_id: SEED_POSTS.xdevAnnouncement } });
    expect(res.status).toBe(403);
    expect(await body(res)).toEqual(
      forbidden(
        'Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged by the author of the post you are replying to.',
      ),
    );
    const { id } = await created({ text: 'A thread 🧵 1/2' });
    expect((await post({ text: '2/2', reply: { in_reply_to_tweet_id: id } })).status).toBe(201);
    await control(emu, 'POST', 'config', { enterprise: true });
    expect((await post({ text: 'Nice!', reply: { in_reply_to_tweet_id: SEED_POSTS.xdevAnnouncement } })).status).toBe(201);
  });
});

describe('replies to one’s own posts (undocumented for self-serve: a switch, default allowed)', () => {
  const NOT_SUMMONED =
    'Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged by the author of the post you are replying to.';
  const replies = (parentId: string) => [...emu.state.posts.values()].filter((p) => p.inReplyToTweetId === parentId && !p.deleted);

  it('lets a thread through by default', async () => {
    expect(emu.state.selfRepliesAllowed).toBe(true);
    const { id } = await created({ text: 'My thread 1/2' });
    expect((await post({ text: 'My thread 2/2', reply: { in_reply_to_tweet_id: id } })).status).toBe(201);
    expect(replies(id).map((p) => p.text)).toEqual(['My thread 2/2']);
  });

  it('refuses a reply to one’s own post with the unsummoned-reply 403 when switched off, and creates nothing', async () => {
    const answer = await control<{ enterprise: boolean; self_replies_allowed: boolean }>(emu, 'POST', 'config', {
      self_replies_allowed: false,
    });
    expect(answer).toEqual({
      enterprise: false,
      self_replies_allowed: false,
      video_processing_error: null,
      posts_without_author: false,
      bare_answers: false,
    });
    const { id } = await created({ text: 'My thread 1/2' });

    const res = await post({ text: 'My thread 2/2', reply: { in_reply_to_tweet_id: id } });

    expect(res.status).toBe(403);
    expect(await body(res)).toEqual(forbidden(NOT_SUMMONED));
    expect(replies(id)).toEqual([]);
    expect(emu.state.posts.get(id)?.publicMetrics.reply_count).toBe(0);
  });

  it('still accepts, when switched off, a reply to an author who mentioned the user, and any reply on Enterprise', async () => {
    await control(emu, 'POST', 'config', { self_replies_allowed: false });
    expect((await post({ text: 'Thanks Grace', reply: { in_reply_to_tweet_id: SEED_POSTS.graceMentionsAda } })).status).toBe(201);
    const { id } = await created({ text: 'Enterprise thread 1/2' });
    await control(emu, 'POST', 'config', { enterprise: true });
    expect((await post({ text: 'Enterprise thread 2/2', reply: { in_reply_to_tweet_id: id } })).status).toBe(201);
  });

  it('goes back to allowed on reset, and shows the switch in the state snapshot', async () => {
    await control(emu, 'POST', 'config', { self_replies_allowed: false });
    expect((await control<{ self_replies_allowed: boolean }>(emu, 'GET', 'state')).self_replies_allowed).toBe(false);
    await control(emu, 'POST', 'reset');
    expect((await control<{ self_replies_allowed: boolean }>(emu, 'GET', 'state')).self_replies_allowed).toBe(true);
  });

  it('goes back to the self-serve plan on reset: a test left on Enterprise lets no later test’s self-reply through', async () => {
    await control(emu, 'POST', 'config', { enterprise: true });
    expect((await control<{ enterprise: boolean }>(emu, 'GET', 'state')).enterprise).toBe(true);
    await control(emu, 'POST', 'reset');
    expect((await control<{ enterprise: boolean }>(emu, 'GET', 'state')).enterprise).toBe(false);
  });

  it('starts switched off with startEmulator({ selfRepliesAllowed: false }), and stays so across resets', async () => {
    const strict = await startEmulator({
      port: 0,
      selfRepliesAllowed: false,
      clients: [{ clientId: CLIENT_ID, redirectUris: [REDIRECT_URI] }],
    });
    try {
      strict.state.reset();
      expect(strict.state.selfRepliesAllowed).toBe(false);
    } finally {
      await strict.close();
    }
  });

  it('refuses a config value that is not a boolean', async () => {
    const res = await fetch(`${emu.url}/__emulator/config`, { method: 'POST', body: JSON.stringify({ self_replies_allowed: 'no' }) });
    expect(res.status).toBe(400);
    expect(emu.state.selfRepliesAllowed).toBe(true);
  });
});

describe('quotes', () => {
  it('answers 403 Client Forbidden saying quote posts need the Enterprise plan', async () => {
    const res = await post({ text: 'Look', quote_tweet_id: SEED_POSTS.xdevAnnouncement });
    expect(res.status).toBe(403);
    expect(await body(res)).toEqual({
      title: 'Client Forbidden',
      detail:
        'Quote-posting (using the `quote_tweet_id` parameter) requires an Enterprise plan. It is not available on self-serve (pay-per-use) tiers.',
      type: `${PROBLEMS}client-forbidden`,
      status: 403,
      reason: 'client-not-enrolled',
    });
  });

  it('creates a quote post in Enterprise mode, and refuses a quote of an unknown post', async () => {
    await control(emu, 'POST', 'config', { enterprise: true });
    const { id } = await created({ text: 'Look 👀', quote_tweet_id: SEED_POSTS.xdevAnnouncement });
    const res = await api(emu, `/2/tweets/${id}?tweet.fields=referenced_tweets&expansions=referenced_tweets.id.author_id`, token);
    const got = await body<{ data: Json; includes: { users: Json[] } }>(res);
    expect(got.data.referenced_tweets).toEqual([{ type: 'quoted', id: SEED_POSTS.xdevAnnouncement }]);
    expect(got.includes.users).toEqual([{ id: XDEV_ID, name: 'X Developers', username: 'XDevelopers' }]);
    const unknown = await post({ text: 'Look again', quote_tweet_id: '1111111111111111111' });
    expect(unknown.status).toBe(400);
    expect(await body(unknown)).toMatchObject({ errors: [{ parameters: { quote_tweet_id: ['1111111111111111111'] } }] });
  });
});
