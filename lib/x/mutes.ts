/**
 * Mutes of the signed-in user (scopes mute.read / mute.write). Pages: x-api--users--mutes--*,
 * x-api--users--get-muting, --mute-user, --unmute-user. `userId` is always the signed-in user's id.
 */
import { setState } from './set-state';
import type { XClient } from './client';
import { checkId } from './input';
import { getPage, pageQuery, type Endpoint, type Page, type PageOptions } from './pages';
import { userSchema, type XUser } from './schemas';
import { USER_ENDPOINT } from './users';

/** GET /2/users/:id/muting: users, 1 to 1000 a page. */
export const MUTING_ENDPOINT: Endpoint = { ...USER_ENDPOINT, maxResults: { min: 1, max: 1000 }, token: { minLength: 1, maxLength: 19 } };

/**
 * GET /2/users/:id/muting — one page of the accounts the signed-in user has muted.
 * @throws XApiError ('invalid-request' before sending for a malformed id or option)
 */
export async function getMutedUsers(client: XClient, userId: string, options: PageOptions = {}): Promise<Page<XUser>> {
  const user = checkId(userId, 'A user id');
  return getPage(client, {
    path: `/2/users/${user}/muting`,
    query: pageQuery(MUTING_ENDPOINT, options),
    item: userSchema,
    token: MUTING_ENDPOINT.token,
  });
}

/**
 * POST /2/users/:id/muting — mutes `targetUserId`. Returns `muting` as X reports it.
 * @throws XApiError ('invalid-request' before sending for a malformed id)
 */
export async function muteUser(client: XClient, userId: string, targetUserId: string): Promise<boolean> {
  const user = checkId(userId, 'A user id');
  const target_user_id = checkId(targetUserId, 'A target user id');
  const data = await setState(client, { method: 'POST', path: `/2/users/${user}/muting`, body: { target_user_id }, flag: 'muting' });
  return data.muting;
}

/**
 * DELETE /2/users/:source_user_id/muting/:target_user_id — unmutes `targetUserId`. Returns `muting` (false).
 * @throws XApiError ('invalid-request' before sending for a malformed id)
 */
export async function unmuteUser(client: XClient, userId: string, targetUserId: string): Promise<boolean> {
  const user = checkId(userId, 'A user id');
  const target = checkId(targetUserId, 'A target user id');
  const data = await setState(client, { method: 'DELETE', path: `/2/users/${user}/muting/${target}`, flag: 'muting' });
  return data.muting;
}
