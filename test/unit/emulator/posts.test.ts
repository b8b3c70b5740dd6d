import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { SEED_POSTS, seedMorePosts } from '../../emulator/seed';
import { startEmulator } from '../../emulator/server';
import { emu, token, withAdaSignedIn } from '../support/emulator';
import { ADA_ID, CLIENT_ID, GRACE_ID, REDIRECT_URI, api, control, signIn, startTestEmulator } from './helpers';

// Lengths below are built by hand from fundamentals--counting-characters (Latin 1, CJK and emoji 2, URLs 23, NFC);
// the seed check uses twitter-text itself, not the emulator's wrapper.
const twitterText = createRequire(import.meta.url)('twitter-text') as { parseTweet(t: string): { weightedLength: number } };

const WRITE_SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'offline.access'];
const XDEV_ID = '2244994945';
const KJOHNSON_ID = '1268291573458292736';
const PROBLEMS = 'https://api.x.com/2/problems/';

withAdaSignedIn(WRITE_SCOPES, { selfServe: true });

type Json = Record<string, unknown>;
async function body<T = Json>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

function post(payload: unknown, t = token): Promise<Response> {
  return api(emu, '/2/tweets', t, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
}

async function created(payload: unknown, t = token): Promise<{ id: string; text: string; edit_history_tweet_ids: string[] }> {
  const res = await post(payload, t);
  if (res.status !== 201) throw new Error(`POST /2/tweets answered ${res.status}: ${await res.text()}`);
  return (await body<{ data: { id: string; text: string; edit_history_tweet_ids: string[] } }>(res)).data;
}

function remove(id: string, t = token): Promise<Response> {
  return api(emu, `/2/tweets/${id}`, t, { method: 'DELETE' });
}

async function signInAs(userId: string, scopes = WRITE_SCOPES): Promise<string> {
  await control(emu, 'POST', 'session', { user_id: userId });
  const t = (await signIn(emu, scopes)).access_token;
  await control(emu, 'POST', 'session', { user_id: ADA_ID });
  return t;
}

const forbidden = (detail: string) => ({ detail, type: 'about:blank', title: 'Forbidden', status: 403 });

describe('POST /2/tweets, GET /2/tweets/:id, DELETE /2/tweets/:id', () => {
  it('creates, looks up and deletes a post, after which the lookup answers 404', async () => {
    const res = await post({ text: 'Hello from the emulator 🐦' });
    expect(res.status).toBe(201);
    const { data } = await body<{ data: { id: string } }>(res);
    expect(data).toEqual({ id: data.id, text: 'Hello from the emulator 🐦', edit_history_tweet_ids: [data.id] });
    expect(data.id).toMatch(/^[0-9]{19}$/);
    for (const seeded of Object.values(SEED_POSTS)) expect(BigInt(data.id)).toBeGreaterThan(BigInt(seeded));

    const got = await api(emu, `/2/tweets/${data.id}?tweet.fields=author_id,created_at,conversation_id,public_metrics,lang`, token);
    expect(got.status).toBe(200);
    const found = (await body<{ data: Json }>(got)).data;
    expect(found).toMatchObject({
      id: data.id,
      text: 'Hello from the emulator 🐦',
      edit_history_tweet_ids: [data.id],
      author_id: ADA_ID,
      conversation_id: data.id,
      lang: 'en',
      public_metrics: { retweet_count: 0, reply_count: 0, like_count: 0, quote_count: 0, bookmark_count: 0, impression_count: 0 },
    });
    expect(Math.abs(Date.parse(found.created_at as string) - emu.state.now())).toBeLessThan(5_000);

    const del = await remove(data.id);
    expect(del.status).toBe(200);
    expect(await body(del)).toEqual({ data: { deleted: true } });

    const gone = await api(emu, `/2/tweets/${data.id}`, token);
    expect(gone.status).toBe(404);
    expect(await body(gone)).toMatchObject({
      type: `${PROBLEMS}resource-not-found`,
      errors: [
        {
          value: data.id,
          detail: `Could not find tweet with id: [${data.id}].`,
          title: 'Not Found Error',
          resource_type: 'tweet',
          parameter: 'id',
          resource_id: data.id,
          type: `${PROBLEMS}resource-not-found`,
        },
      ],
    });
    expect((await remove(data.id)).status).toBe(404);
  });

  it('hands out increasing snowflake-like ids and stamps created_at from the emulator clock', async () => {
    const first = await created({ text: 'first' });
    emu.state.advance(3600);
    const second = await created({ text: 'second' });
    expect(BigInt(second.id)).toBeGreaterThan(BigInt(first.id));
    const res = await api(emu, `/2/tweets/${second.id}?tweet.fields=created_at`, token);
    const createdAt = Date.parse((await body<{ data: { created_at: string } }>(res)).data.created_at);
    expect(Math.abs(createdAt - emu.state.now())).toBeLessThan(5_000);
    expect(Math.abs(createdAt - Date.now())).toBeGreaterThan(3_500_000);
  });

  it('answers only id, text and edit_history_tweet_ids when no fields are asked for', async () => {
    const res = await api(emu, `/2/tweets/${SEED_POSTS.adaHello}`, token);
    expect(await body(res)).toEqual({
      data: {
        id: SEED_POSTS.adaHello,
        text: 'Hello from Perch! 🐦 Posting from the toolbar.',
        edit_history_tweet_ids: [SEED_POSTS.adaHello],
      },
    });
  });

  it('stores a URL as a 23-character t.co link and lists it in entities.urls', async () => {
    const { id, text } = await created({ text: 'Read https://example.com/a/very/long/path/indeed?q=1 now' });
    expect(text).toMatch(/^Read https:\/\/t\.co\/[A-Za-z0-9]{10} now$/);
    const res = await api(emu, `/2/tweets/${id}?tweet.fields=entities`, token);
    const { data } = await body<{ data: { entities: { urls: Json[] } } }>(res);
    expect(data.entities.urls).toEqual([
      {
        start: 5,
        end: 28,
        url: text.slice(5, 28),
        expanded_url: 'https://example.com/a/very/long/path/indeed?q=1',
        display_url: 'example.com/a/very/long/p…',
      },
    ]);
  });

  it('refuses to delete a post of someone else with 403, and keeps it', async () => {
    const grace = await signInAs(GRACE_ID);
    const { id } = await created({ text: 'Grace was here' }, grace);
    const res = await remove(id);
    expect(res.status).toBe(403);
    expect(await body(res)).toEqual(forbidden('You can only delete Posts authored by the authenticated user.'));
    expect((await api(emu, `/2/tweets/${id}`, token)).status).toBe(200);
    expect((await remove(SEED_POSTS.xdevAnnouncement)).status).toBe(403);
  });

  it('answers 403 naming the missing scope when the token lacks tweet.write', async () => {
    const readOnly = (await signIn(emu, ['tweet.read', 'users.read'])).access_token;
    const res = await post({ text: 'nope' }, readOnly);
    emu.contract.claim({ operationId: 'createPosts', rule: 'scopes' });
    expect(res.status).toBe(403);
    expect(await body(res)).toMatchObject({ missing_scopes: ['tweet.write'] });
  });
});

describe('text length (280 weighted characters, counted with twitter-text)', () => {
  const url = 'https://example.com/a/path/that/is/much/longer/than/twenty-three';
  it.each([
    ['280 Latin letters', 'a'.repeat(280)],
    ['140 emoji', '😀'.repeat(140)],
    ['140 CJK characters', '日本'.repeat(70)],
    ['ZWJ family emoji, CJK, a long URL and Latin', `${'👨‍👩‍👧‍👦'.repeat(10)}${'漢'.repeat(50)} ${url} ${'a'.repeat(135)}`],
    ['256 letters and a URL counted as 23', `${'x'.repeat(256)} ${url}`],
    ['decomposed é counted once after NFC', 'cafe\u0301 '.repeat(56)],
    ['Hangul and skin-tone emoji', `${'한'.repeat(100)}${'🙋🏽'.repeat(40)}`],
  ])('accepts exactly 280 with %s, and refuses 281 with 403', async (_name, text) => {
    expect((await post({ text })).status).toBe(201);
    const res = await post({ text: `b${text}` }); // prefixed: appending would lengthen a trailing URL, still 23
    expect(res.status).toBe(403);
    expect(await body(res)).toEqual(forbidden('Your Tweet text is too long.'));
  });

  it('counts an emoji or CJK character as 2: 139 emoji plus 3 letters is too long', async () => {
    expect((await post({ text: `${'🔥'.repeat(139)}abc` })).status).toBe(403);
    expect((await post({ text: `${'🔥'.repeat(139)}ab` })).status).toBe(201);
  });
});

describe('duplicates', () => {
  it('refuses the same text from the same user with 403, but not from another user', async () => {
    await created({ text: 'Say it once 🦜' });
    const again = await post({ text: 'Say it once 🦜' });
    expect(again.status).toBe(403);
    expect(await body(again)).toEqual(forbidden('You are not allowed to create a Tweet with duplicate content.'));
    const grace = await signInAs(GRACE_ID);
    expect((await post({ text: 'Say it once 🦜' }, grace)).status).toBe(201);
  });

  it('allows the text again once the first post is deleted', async () => {
    const { id } = await created({ text: 'Second chance' });
    await remove(id);
    expect((await post({ text: 'Second chance' })).status).toBe(201);
  });
});

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

describe('body validation', () => {
  it.each([
    ['an empty body', {}, 'You must provide text'],
    [
      'an unknown field',
      { text: 'hi', colour: 'blue' },
      '$.colour: is not defined in the schema and the schema does not allow additional properties',
    ],
    ['text that is not a string', { text: 5 }, '$.text: integer found, string expected'],
    [
      'an empty media_ids list',
      { text: 'x', media: { media_ids: [] } },
      '$.media.media_ids: there must be a minimum of 1 item in the array',
    ],
    [
      'five media ids',
      { text: 'x', media: { media_ids: ['1', '2', '3', '4', '5'] } },
      '$.media.media_ids: there must be a maximum of 4 items in the array',
    ],
    [
      'a one-option poll',
      { text: 'x', poll: { options: ['a'], duration_minutes: 60 } },
      '$.poll.options: there must be a minimum of 2 items in the array',
    ],
    [
      'a poll of 4 days too long',
      { text: 'x', poll: { options: ['a', 'b'], duration_minutes: 20000 } },
      '$.poll.duration_minutes: must have a maximum value of 10080',
    ],
    ['a reply without its id', { text: 'x', reply: {} }, '$.reply.in_reply_to_tweet_id: is missing but it is required'],
    ['a malformed id', { text: 'x', quote_tweet_id: 'abc' }, '$.quote_tweet_id: does not match the regex pattern ^[0-9]{1,19}$'],
    ['an unknown reply_settings', { text: 'x', reply_settings: 'nobody' }, '$.reply_settings: does not have a value in the enumeration'],
    [
      'a poll and a quote together',
      { text: 'x', poll: { options: ['a', 'b'], duration_minutes: 60 }, quote_tweet_id: '1' },
      'You can only provide one of poll or quote_tweet_id or direct_message_deep_link or media or card_uri.',
    ],
    ['malformed JSON', '{"text": ', 'Request body is not valid JSON.'],
  ])('answers 400 invalid-request to %s', async (name, payload, message) => {
    const res = await post(payload);
    expect(res.status).toBe(400);
    // X's TweetCreateRequest allows an empty body and a poll beside a quote (the rules are in the docs, not the schema).
    const allowedByTheDescription = ['an empty body', 'a poll and a quote together'].includes(name);
    expect(emu.contract.take({ operationId: 'createPosts', rule: 'request-body' })).toHaveLength(allowedByTheDescription ? 0 : 1);
    const got = await body<{ errors: { message: string }[] }>(res);
    expect(got).toMatchObject({
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: `${PROBLEMS}invalid-request`,
    });
    expect(got.errors.some((e) => e.message.startsWith(message))).toBe(true);
  });

  it('accepts a poll without media, and shows it with the attachments.poll_ids expansion', async () => {
    const { id } = await created({ text: 'Tabs or spaces?', poll: { options: ['Tabs', 'Spaces'], duration_minutes: 60 } });
    const res = await api(
      emu,
      `/2/tweets/${id}?tweet.fields=attachments&expansions=attachments.poll_ids&poll.fields=voting_status,duration_minutes`,
      token,
    );
    const got = await body<{ data: { attachments: { poll_ids: string[] } }; includes: { polls: Json[] } }>(res);
    expect(got.includes.polls).toEqual([
      {
        id: got.data.attachments.poll_ids[0],
        options: [
          { position: 1, label: 'Tabs', votes: 0 },
          { position: 2, label: 'Spaces', votes: 0 },
        ],
        voting_status: 'open',
        duration_minutes: 60,
      },
    ]);
  });

  it('refuses more than one cashtag outside Enterprise mode', async () => {
    expect((await post({ text: 'Watching $AAPL today' })).status).toBe(201);
    const res = await post({ text: 'Watching $AAPL and $TSLA today' });
    expect(res.status).toBe(403);
    expect(await body(res)).toEqual(forbidden('Posts are limited to a maximum of one cashtag.'));
    await control(emu, 'POST', 'config', { enterprise: true });
    expect((await post({ text: 'Watching $AAPL and $TSLA today' })).status).toBe(201);
  });
});

describe('edits (edit_options.previous_post_id)', () => {
  it('makes a new version within 30 minutes; both versions list the whole history; deleting one deletes both', async () => {
    const first = await created({ text: 'Helo wrold' });
    const second = await created({ text: 'Hello world', edit_options: { previous_post_id: first.id } });
    expect(second.edit_history_tweet_ids).toEqual([first.id, second.id]);
    const old = await api(emu, `/2/tweets/${first.id}?tweet.fields=edit_controls`, token);
    expect((await body<{ data: Json }>(old)).data).toMatchObject({
      text: 'Helo wrold',
      edit_history_tweet_ids: [first.id, second.id],
      edit_controls: { is_edit_eligible: true, edits_remaining: 4 },
    });
    await remove(first.id);
    expect((await api(emu, `/2/tweets/${second.id}`, token)).status).toBe(404);
  });

  it('refuses an edit after the 30-minute window', async () => {
    const first = await created({ text: 'Too late to fix' });
    emu.state.advance(31 * 60);
    const res = await post({ text: 'Too late to fix!', edit_options: { previous_post_id: first.id } });
    expect(res.status).toBe(403);
    expect(await body(res)).toMatchObject({ detail: expect.stringContaining('30-minute edit window') });
  });

  it('allows five edits and refuses the sixth, with edits_remaining counting down to 0', async () => {
    let id = (await created({ text: 'version 0' })).id;
    for (let i = 1; i <= 5; i++) id = (await created({ text: `version ${i}`, edit_options: { previous_post_id: id } })).id;
    const latest = await body<{ data: Json }>(await api(emu, `/2/tweets/${id}?tweet.fields=edit_controls`, token));
    expect(latest.data).toMatchObject({ edit_controls: { is_edit_eligible: false, edits_remaining: 0 } });
    const res = await post({ text: 'version 6', edit_options: { previous_post_id: id } });
    expect(res.status).toBe(403);
    expect(await body(res)).toEqual(forbidden(`Post [${id}] cannot be edited: it has been edited 5 times.`));
  });

  it('refuses an edit of someone else’s post, and of a version that is not the latest', async () => {
    const first = await created({ text: 'Ada wrote this' });
    const grace = await signInAs(GRACE_ID);
    const theirs = await post({ text: 'Grace edits it', edit_options: { previous_post_id: first.id } }, grace);
    expect(await body(theirs)).toEqual(forbidden(`Post [${first.id}] cannot be edited: it was not authored by you.`));
    await created({ text: 'Ada wrote this, edited', edit_options: { previous_post_id: first.id } });
    const stale = await post({ text: 'From the old version', edit_options: { previous_post_id: first.id } });
    expect(await body(stale)).toEqual(forbidden(`Post [${first.id}] cannot be edited: it is not the latest version.`));
  });
});

describe('per-user limits', () => {
  it('answers 429 to the 101st post in 15 minutes, and posts again once the window resets', async () => {
    for (let i = 1; i <= 100; i++) {
      const res = await post({ text: `post number ${i}` });
      expect(res.status).toBe(201);
      expect(res.headers.get('x-rate-limit-limit')).toBe('100');
      expect(res.headers.get('x-rate-limit-remaining')).toBe(String(100 - i));
    }
    const limited = await post({ text: 'post number 101' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-rate-limit-remaining')).toBe('0');
    expect(await body(limited)).toMatchObject({ errors: [{ code: 88, message: 'Rate limit exceeded' }] });
    await control(emu, 'POST', 'clock', { advance_seconds: 15 * 60 });
    expect((await post({ text: 'post number 101' })).status).toBe(201);
  });

  it('answers 429 to the 301st post within 3 hours across 15-minute windows, with the 3-hour window in the headers', async () => {
    const start = emu.state.now();
    for (let w = 0; w < 3; w++) {
      for (let i = 0; i < 100; i++) expect((await post({ text: `window ${w} post ${i}` })).status).toBe(201);
      await control(emu, 'POST', 'clock', { advance_seconds: 15 * 60 + 1 });
    }
    const limited = await post({ text: 'one too many' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-rate-limit-limit')).toBe('300');
    expect(limited.headers.get('x-rate-limit-remaining')).toBe('0');
    const reset = Number(limited.headers.get('x-rate-limit-reset'));
    expect(reset).toBeGreaterThanOrEqual(Math.floor((start + 3 * 3600_000) / 1000) - 5);
    expect(reset).toBeLessThanOrEqual(Math.ceil((start + 3 * 3600_000) / 1000) + 5);
    expect(await body(limited)).toMatchObject({ status: 429, errors: [{ code: 88 }] });
    await control(emu, 'POST', 'clock', { advance_seconds: 3 * 3600 });
    const fresh = (await signIn(emu, WRITE_SCOPES)).access_token; // the first token lived 2 h
    expect((await post({ text: 'one too many' }, fresh)).status).toBe(201);
  });

  it('shares the 3-hour window with reposts recorded by the state', async () => {
    for (let i = 0; i < 299; i++) emu.state.recordPostOrRepost(ADA_ID);
    expect((await post({ text: 'the 300th' })).status).toBe(201);
    expect((await post({ text: 'the 301st' })).status).toBe(429);
    const grace = await signInAs(GRACE_ID);
    expect((await post({ text: 'the 301st' }, grace)).status).toBe(201);
  });

  it('does not count refused posts against the 3-hour window', async () => {
    for (let i = 0; i < 299; i++) emu.state.recordPostOrRepost(ADA_ID);
    expect((await post({ text: 'x'.repeat(281) })).status).toBe(403);
    expect((await post({})).status).toBe(400);
    expect((await post({ text: 'still allowed' })).status).toBe(201);
  });

  it('answers 429 to the 51st delete in 15 minutes', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 51; i++) ids.push((await created({ text: `to delete ${i}` })).id);
    for (let i = 0; i < 50; i++) expect((await remove(ids[i]!)).headers.get('x-rate-limit-limit')).toBe('50');
    expect((await remove(ids[50]!)).status).toBe(429);
  });
});

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
