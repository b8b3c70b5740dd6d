/**
 * Following and unfollowing accounts as the signed-in user (scope follows.write). Pages: x-api--users--follows--*,
 * x-api--users--follow-user, --unfollow-user. `userId` is always the signed-in user's id.
 */
import * as z from 'zod/mini';
import { notDone, setState } from './set-state';
import type { XClient } from './client';
import { checkId } from './input';

/** The state after a follow request. */
export interface FollowState {
  following: boolean;
  /** True while a protected account has not approved the request (then `following` is false). */
  pendingFollow: boolean;
  /**
   * X's answer held neither flag (both optional in UsersFollowingCreateResponse): the follow was done as asked, but
   * whether it is following or a request waiting for a protected account's approval X did not say.
   */
  unsaid?: true;
}

const followedSchema = z.lazy(() =>
  z.looseObject({
    data: z.optional(z.looseObject({ following: z.optional(z.boolean()), pending_follow: z.optional(z.boolean()) })),
    errors: z.optional(z.array(z.unknown())),
  }),
);

/**
 * POST /2/users/:id/following — follows `targetUserId`. A protected account gets a follow request instead:
 * `pendingFollow` is true until it approves.
 * @throws XApiError ('invalid-request' before sending for a malformed id, or when X answers neither following nor
 * pending (it did not follow); a 200 with `errors` and no `data`, or with `errors` and neither `following` nor a
 * pending request, as those errors say, e.g. 'not-found')
 */
export async function followUser(client: XClient, userId: string, targetUserId: string): Promise<FollowState> {
  const user = checkId(userId, 'A user id');
  const target_user_id = checkId(targetUserId, 'A target user id');
  const res = await client.request({
    method: 'POST',
    path: `/2/users/${user}/following`,
    body: { target_user_id },
    schema: followedSchema,
  });
  const { data, errors = [] } = res.body;
  if (data === undefined) throw notDone(errors, res.status, 'malformed', res.json);
  // UsersFollowingCreateResponse makes both flags optional: no word against it is a follow done as asked, unless
  // X sent errors and no word for it (neither `following` nor a pending request); neither following nor pending is
  // X not doing it.
  const pendingFollow = data.pending_follow ?? false;
  if (data.following === undefined && !pendingFollow && errors.length) throw notDone(errors, res.status, 'invalid-request');
  const following = data.following ?? !pendingFollow;
  if (!following && !pendingFollow) throw notDone(errors, res.status, 'invalid-request');
  return { following, pendingFollow, ...(data.following === undefined && data.pending_follow === undefined ? { unsaid: true } : {}) };
}

/**
 * DELETE /2/users/:source_user_id/following/:target_user_id — unfollows `targetUserId`. Returns `following` (false).
 * @throws XApiError ('invalid-request' before sending for a malformed id; otherwise as lib/x/set-state.ts `setState`)
 */
export async function unfollowUser(client: XClient, userId: string, targetUserId: string): Promise<boolean> {
  const user = checkId(userId, 'A user id');
  const target = checkId(targetUserId, 'A target user id');
  const data = await setState(client, { method: 'DELETE', path: `/2/users/${user}/following/${target}`, flag: 'following' });
  return data.following;
}
