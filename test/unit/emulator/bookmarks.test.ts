import { describe, expect, it } from 'vitest';
import { SEED_ARCHIVE_BOOKMARKS, SEED_FOLDERS, SEED_POSTS, SEED_RECENT_BOOKMARKS } from '../../emulator/seed';
import { emu, token, withAdaSignedIn } from '../support/emulator';
import { ADA_ID, GRACE_ID, api, signIn } from './helpers';
import type { Json, Page } from './bookmarks-helpers';
import { SCOPES, KJOHNSON_ID, PROBLEMS, BASE, get, send, relations, walk } from './bookmarks-helpers';

withAdaSignedIn(SCOPES);

describe('GET /2/users/:id/bookmarks', () => {
  it('answers 100 posts by default, newest bookmark first, with meta.next_token', async () => {
    const { status, body } = await get<Page>(BASE);
    expect(status).toBe(200);
    const all = (await relations()).bookmarks;
    expect(all).toHaveLength(SEED_RECENT_BOOKMARKS + SEED_ARCHIVE_BOOKMARKS);
    expect(body.data!.map((p) => p.id)).toEqual(all.slice(0, 100));
    expect(body.data![0]).toEqual({ id: all[0], text: expect.any(String), edit_history_tweet_ids: [all[0]] });
    expect(body.meta).toEqual({ result_count: 100, next_token: expect.any(String) });
  });

  it('builds the 1,000-bookmark archive only when something first reads it, so reset stays cheap', async () => {
    expect(emu.state.bookmarks.get(ADA_ID)?.size).toBe(SEED_RECENT_BOOKMARKS);
    const postsBefore = emu.state.posts.size;
    await get(`${BASE}?max_results=5`);
    expect(emu.state.bookmarks.get(ADA_ID)?.size).toBe(SEED_RECENT_BOOKMARKS + SEED_ARCHIVE_BOOKMARKS);
    expect(emu.state.posts.size).toBe(postsBefore + SEED_ARCHIVE_BOOKMARKS);
    emu.state.reset();
    expect(emu.state.bookmarks.get(ADA_ID)?.size).toBe(SEED_RECENT_BOOKMARKS);
  });

  it.each([
    [100, 8],
    [64, 13],
    [25, 32],
  ])('walks exactly the newest 800 of 1,050 bookmarks with max_results=%i in %i requests', async (max, expected) => {
    const { ids, requests } = await walk(max);
    expect(requests).toBe(expected);
    expect(requests).toBe(Math.ceil(800 / max));
    const all = (await relations()).bookmarks;
    expect(ids).toEqual(all.slice(0, 800));
    for (const older of all.slice(800)) expect(ids).not.toContain(older);
  });

  it('brings the 801st bookmark into reach once newer ones are removed', async () => {
    const all = (await relations()).bookmarks;
    for (const id of all.slice(0, 3)) expect((await send('DELETE', `${BASE}/${id}`)).status).toBe(200);
    const { ids } = await walk(100);
    expect(ids).toHaveLength(800);
    expect(ids.slice(-3)).toEqual(all.slice(800, 803));
  });

  it('honours tweet.fields, expansions and user.fields like the posts lookup', async () => {
    const { body } = await get<Page>(
      `${BASE}?max_results=100&tweet.fields=author_id,created_at,entities&expansions=author_id,referenced_tweets.id&user.fields=username,verified`,
    );
    const first = body.data![0]!;
    expect(first).toMatchObject({ author_id: expect.stringMatching(/^[0-9]+$/), created_at: expect.stringMatching(/Z$/) });
    const authors = new Set(body.data!.map((p) => p.author_id));
    expect(new Set(body.includes!.users!.map((u) => u.id))).toEqual(authors);
    for (const u of body.includes!.users!) expect(Object.keys(u).sort()).toEqual(['id', 'name', 'username', 'verified']);
    // The seeded bookmarks include CJK, emoji and t.co links.
    const texts = body.data!.map((p) => p.text).join('\n');
    expect(texts).toMatch(/https:\/\/t\.co\/[A-Za-z0-9]{10}/);
    expect(texts).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it('answers only meta when the user has no bookmarks', async () => {
    emu.state.bookmarksOf(ADA_ID).clear();
    const { status, body } = await get(BASE);
    expect(status).toBe(200);
    expect(body).toEqual({ meta: { result_count: 0 } });
  });

  it.each([
    ['0', 'The `max_results` query parameter value [0] is not between 1 and 100'],
    ['101', 'The `max_results` query parameter value [101] is not between 1 and 100'],
    ['ten', 'The `max_results` query parameter value [ten] is not between 1 and 100'],
  ])('answers 400 to max_results=%s', async (value, message) => {
    const { status, body } = await get<Json>(`${BASE}?max_results=${value}`);
    emu.contract.claim({ operationId: 'getUsersBookmarks', rule: 'query-value' });
    expect(status).toBe(400);
    expect(body).toEqual({
      errors: [{ parameters: { max_results: [value] }, message }],
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: `${PROBLEMS}invalid-request`,
    });
  });

  it('answers 400 to a pagination_token it did not hand out, and to unknown query parameters', async () => {
    const bad = await get<{ errors: { parameters: Json; message: string }[] }>(`${BASE}?pagination_token=zzzz`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toEqual({
      parameters: { pagination_token: ['zzzz'] },
      message: 'The `pagination_token` query parameter value [zzzz] is not valid',
    });
    expect((await get(`${BASE}?sort=oldest`)).status).toBe(400);
    emu.contract.claim({ operationId: 'getUsersBookmarks', rule: 'query-undeclared' });
    expect((await get(`${BASE}?tweet.fields=colour`)).status).toBe(400);
    emu.contract.claim({ operationId: 'getUsersBookmarks', rule: 'query-value' });
  });
});

describe('POST /2/users/:id/bookmarks and DELETE /2/users/:id/bookmarks/:tweet_id', () => {
  it('bookmarks a post, which then comes first, and removes it again', async () => {
    const before = emu.state.posts.get(SEED_POSTS.adaHello)!.publicMetrics.bookmark_count;
    const res = await send('POST', BASE, { tweet_id: SEED_POSTS.adaHello });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { bookmarked: true } });
    expect((await get<Page>(`${BASE}?max_results=1`)).body.data![0]!.id).toBe(SEED_POSTS.adaHello);
    expect(emu.state.posts.get(SEED_POSTS.adaHello)!.publicMetrics.bookmark_count).toBe(before + 1);
    expect((await relations()).bookmarks[0]).toBe(SEED_POSTS.adaHello);

    const del = await send('DELETE', `${BASE}/${SEED_POSTS.adaHello}`);
    expect(del.status).toBe(200);
    expect(await del.json()).toEqual({ data: { bookmarked: false } });
    expect((await relations()).bookmarks).not.toContain(SEED_POSTS.adaHello);
    expect(emu.state.posts.get(SEED_POSTS.adaHello)!.publicMetrics.bookmark_count).toBe(before);
  });

  it('treats a repeated bookmark or removal as done: same answer, nothing counted twice', async () => {
    const total = (await relations()).bookmarks.length;
    for (let i = 0; i < 2; i++)
      expect(await (await send('POST', BASE, { tweet_id: SEED_POSTS.adaHello })).json()).toEqual({ data: { bookmarked: true } });
    expect((await relations()).bookmarks).toHaveLength(total + 1);
    for (let i = 0; i < 2; i++)
      expect(await (await send('DELETE', `${BASE}/${SEED_POSTS.adaHello}`)).json()).toEqual({ data: { bookmarked: false } });
    expect((await relations()).bookmarks).toHaveLength(total);
  });

  it('removing a bookmark takes it out of its folder too', async () => {
    const res = await send('DELETE', `${BASE}/${SEED_POSTS.gracePhoto}`);
    expect(res.status).toBe(200);
    const folder = (await relations()).bookmark_folders.find((f) => f.id === SEED_FOLDERS.perchWork)!;
    expect(folder.post_ids).not.toContain(SEED_POSTS.gracePhoto);
  });

  it('answers 404 with the lookup error entry for a missing, deleted or protected post', async () => {
    const missing = '1111111111111111111';
    const res = await send('POST', BASE, { tweet_id: missing });
    expect(res.status).toBe(404);
    const entry = {
      value: missing,
      detail: `Could not find tweet with id: [${missing}].`,
      title: 'Not Found Error',
      resource_type: 'tweet',
      parameter: 'tweet_id',
      resource_id: missing,
      type: `${PROBLEMS}resource-not-found`,
    };
    // A ResourceNotFoundProblem (X's OpenAPI `default` answer), with the lookup's entry in `errors`.
    expect(await res.json()).toEqual({ ...entry, status: 404, errors: [entry] });
    emu.state.posts.get(SEED_POSTS.adaHello)!.deleted = true;
    expect((await send('POST', BASE, { tweet_id: SEED_POSTS.adaHello })).status).toBe(404);
    const hidden = await send('POST', BASE, { tweet_id: SEED_POSTS.kjohnsonProtected });
    expect(hidden.status).toBe(404);
    expect(((await hidden.json()) as { errors: Json[] }).errors[0]).toMatchObject({
      title: 'Authorization Error',
      type: `${PROBLEMS}not-authorized-for-resource`,
    });
    emu.state.relation(emu.state.following, ADA_ID).add(KJOHNSON_ID);
    expect((await send('POST', BASE, { tweet_id: SEED_POSTS.kjohnsonProtected })).status).toBe(200);
  });

  it.each([
    [{}, '$.tweet_id: is missing but it is required'],
    [{ tweet_id: 123 }, '$.tweet_id: integer found, string expected'],
    [{ tweet_id: 'abc' }, '$.tweet_id: does not match the regex pattern ^[0-9]{1,19}$'],
    [
      { tweet_id: SEED_POSTS.adaHello, folder: 'x' },
      '$.folder: is not defined in the schema and the schema does not allow additional properties',
    ],
  ])('answers 400 invalid-request to the body %j', async (payload, message) => {
    const res = await send('POST', BASE, payload);
    expect(res.status).toBe(400);
    // X's BookmarkAddRequest allows other properties (the emulator, like POST /2/tweets, does not).
    expect(emu.contract.take({ operationId: 'createUsersBookmark', rule: 'request-body' })).toHaveLength('folder' in payload ? 0 : 1);
    expect(await res.json()).toEqual({
      errors: [{ message }],
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: `${PROBLEMS}invalid-request`,
    });
  });

  it('answers 400 to a malformed tweet id in the path', async () => {
    const res = await send('DELETE', `${BASE}/not-a-post`);
    emu.contract.claim({ operationId: 'deleteUsersBookmark', rule: 'path-param' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Json[] }).errors[0]).toMatchObject({ parameters: { tweet_id: ['not-a-post'] } });
  });
});

describe('ownership, scopes and rate limits', () => {
  it.each([
    ['GET', `/2/users/${GRACE_ID}/bookmarks`, undefined],
    ['POST', `/2/users/${GRACE_ID}/bookmarks`, { tweet_id: SEED_POSTS.adaHello }],
    ['DELETE', `/2/users/${GRACE_ID}/bookmarks/${SEED_POSTS.adaHello}`, undefined],
    ['GET', `/2/users/${GRACE_ID}/bookmarks/folders`, undefined],
    ['GET', `/2/users/${GRACE_ID}/bookmarks/folders/${SEED_FOLDERS.readLater}`, undefined],
  ])('answers 403 to %s %s for someone else', async (method, path, payload) => {
    const res = await send(method, path, payload);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      title: 'Forbidden',
      type: 'about:blank',
      status: 403,
      detail: `You can only act on behalf of the authenticated user: [${GRACE_ID}] is not the id of the user of this access token.`,
    });
  });

  it.each([
    ['GET', BASE, 'bookmark.read'],
    ['GET', `${BASE}/folders`, 'bookmark.read'],
    ['POST', BASE, 'bookmark.write'],
    ['DELETE', `${BASE}/${SEED_POSTS.adaHello}`, 'bookmark.write'],
  ])('answers 403 to %s %s without %s', async (method, path, scope) => {
    const narrow = (
      await signIn(
        emu,
        SCOPES.filter((s) => s !== scope),
      )
    ).access_token;
    const res = await send(method, path, method === 'POST' ? { tweet_id: SEED_POSTS.adaHello } : undefined, narrow);
    emu.contract.claim({ rule: 'scopes' });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ title: 'Forbidden', missing_scopes: [scope] });
  });

  it('answers 429 to the 181st read in 15 minutes, and serves again once the window has passed', async () => {
    for (let i = 0; i < 180; i++) {
      const res = await api(emu, `${BASE}?max_results=1`, token);
      expect(res.status).toBe(200);
      if (i === 0) expect(res.headers.get('x-rate-limit-limit')).toBe('180');
    }
    const limited = await api(emu, `${BASE}?max_results=1`, token);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-rate-limit-remaining')).toBe('0');
    expect(Number(limited.headers.get('x-rate-limit-reset'))).toBeGreaterThan(emu.state.now() / 1000);
    expect(await limited.json()).toMatchObject({ errors: [{ code: 88, message: 'Rate limit exceeded' }] });
    emu.state.advance(15 * 60);
    expect((await api(emu, `${BASE}?max_results=1`, token)).status).toBe(200);
  });

  it('answers 429 to the 51st bookmark write in 15 minutes', async () => {
    for (let i = 0; i < 50; i++) expect((await send('POST', BASE, { tweet_id: SEED_POSTS.adaHello })).status).toBe(200);
    expect((await send('POST', BASE, { tweet_id: SEED_POSTS.adaHello })).status).toBe(429);
    emu.state.advance(15 * 60);
    expect((await send('POST', BASE, { tweet_id: SEED_POSTS.adaHello })).status).toBe(200);
  });
});
