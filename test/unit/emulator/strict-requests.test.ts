/**
 * Requests X's OpenAPI description refuses, which the emulator once answered as if they were fine: it must refuse them
 * as X does (400 invalid-request, nothing done), so a test against it cannot pass on a request the real X, or an X
 * that follows the description strictly, would turn down. Each case is also checked against the description itself
 * (test/openapi/contract.ts), so the emulator and the description agree that it is wrong.
 */
import { describe, expect, it } from 'vitest';
import { X_SCOPES } from '@/lib/config';
import { loadSpec, validateRequest } from '../../openapi/contract';
import { SEED_POSTS } from '../../emulator/seed';
import { emu, token, withAdaSignedIn } from '../support/emulator';
import { pngBytes } from '../support/png';
import { ADA_ID, GRACE_ID, api, readAnswer } from './helpers';

withAdaSignedIn([...X_SCOPES]);

const POST = Object.values(SEED_POSTS)[0]!;
/** Katherine Johnson (seed): not followed by Ada and protected, so a follow leaves a pending request on X. */
const KJOHNSON_ID = '1268291573458292736';

interface Sent {
  method: string;
  path: string;
  query?: Record<string, string>;
  body?: string;
  contentType?: string;
}

/** Sends `req` with Ada's token; returns X's status and problem, and what the description says of the request. */
async function send(req: Sent) {
  const url = new URL(req.path, emu.url);
  for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = req.contentType ? { 'content-type': req.contentType } : {};
  const answer = await readAnswer<{ title?: string; type?: string }>(
    await api(emu, url.pathname + url.search, token, {
      method: req.method,
      headers,
      ...(req.body !== undefined ? { body: req.body } : {}),
    }),
  );
  const violations = validateRequest({
    method: req.method,
    path: url.pathname,
    query: url.searchParams,
    ...(req.body !== undefined ? { body: req.body, contentType: req.contentType } : {}),
    scopes: [...X_SCOPES],
  });
  // The emulator's observer records the same violations; this file caused them on purpose.
  if (violations.length) emu.contract.take({ rule: violations[0]!.rule });
  return { status: answer.status, type: answer.body.type, violations };
}

function refusedByBoth(result: Awaited<ReturnType<typeof send>>, rule: string): void {
  expect(result.violations.map((v) => v.rule)).toContain(rule);
  expect({ status: result.status, type: result.type }).toEqual({ status: 400, type: 'https://api.x.com/2/problems/invalid-request' });
}

describe('a user lookup refuses a tweet.fields value outside the description’s enum', () => {
  it.each([
    ['getUsersMe', '/2/users/me'],
    ['getUsersById', `/2/users/${GRACE_ID}`],
    ['getUsersByUsername', '/2/users/by/username/gracehop'],
  ])('%s', async (_id, path) => {
    refusedByBoth(await send({ method: 'GET', path, query: { 'tweet.fields': 'created_at,not_a_field' } }), 'query-value');
    // The same lookup with the enum's values is answered.
    expect((await send({ method: 'GET', path, query: { 'tweet.fields': 'created_at' } })).status).toBe(200);
  });
});

describe('a user lookup takes every tweet.fields value of the description’s enum', () => {
  const schema = loadSpec().components.parameters['TweetFieldsParameter']!.schema as { items: { enum: string[] } };
  const all = schema.items.enum.join(',');

  it.each([
    ['getUsersMe', '/2/users/me'],
    ['getUsersById', `/2/users/${GRACE_ID}`],
    ['getUsersByUsername', '/2/users/by/username/gracehop'],
  ])('%s', async (_id, path) => {
    const result = await send({ method: 'GET', path, query: { 'tweet.fields': all } });
    expect({ status: result.status, violations: result.violations }).toEqual({ status: 200, violations: [] });
  });
});

describe('a JSON write refuses a body sent as anything but application/json', () => {
  const writes: [string, string, string, Record<string, unknown>][] = [
    ['createPosts', 'POST', '/2/tweets', { text: 'Sent as plain text' }],
    ['likePost', 'POST', `/2/users/${ADA_ID}/likes`, { tweet_id: POST }],
    ['repostPost', 'POST', `/2/users/${ADA_ID}/retweets`, { tweet_id: POST }],
    ['followUser', 'POST', `/2/users/${ADA_ID}/following`, { target_user_id: KJOHNSON_ID }],
    ['createUsersBookmark', 'POST', `/2/users/${ADA_ID}/bookmarks`, { tweet_id: POST }],
    ['muteUser', 'POST', `/2/users/${ADA_ID}/muting`, { target_user_id: GRACE_ID }],
    ['createLists', 'POST', '/2/lists', { name: 'Plain text' }],
    [
      'initializeMediaUpload',
      'POST',
      '/2/media/upload/initialize',
      { media_type: 'image/gif', total_bytes: 10, media_category: 'tweet_gif' },
    ],
  ];
  /** What a write can change on X: posts, lists, media, and Ada's likes, reposts, follows, bookmarks and mutes. */
  function onX() {
    const { likes, reposts, following, pending_follows, bookmarks, muting } = emu.state.relationsOf(ADA_ID);
    const { posts, lists, media } = emu.state;
    return { posts: posts.size, lists: lists.size, media: media.size, likes, reposts, following, pending_follows, bookmarks, muting };
  }

  it.each(writes)('%s: refused, and nothing is done on X', async (_id, method, path, payload) => {
    const before = onX();
    refusedByBoth(
      await send({ method, path, body: JSON.stringify(payload), contentType: 'text/plain;charset=UTF-8' }),
      'request-content-type',
    );
    expect(onX()).toEqual(before);
    // The same body as application/json is taken, and changes what the refused one left alone.
    const taken = await send({ method, path, body: JSON.stringify(payload), contentType: 'application/json' });
    expect(taken.violations).toEqual([]);
    expect(taken.status).toBeLessThan(300);
    expect(onX()).not.toEqual(before);
  });
});

describe('initializeMediaUpload takes only what MediaUploadConfigRequest names', () => {
  const config = { media_type: 'image/gif', total_bytes: 10, media_category: 'tweet_gif' };

  it('refuses a property the schema does not have (additionalProperties: false), and starts no upload', async () => {
    const media = emu.state.media.size;
    const sent = { ...config, command: 'INIT' };
    refusedByBoth(
      await send({ method: 'POST', path: '/2/media/upload/initialize', body: JSON.stringify(sent), contentType: 'application/json' }),
      'request-body',
    );
    expect(emu.state.media.size).toBe(media);
  });

  it('refuses the fields sent as a form', async () => {
    const form = new URLSearchParams({ media_type: 'image/gif', total_bytes: '10', media_category: 'tweet_gif' }).toString();
    refusedByBoth(
      await send({ method: 'POST', path: '/2/media/upload/initialize', body: form, contentType: 'application/x-www-form-urlencoded' }),
      'request-content-type',
    );
  });
});

describe('mediaUpload takes only what MediaUploadRequestOneShot names', () => {
  async function upload(extra: Record<string, string>) {
    const form = new FormData();
    form.append('media', new Blob([new Uint8Array(pngBytes(4, 4))], { type: 'image/png' }), 'robin.png');
    form.append('media_category', 'tweet_image');
    for (const [k, v] of Object.entries(extra)) form.append(k, v);
    const media = emu.state.media.size;
    const res = await api(emu, '/2/media/upload', token, { method: 'POST', body: form });
    const answer = await readAnswer<{ type?: string }>(res);
    const violations = validateRequest({
      method: 'POST',
      path: '/2/media/upload',
      query: new URLSearchParams(),
      body: { media: '<binary>', media_category: 'tweet_image', ...extra },
      contentType: 'multipart/form-data',
      scopes: [...X_SCOPES],
    });
    if (violations.length) emu.contract.take({ operationId: 'mediaUpload', rule: 'request-body' });
    return { status: answer.status, type: answer.body.type, violations, started: emu.state.media.size - media };
  }

  it.each([
    ['a field the schema does not have (additionalProperties: false)', { alt_text: 'A robin' }],
    ['a `shared` that is not a boolean', { shared: 'maybe' }],
  ])('refuses %s, and keeps nothing', async (_what, extra) => {
    const result = await upload(extra);
    refusedByBoth(result, 'request-body');
    expect(result.started).toBe(0);
  });

  it('takes the same upload with only the schema’s fields', async () => {
    const result = await upload({ shared: 'false', media_type: 'image/png' });
    expect({ status: result.status, violations: result.violations, started: result.started }).toEqual({
      status: 200,
      violations: [],
      started: 1,
    });
  });
});
