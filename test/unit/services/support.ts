/**
 * Helpers for the compose and sync tests: a clean store (test/unit/support/store.ts), stored bookmarks, PNG bytes, a
 * signed-in XClient and lookups on the emulator.
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { XClient } from '@/lib/x/client';
import type { CreatePostBody } from '@/lib/x/posts';
import type { Emulator } from '../../emulator/server';
import { ADA_ID, makeService } from '../auth/support';
import { pngBytes } from '../support/png';

export { freshDb } from '../support/store';

/** Every stored image row, blobs included (what getDraft must never hand out). */
export function storedMedia() {
  return db().draftMedia.toArray();
}

/**
 * Stores `postIds` as `accountId`'s bookmarks from an earlier sync, newest first (the first id holds the highest
 * position), each with its post (text `Kept <id>`), as a walk finds them before X answers.
 */
export async function seedBookmarks(accountId: string, postIds: readonly string[]): Promise<void> {
  const seenAt = '2030-01-14T09:00:00.000Z';
  await db().posts.bulkPut(postIds.map((id) => ({ accountId, id, text: `Kept ${id}`, urls: [], mediaCount: 0, seenAt })));
  await db().bookmarks.bulkPut(
    postIds.map((postId, i) => ({ accountId, postId, position: postIds.length - i, folderIds: [], searchText: '' })),
  );
}

/** A real (tiny) PNG, so the emulator recognises it by its bytes. */
export function png(width = 2, height = 2): Uint8Array<ArrayBuffer> {
  const bytes = pngBytes(width, height);
  const out = new Uint8Array(new ArrayBuffer(bytes.length));
  out.set(bytes);
  return out;
}

/** Signs Ada in through AuthService (fake launchWebAuthFlow pressing "Authorize app") and returns her XClient. */
export async function signedInClient(emu: Emulator): Promise<XClient> {
  const h = makeService(emu);
  const account = await h.auth.signIn();
  if (account.id !== ADA_ID) throw new Error(`signed in as ${account.id}, expected Ada`);
  return h.auth.clientFor(ADA_ID, h.settings);
}

/**
 * Wraps a client to see what it asks X to publish: `bodies` collects every POST /2/tweets body in order, and
 * `before(n)` runs just before the n-th one (1-based), so a test can put a fault on one post of a thread.
 */
export function watchPosts(client: XClient, before: (n: number) => void = () => undefined): { client: XClient; bodies: CreatePostBody[] } {
  const bodies: CreatePostBody[] = [];
  return {
    bodies,
    client: {
      request(req) {
        if (req.method === 'POST' && req.path === '/2/tweets') {
          bodies.push(req.body as CreatePostBody);
          before(bodies.length);
        }
        return client.request(req);
      },
    },
  };
}

const lookupSchema = z.looseObject({
  data: z
    .array(
      z.looseObject({
        id: z.string(),
        text: z.string(),
        author_id: z.string().optional(),
        referenced_tweets: z.array(z.object({ type: z.string(), id: z.string() })).optional(),
        attachments: z.looseObject({ media_keys: z.array(z.string()).optional() }).optional(),
      }),
    )
    .optional(),
  includes: z.looseObject({ media: z.array(z.looseObject({ media_key: z.string(), type: z.string() })).optional() }).optional(),
});
export type Lookup = z.infer<typeof lookupSchema>;

/** GET /2/tweets?ids=… as the signed-in user, with the fields the tests check. */
export async function lookupPosts(client: XClient, ids: string[]): Promise<Lookup> {
  const res = await client.request({
    method: 'GET',
    path: '/2/tweets',
    query: {
      ids: ids.join(','),
      'tweet.fields': 'author_id,referenced_tweets,attachments',
      expansions: 'attachments.media_keys',
      'media.fields': 'type',
    },
    schema: lookupSchema,
  });
  return res.body;
}

/** Requests to the X API (not the emulator's control API) with this method and path. */
export function requestsTo(emu: Emulator, method: string, path: string) {
  return emu.state.log.filter((e) => e.method === method && e.path === path);
}

/** Posts on the emulator written by `authorId` with exactly this text (deleted ones excluded). */
export function postsOnX(emu: Emulator, authorId: string, text: string) {
  return [...emu.state.posts.values()].filter((p) => p.authorId === authorId && p.text === text && !p.deleted);
}
