/**
 * The shape shared by X's "manage" endpoints (bookmark, like, mute, pin…): a POST with a small JSON body or a
 * DELETE, answered with `{"data": {"<flag>": true|false}}` saying the state after the request. X's descriptions make
 * `data` and its flag optional (UsersLikesCreateResponse, BookmarkMutationResponse, ListPinnedResponse, …): a 200
 * may carry only `errors`, saying why X did not do it, or a `data` without the flag, saying nothing against it
 * unless `errors` come beside it.
 */
import * as z from 'zod/mini';
import type { XClient } from './client';
import { XApiError } from './errors';
import { refusalOf } from './pages';

/**
 * X did not do what was asked: refused as its `errors` say (lib/x/pages.ts `refusalOf`), or, when it sent none,
 * as `otherwise`. A 'malformed' answer that was JSON (`json`, XResponse) naming no errors is X's own success
 * Perch could not read (XApiError `xSuccess`).
 */
export function notDone(errors: unknown[], status: number, otherwise: 'malformed' | 'invalid-request', json?: boolean): XApiError {
  if (errors.length) return refusalOf(errors, status, 'invalid-request');
  return new XApiError(otherwise, { status, xSuccess: otherwise === 'malformed' && json === true });
}

/**
 * The state a manage request asks for: its flag true for a POST or PUT, false for a DELETE, except `deleted`
 * (deleteLists), which a DELETE asks to be true.
 */
function askedOf(req: { method: string; flag: string }): boolean {
  return req.method !== 'DELETE' || req.flag === 'deleted';
}

/**
 * Sends one manage request and returns the answer's `data` with `flag` as asked: X sent it so, or did not send it
 * (a 200 without errors: done as asked).
 * @throws XApiError (a 200 with `errors` and no `data`, or with `errors` and a `data` without the flag, as those
 * errors say: a resource-not-found is 'not-found'; a flag contrary to the request (X did not do it) as its errors
 * say, 'invalid-request' when it sent none;
 * 'malformed' for a 200 with neither `data` nor `errors`, or a flag that is not a boolean)
 */
export async function setState<K extends string>(
  client: XClient,
  req: { method: 'POST' | 'PUT' | 'DELETE'; path: string; body?: Record<string, unknown>; flag: K },
): Promise<{ [P in K]: boolean } & Record<string, unknown>> {
  const data = z.looseObject({ [req.flag]: z.optional(z.boolean()) } as { [P in K]: z.ZodMiniOptional<z.ZodMiniBoolean> });
  const schema = z.looseObject({ data: z.optional(data), errors: z.optional(z.array(z.unknown())) });
  const res = await client.request({
    method: req.method,
    path: req.path,
    ...(req.body === undefined ? {} : { body: req.body }),
    schema,
  });
  const { data: state, errors = [] } = res.body;
  if (state === undefined) throw notDone(errors, res.status, 'malformed', res.json);
  const asked = askedOf(req);
  const said = (state as Record<string, unknown>)[req.flag];
  // An absent flag is done as asked only when X sent no errors beside it: with errors, they say why X did not do it.
  if (said === undefined ? errors.length > 0 : said !== asked) throw notDone(errors, res.status, 'invalid-request');
  return { ...state, [req.flag]: asked };
}
