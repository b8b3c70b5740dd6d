import { describe, expect, it } from 'vitest';
import { followUser, unfollowUser } from '@/lib/x/follows';
import { BIG_ID, ME, expectRefusedBeforeSending, ok, scripted, xErrorOf } from './support';

describe('followUser and unfollowUser', () => {
  // x-api--users--follows--quickstart, "Follow a user" / "Unfollow a user" responses.
  it('POSTs /2/users/:id/following with the target_user_id and returns the follow state', async () => {
    const { client, sent } = scripted(ok({ data: { following: true, pending_follow: false } }));
    expect(await followUser(client, ME, '2244994945')).toEqual({ following: true, pendingFollow: false });
    expect(sent).toEqual([{ method: 'POST', path: `/2/users/${ME}/following`, query: {}, body: { target_user_id: '2244994945' } }]);
  });

  it('reports a follow request to a protected account as pending', async () => {
    const { client } = scripted(ok({ data: { following: false, pending_follow: true } }));
    expect(await followUser(client, ME, '2244994945')).toEqual({ following: false, pendingFollow: true });
  });

  it('treats a missing pending_follow as not pending', async () => {
    const { client } = scripted(ok({ data: { following: true } }));
    expect(await followUser(client, ME, '2244994945')).toEqual({ following: true, pendingFollow: false });
  });

  it('takes {"data":{}} as done as asked, and says X did not say following or pending', async () => {
    const { client } = scripted(ok({ data: {} }));
    expect(await followUser(client, ME, '2244994945')).toEqual({ following: true, pendingFollow: false, unsaid: true });
  });

  it('DELETEs /2/users/:source_user_id/following/:target_user_id and returns following', async () => {
    const { client, sent } = scripted(ok({ data: { following: false } }));
    expect(await unfollowUser(client, ME, BIG_ID)).toBe(false);
    expect(sent).toEqual([{ method: 'DELETE', path: `/2/users/${ME}/following/${BIG_ID}`, query: {}, body: undefined }]);
  });

  it('sends a 19-digit target id exactly as given', async () => {
    const { client, fetch } = scripted(ok({ data: { following: true } }));
    await followUser(client, ME, BIG_ID);
    expect(fetch.mock.calls[0]![1]!.body).toBe(`{"target_user_id":"${BIG_ID}"}`);
  });

  it.each([
    ['a following that is not a boolean', { data: { following: 'yes' } }],
    ['a pending_follow that is not a boolean', { data: { following: false, pending_follow: 'yes' } }],
  ])('reports an answer with %s as malformed', async (_case, answer) => {
    const { client } = scripted(ok(answer));
    expect((await xErrorOf(followUser(client, ME, '1'))).kind).toBe('malformed');
  });

  it('refuses malformed ids before sending', async () => {
    const { client, fetch } = scripted();
    await expectRefusedBeforeSending(followUser(client, ME, 'XDevelopers'), fetch);
    await expectRefusedBeforeSending(unfollowUser(client, ME, ''), fetch);
  });
});
