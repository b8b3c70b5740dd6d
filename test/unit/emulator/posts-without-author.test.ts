import { describe, expect, it } from 'vitest';
import { SEED_POSTS } from '../../emulator/seed';
import { emu, token, withAdaSignedIn } from '../support/emulator';
import { GRACE_ID, api, control } from './helpers';

/**
 * POST /__emulator/config `posts_without_author`: X's answers to posts (getPostsByIds, getPostsById) leave the
 * authors out of `includes.users`, as X's Expansions allow; the author is still there by id (getUsersById).
 */

withAdaSignedIn(['tweet.read', 'users.read', 'offline.access']);

type Answer = { data?: { id: string; author_id?: string }[]; includes?: { users?: { id: string }[] } };
const lookup = async (): Promise<Answer> =>
  (await (await api(emu, `/2/tweets?ids=${SEED_POSTS.gracePhoto}&tweet.fields=author_id&expansions=author_id`, token)).json()) as Answer;

describe('the emulator’s posts without their author', () => {
  it('answers getPostsByIds with author_id but no includes.users, until switched off or reset; getUsersById still answers', async () => {
    expect((await lookup()).includes?.users?.map((u) => u.id)).toEqual([GRACE_ID]);
    expect(await control(emu, 'POST', 'config', { posts_without_author: true })).toMatchObject({ posts_without_author: true });
    const answer = await lookup();
    expect(answer.data?.[0]?.author_id).toBe(GRACE_ID);
    expect(answer.includes?.users).toBeUndefined();
    expect((await api(emu, `/2/users/${GRACE_ID}`, token)).status).toBe(200);
    await control(emu, 'POST', 'config', { posts_without_author: false });
    expect((await lookup()).includes?.users?.map((u) => u.id)).toEqual([GRACE_ID]);
    await control(emu, 'POST', 'config', { posts_without_author: true });
    await control(emu, 'POST', 'reset');
    expect(await control(emu, 'POST', 'config', {})).toMatchObject({ posts_without_author: false });
  });
});
