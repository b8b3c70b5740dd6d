/**
 * The shape shared by X's "manage" endpoints (bookmark, like, mute, pin…): a POST with a small JSON body or a
 * DELETE, answered with `{"data": {"<flag>": true|false}}` saying the state after the request. X's descriptions make
 * `data` optional (UsersLikesCreateResponse, BookmarkMutationResponse, ListPinnedResponse, …): a 200 may carry only
 * `errors`, saying why X did not do it.
 */
import * as z from 'zod/mini';
import type { XClient } from './client';
import { XApiError } from './errors';
import { refusalOf } from './pages';

/**
 * X did not do what was asked: refused as its `errors` say (lib/x/pages.ts `refusalOf`), or, when it sent none,
 * as `otherwise`.
 */
export function notDone(errors: unknown[], status: number, otherwise: 'malformed' | 'invalid-request'): XApiError {
  return errors.length ? refusalOf(errors, status, 'invalid-request') : new XApiError(otherwise, { status });
}

/**
 * Sends one manage request and returns the answer's `data` (with `flag` checked to be a boolean).
 * @throws XApiError (a 200 with `errors` and no `data` as those errors say: a resource-not-found is 'not-found';
 * 'malformed' for a 200 with neither)
 */
export async function setState<K extends string>(
  client: XClient,
  req: { method: 'POST' | 'PUT' | 'DELETE'; path: string; body?: Record<string, unknown>; flag: K },
): Promise<{ [P in K]: boolean } & Record<string, unknown>> {
  const data = z.looseObject({ [req.flag]: z.boolean() } as { [P in K]: z.ZodMiniBoolean });
  const schema = z.looseObject({ data: z.optional(data), errors: z.optional(z.array(z.unknown())) });
  const res = await client.request({
    method: req.method,
    path: req.path,
    ...(req.body === undefined ? {} : { body: req.body }),
    schema,
  });
  const { data: state, errors = [] } = res.body;
  if (state === undefined) throw notDone(errors, res.status, 'malformed');
  return state as { [P in K]: boolean } & Record<string, unknown>;
}
