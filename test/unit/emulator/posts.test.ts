import { describe, expect, it } from 'vitest';
import { SEED_POSTS } from '../../emulator/seed';
import { emu, token, withAdaSignedIn } from '../support/emulator';
import { ADA_ID, GRACE_ID, api, signIn } from './helpers';
import { WRITE_SCOPES, PROBLEMS, type Json, body, post, created, remove, signInAs, forbidden } from './posts-helpers';

withAdaSignedIn(WRITE_SCOPES, { selfServe: true });

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
