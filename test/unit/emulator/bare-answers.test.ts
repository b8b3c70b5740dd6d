import { describe, expect, it } from 'vitest';
import { CROWD_USER_IDS, SEED_FOLDERS, SEED_POSTS } from '../../emulator/seed';
import { emu, token, withAdaSignedIn } from '../support/emulator';
import { ADA_ID, GRACE_ID, api, control } from './helpers';

/**
 * POST /__emulator/config `bare_answers` (test/emulator/bare.ts): every successful answer carries only what X must
 * send, each property X's description does not require left out when it has no value, and the answer still keeps
 * X's contract (the teardown checks every answer against the description).
 */

withAdaSignedIn(['tweet.read', 'users.read', 'bookmark.read', 'offline.access']);

type Json = Record<string, unknown>;
const get = async (path: string): Promise<Json> => (await (await api(emu, path, token)).json()) as Json;

describe('the emulator’s bare answers', () => {
  it('leaves out empty and optional metric properties, keeps defaults, booleans and required counts, until switched off or reset', async () => {
    const userPath = `/2/users/${GRACE_ID}?user.fields=public_metrics,protected,description`;
    // A stranger to Ada: no follow, mute or block either way.
    const strangerPath = `/2/users/${CROWD_USER_IDS[30]}?user.fields=connection_status`;
    const postPath = `/2/tweets/${SEED_POSTS.gracePhoto}?tweet.fields=public_metrics,possibly_sensitive`;
    const full = { user: await get(userPath), stranger: await get(strangerPath), post: await get(postPath) };
    expect(full.user).toMatchObject({ data: { public_metrics: { like_count: 120 } } });
    expect(full.stranger).toMatchObject({ data: { connection_status: [] } });
    expect(full.post).toMatchObject({ data: { public_metrics: { quote_count: 0 } } });

    expect(await control(emu, 'POST', 'config', { bare_answers: true })).toMatchObject({ bare_answers: true });
    const user = (await get(userPath)).data as Json;
    expect(user).toMatchObject({ id: GRACE_ID, name: 'Grace Hopper', username: 'gracehop', protected: false });
    expect((await get(strangerPath)).data).not.toHaveProperty('connection_status');
    expect(user.public_metrics).toEqual({ followers_count: 5821, following_count: 97, tweet_count: 3344, listed_count: 41 });
    const post = (await get(postPath)).data as Json;
    expect(post).toMatchObject({ id: SEED_POSTS.gracePhoto, possibly_sensitive: false, edit_history_tweet_ids: [SEED_POSTS.gracePhoto] });
    expect(post.public_metrics).not.toHaveProperty('quote_count');
    expect(post.public_metrics).toHaveProperty('bookmark_count');

    await control(emu, 'POST', 'config', { bare_answers: false });
    expect(await get(strangerPath)).toMatchObject({ data: { connection_status: [] } });
    await control(emu, 'POST', 'config', { bare_answers: true });
    await control(emu, 'POST', 'reset');
    expect(await control(emu, 'POST', 'config', {})).toMatchObject({ bare_answers: false });
  });

  it('answers an empty bookmark folder with no data', async () => {
    const path = `/2/users/${ADA_ID}/bookmarks/folders/${SEED_FOLDERS.travel}`;
    expect(await get(path)).toEqual({ data: [] });
    await control(emu, 'POST', 'config', { bare_answers: true });
    expect(await get(path)).toEqual({});
  });
});
