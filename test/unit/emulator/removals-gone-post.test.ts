import { describe, expect, it } from 'vitest';
import { SEED_POSTS } from '../../emulator/seed';
import { emu, token, withAdaSignedIn } from '../support/emulator';
import { ADA_ID, control, readAnswer, sendJson } from './helpers';

/**
 * Taking back a like, a repost or a bookmark of a post that is gone. X answers a missing or deleted resource with
 * 404 (x-api--fundamentals--response-codes-and-errors: "404 Not Found: Resource doesn't exist or has been deleted",
 * "Deleted posts return 404"); the like, repost or bookmark goes with its post.
 */

const PROBLEMS = 'https://api.x.com/2/problems/';
const POST = SEED_POSTS.adaReplyToGrace;

withAdaSignedIn(['tweet.read', 'users.read', 'tweet.write', 'like.write', 'bookmark.read', 'bookmark.write', 'offline.access']);

const relations = () => control<Record<string, string[]>>(emu, 'GET', `users/${ADA_ID}/relations`);

describe.each([
  { what: 'an unlike', relation: 'likes', collection: 'likes', parameter: 'tweet_id' },
  { what: 'an undone repost', relation: 'reposts', collection: 'retweets', parameter: 'source_tweet_id' },
  { what: 'an unbookmark', relation: 'bookmarks', collection: 'bookmarks', parameter: 'tweet_id' },
])('$what', ({ relation, collection, parameter }) => {
  const path = (id: string) => `/2/users/${ADA_ID}/${collection}/${id}`;

  it('of a deleted post answers 404 resource-not-found and leaves nothing behind', async () => {
    const created = await readAnswer(await sendJson(emu, 'POST', `/2/users/${ADA_ID}/${collection}`, token, { tweet_id: POST }));
    expect(created.status).toBe(200);
    expect((await relations())[relation]).toContain(POST);
    emu.state.posts.get(POST)!.deleted = true;
    const res = await readAnswer<{ errors: Record<string, unknown>[] }>(await sendJson(emu, 'DELETE', path(POST), token));
    expect(res.status).toBe(404);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ type: `${PROBLEMS}resource-not-found`, resource_type: 'tweet', parameter, resource_id: POST }),
    ]);
    expect((await relations())[relation]).not.toContain(POST);
  });

  it('of a post that never was answers 404 too', async () => {
    const res = await readAnswer(await sendJson(emu, 'DELETE', path('1111111111111111111'), token));
    expect(res.status).toBe(404);
  });

  it('of a post that is there answers 200 however often it is sent', async () => {
    for (let i = 0; i < 2; i++) expect((await readAnswer(await sendJson(emu, 'DELETE', path(POST), token))).status).toBe(200);
  });
});
