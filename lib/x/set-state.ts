/**
 * The shape shared by X's "manage" endpoints (bookmark, like, mute, pin…): a POST with a small JSON body or a
 * DELETE, answered with `{"data": {"<flag>": true|false}}` saying the state after the request.
 */
import * as z from 'zod/mini';
import type { XClient } from './client';

/**
 * Sends one manage request and returns the answer's `data` (with `flag` checked to be a boolean).
 * @throws XApiError
 */
export async function setState<K extends string>(
  client: XClient,
  req: { method: 'POST' | 'PUT' | 'DELETE'; path: string; body?: Record<string, unknown>; flag: K },
): Promise<{ [P in K]: boolean } & Record<string, unknown>> {
  const data = z.looseObject({ [req.flag]: z.boolean() } as { [P in K]: z.ZodMiniBoolean });
  const schema = z.looseObject({ data });
  const res = await client.request({
    method: req.method,
    path: req.path,
    ...(req.body === undefined ? {} : { body: req.body }),
    schema,
  });
  return res.body.data as { [P in K]: boolean } & Record<string, unknown>;
}
