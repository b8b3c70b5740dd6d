import { z } from 'zod';
import type { XClient } from './client';

/** A user object as X v2 returns it; unknown fields pass through. Ids are strings. */
export const userSchema = z.looseObject({
  id: z.string().regex(/^\d+$/),
  name: z.string(),
  username: z.string(),
  profile_image_url: z.string().optional(),
  description: z.string().optional(),
  protected: z.boolean().optional(),
  verified: z.boolean().optional(),
});
export type XUser = z.infer<typeof userSchema>;

const meSchema = z.looseObject({ data: userSchema });

/**
 * GET /2/users/me — the signed-in account.
 * @throws XApiError
 */
export async function getMe(client: XClient): Promise<XUser> {
  const res = await client.request({
    method: 'GET',
    path: '/2/users/me',
    query: { 'user.fields': 'profile_image_url,description,protected,verified' },
    schema: meSchema,
  });
  return res.body.data;
}
