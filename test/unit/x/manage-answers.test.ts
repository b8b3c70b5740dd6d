import { describe, expect, it } from 'vitest';
import { bookmarkPost, unbookmarkPost } from '@/lib/x/bookmarks';
import { followUser, unfollowUser } from '@/lib/x/follows';
import { likePost } from '@/lib/x/likes';
import { pinList } from '@/lib/x/lists';
import { ME, ok, scripted, xErrorOf } from './support';

/** One entry of a 200 answer's `errors`, shaped as X's Problem schema (ResourceNotFoundProblem, …). */
const problem = (type: string, title: string, detail: string) => ({
  value: '1',
  detail,
  title,
  resource_type: 'tweet',
  parameter: 'tweet_id',
  resource_id: '1',
  type: `https://api.twitter.com/2/problems/${type}`,
});
const GONE = problem('resource-not-found', 'Not Found Error', 'Could not find tweet with id: [1].');

describe('a write X answers 200 with errors and no data (data is optional in its OpenAPI answer)', () => {
  it('is not-found when X says the post is not found (likePost: UsersLikesCreateResponse)', async () => {
    const { client } = scripted(ok({ errors: [GONE] }));
    const error = await xErrorOf(likePost(client, ME, '1'));
    expect(error.kind).toBe('not-found');
    expect(error.status).toBe(200);
    expect(error.problem).toMatchObject({ type: 'resource-not-found', detail: 'Could not find tweet with id: [1].' });
    expect(error.partialErrors).toEqual([GONE]);
  });

  it.each([
    ['not-authorized-for-resource', 'forbidden'],
    ['resource-unavailable', 'forbidden'],
    ['usage-capped', 'usage-capped'],
    ['client-forbidden', 'app-no-access'],
    ['something-new', 'invalid-request'],
  ])('reads a %s error as %s, keeping X’s words', async (type, kind) => {
    const { client } = scripted(ok({ errors: [problem(type, 'Refused', 'X’s own reason.')] }));
    const error = await xErrorOf(bookmarkPost(client, ME, '1'));
    expect([error.kind, error.problem.detail]).toEqual([kind, 'X’s own reason.']);
  });

  it('reads the errors of a pin (pinList: ListPinnedResponse) and of a follow (followUser) the same way', async () => {
    const { client } = scripted(ok({ errors: [GONE] }), ok({ errors: [GONE] }));
    expect((await xErrorOf(pinList(client, ME, '1'))).kind).toBe('not-found');
    expect((await xErrorOf(followUser(client, ME, '1'))).kind).toBe('not-found');
  });

  it('is still malformed with neither data nor errors', async () => {
    const { client } = scripted(ok({}), ok({ errors: 'no' }));
    expect((await xErrorOf(unbookmarkPost(client, ME, '1'))).kind).toBe('malformed');
    expect((await xErrorOf(likePost(client, ME, '1'))).kind).toBe('malformed');
  });
});

describe('a write X answers with data whose flag is absent or contrary (the flag is optional in its OpenAPI answer)', () => {
  it('is done as asked when the flag is absent (bookmarkPost: BookmarkMutationResponse; followUser)', async () => {
    const { client } = scripted(ok({ data: {} }), ok({ data: {} }), ok({ data: { pending_follow: false } }));
    expect(await bookmarkPost(client, ME, '1')).toBe(true);
    expect(await unbookmarkPost(client, ME, '1')).toBe(false);
    expect(await followUser(client, ME, '1')).toEqual({ following: true, pendingFollow: false });
  });

  it('is X not doing it when the flag says the opposite of what was asked', async () => {
    const { client } = scripted(ok({ data: { liked: false } }), ok({ data: { bookmarked: true } }), ok({ data: { following: false } }));
    for (const call of [likePost(client, ME, '1'), unbookmarkPost(client, ME, '1'), followUser(client, ME, '1')]) {
      const error = await xErrorOf(call);
      expect([error.kind, error.status]).toEqual(['invalid-request', 200]);
    }
  });

  it('reads a contrary flag sent with errors as those errors say', async () => {
    const { client } = scripted(ok({ data: { pinned: false }, errors: [GONE] }));
    expect((await xErrorOf(pinList(client, ME, '1'))).kind).toBe('not-found');
  });

  it('reads an absent flag sent with errors as those errors say, not as done', async () => {
    const { client } = scripted(
      ok({ data: {}, errors: [GONE] }),
      ok({ data: {}, errors: [GONE] }),
      ok({ data: {}, errors: [GONE] }),
      ok({ data: { pending_follow: false }, errors: [GONE] }),
    );
    for (const call of [
      likePost(client, ME, '1'),
      unbookmarkPost(client, ME, '1'),
      unfollowUser(client, ME, '1'),
      followUser(client, ME, '1'),
    ]) {
      const error = await xErrorOf(call);
      expect([error.kind, error.status, error.problem.detail]).toEqual(['not-found', 200, 'Could not find tweet with id: [1].']);
    }
    // A follow request X says is pending was made, whatever errors come beside it.
    const pending = scripted(ok({ data: { pending_follow: true }, errors: [GONE] }));
    expect(await followUser(pending.client, ME, '1')).toEqual({ following: false, pendingFollow: true });
  });

  it('still refuses a flag that is not a boolean as malformed', async () => {
    const { client } = scripted(ok({ data: { liked: 'yes' } }));
    expect((await xErrorOf(likePost(client, ME, '1'))).kind).toBe('malformed');
  });
});
