/**
 * Blocks of the signed-in user (scopes block.read / block.write). Pages: x-api--users--blocks--*,
 * x-api--users--get-blocking. Reading the block list works on pay-per-use; blocking and unblocking are
 * Enterprise-only, so elsewhere X answers 403 (XApiError 'enterprise-only', or 'forbidden' when X's words do
 * not say why). `userId` is always the signed-in user's id.
 */
import { setState } from './set-state';
import type { XClient } from './client';
import { checkId } from './input';
import { getPage, pageQuery, type Endpoint, type Page, type PageOptions } from './pages';
import { userSchema, type XUser } from './schemas';
import { USER_ENDPOINT } from './users';

/** GET /2/users/:id/blocking: users, 1 to 1000 a page. */
export const BLOCKING_ENDPOINT: Endpoint = { ...USER_ENDPOINT, maxResults: { min: 1, max: 1000 }, token: { minLength: 16 } };

/**
 * GET /2/users/:id/blocking — one page of the accounts the signed-in user has blocked.
 * @throws XApiError ('invalid-request' before sending for a malformed id or option)
 */
export async function getBlockedUsers(client: XClient, userId: string, options: PageOptions = {}): Promise<Page<XUser>> {
  const user = checkId(userId, 'A user id');
  return getPage(client, {
    path: `/2/users/${user}/blocking`,
    query: pageQuery(BLOCKING_ENDPOINT, options),
    item: userSchema,
    token: BLOCKING_ENDPOINT.token,
  });
}

/**
 * POST /2/users/:id/blocking — blocks `targetUserId` (Enterprise plan only). Returns `blocking` as X reports it.
 * @throws XApiError ('invalid-request' before sending for a malformed id; 'enterprise-only' or 'forbidden' off Enterprise)
 */
export async function blockUser(client: XClient, userId: string, targetUserId: string): Promise<boolean> {
  const user = checkId(userId, 'A user id');
  const target_user_id = checkId(targetUserId, 'A target user id');
  const data = await setState(client, { method: 'POST', path: `/2/users/${user}/blocking`, body: { target_user_id }, flag: 'blocking' });
  return data.blocking;
}

/**
 * DELETE /2/users/:source_user_id/blocking/:target_user_id — unblocks `targetUserId` (Enterprise plan only).
 * Returns `blocking` as X reports it (false).
 * @throws XApiError ('invalid-request' before sending for a malformed id; 'enterprise-only' or 'forbidden' off Enterprise)
 */
export async function unblockUser(client: XClient, userId: string, targetUserId: string): Promise<boolean> {
  const user = checkId(userId, 'A user id');
  const target = checkId(targetUserId, 'A target user id');
  const data = await setState(client, { method: 'DELETE', path: `/2/users/${user}/blocking/${target}`, flag: 'blocking' });
  return data.blocking;
}
