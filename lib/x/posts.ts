import { z } from 'zod';
import type { XClient } from './client';

const idSchema = z.string().regex(/^\d+$/);

/** A post as X v2 returns it; unknown fields pass through. */
export const postSchema = z.looseObject({
  id: idSchema,
  text: z.string(),
  author_id: idSchema.optional(),
  created_at: z.string().optional(),
  edit_history_tweet_ids: z.array(idSchema).optional(),
});
export type XPost = z.infer<typeof postSchema>;

export interface CreatePostBody {
  text: string;
  reply?: { in_reply_to_tweet_id: string };
  quote_tweet_id?: string;
  media?: { media_ids: string[] };
}

const createdSchema = z.looseObject({ data: z.looseObject({ id: idSchema, text: z.string() }) });
const deletedSchema = z.looseObject({ data: z.looseObject({ deleted: z.boolean() }) });
const lookupSchema = z.looseObject({ data: postSchema });

/**
 * POST /2/tweets — publishes one post. Never retried: a post sent twice is two posts (or a duplicate refusal).
 * @throws XApiError
 */
export async function createPost(client: XClient, body: CreatePostBody): Promise<{ id: string; text: string }> {
  const res = await client.request({ method: 'POST', path: '/2/tweets', body, schema: createdSchema });
  return res.body.data;
}

/**
 * DELETE /2/tweets/:id — deletes one of the user's posts.
 * @throws XApiError
 */
export async function deletePost(client: XClient, postId: string): Promise<boolean> {
  const res = await client.request({ method: 'DELETE', path: `/2/tweets/${encodeURIComponent(postId)}`, schema: deletedSchema });
  return res.body.data.deleted;
}

/**
 * GET /2/tweets/:id — one post with its author and creation time.
 * @throws XApiError ('not-found' for a deleted post)
 */
export async function getPost(client: XClient, postId: string): Promise<XPost> {
  const res = await client.request({
    method: 'GET',
    path: `/2/tweets/${encodeURIComponent(postId)}`,
    query: { 'tweet.fields': 'author_id,created_at' },
    schema: lookupSchema,
  });
  return res.body.data;
}
