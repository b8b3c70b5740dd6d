import * as z from 'zod/mini';
import type { XClient } from './client';
import { checkId, checkUsername } from './input';
import { fieldQuery, getOne, type Endpoint, type LookupOptions } from './pages';
import { notDone } from './set-state';
import { userSchema, type XUser } from './schemas';

export { userSchema, type XUser } from './schemas';

/** The user fields Perch shows (name, @username and id come by default). */
export const USER_FIELDS = ['profile_image_url', 'description', 'protected', 'verified'] as const;

/**
 * Every endpoint whose primary objects are users: user.fields for the users, tweet.fields and the
 * `pinned_tweet_id` expansion for their pinned posts (x-api--lists--list-members--integrate, "Fields and expansions").
 */
export const USER_ENDPOINT: Endpoint = {
  fieldParams: ['user.fields', 'tweet.fields', 'expansions'],
  defaults: { 'user.fields': USER_FIELDS },
};

// X's Get2UsersMeResponse makes `data` optional: a 200 may carry only `errors`, saying why X did not answer.
const meSchema = z.lazy(() => z.looseObject({ data: z.optional(userSchema), errors: z.optional(z.array(z.unknown())) }));

/**
 * The user fields asked of GET /2/users/me: the profile's, and `subscription_type` (the account's X Premium tier,
 * which decides whether it may post long posts: lib/text/post-limit.ts). X answers it only for the authenticated user
 * (x-api--fundamentals--data-dictionary, User: "Will always return `None` if the user is not the authenticated user").
 */
export const ME_FIELDS = [...USER_FIELDS, 'subscription_type'] as const;

/**
 * GET /2/users/me — the signed-in account.
 * @throws XApiError (X's refusal, its words kept, for a 200 with only `errors`; 'malformed' for one with neither)
 */
export async function getMe(client: XClient): Promise<XUser> {
  const res = await client.request({
    method: 'GET',
    path: '/2/users/me',
    query: { 'user.fields': ME_FIELDS.join(',') },
    schema: meSchema,
  });
  const { data, errors = [] } = res.body;
  if (data === undefined) throw notDone(errors, res.status, 'malformed');
  return data;
}

/**
 * GET /2/users/by/username/:username — one account by its @handle (a leading `@` is dropped).
 * @throws XApiError ('invalid-request' before sending for a malformed username; 'not-found' for an account X
 *   cannot return, with X's errors in `partialErrors` when it answered 200)
 */
export async function getUserByUsername(client: XClient, username: string, options: LookupOptions = {}): Promise<XUser> {
  const name = checkUsername(username);
  const query = fieldQuery(USER_ENDPOINT, options.fields);
  const { item } = await getOne(client, { path: `/2/users/by/username/${name}`, query, item: userSchema });
  return item;
}

/** GET /2/users/:id (getUsersById): one user by id, with the fields asked. @throws XApiError as getOne does. */
export async function getUserById(client: XClient, id: string, options: LookupOptions = {}): Promise<XUser> {
  const query = fieldQuery(USER_ENDPOINT, options.fields);
  const { item } = await getOne(client, { path: `/2/users/${checkId(id, 'id')}`, query, item: userSchema });
  return item;
}
