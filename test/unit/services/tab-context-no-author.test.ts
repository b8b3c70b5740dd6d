import { describe, expect, it } from 'vitest';
import { postContext } from '@/lib/services/tab-context';
import type { XClient, XRequest } from '@/lib/x/client';
import { XApiError } from '@/lib/x/errors';
import { SEED_POSTS } from '../../emulator/seed';
import { ADA_ID, GRACE_ID } from '../auth/support';
import { client, emu, withSignedInAda } from './world';

/**
 * X's answer to a post (GET /2/tweets, getPostsByIds) may leave its author out of `includes.users`: X's expansions
 * promise no user (a suspended or protected author). Before, every popup on that post read it from X again and showed
 * no Mute or Block with no word why. Now Perch asks X for the author once by id (GET /2/users/:id, getUsersById); when
 * X does not give them either, the popup says so and does not ask again that day.
 */

withSignedInAda();

const DAY = 24 * 60 * 60 * 1000;

/** Ada's client with X's post answers lacking their authors; `users` answers a user lookup by id instead of X. */
function authorlessClient(users?: (req: XRequest<unknown>) => Promise<never>) {
  const sent: string[] = [];
  const c: XClient = {
    request: async (req) => {
      sent.push(`${req.method} ${req.path}`);
      if (users && req.path.startsWith('/2/users/')) return users(req);
      const res = await client.request(req);
      if (req.path !== '/2/tweets') return res;
      const body = res.body as { includes?: { users?: unknown } };
      const { users: _left, ...includes } = body.includes ?? {};
      return { ...res, body: { ...body, includes } as typeof res.body };
    },
  };
  return { client: () => Promise.resolve(c), sent };
}

describe('a post whose author X left out of its answer', () => {
  it('asks X for the author once by id and shows them; the next popup asks nothing', async () => {
    const x = authorlessClient();
    const now = emu.state.now();
    const ctx = await postContext(x.client, ADA_ID, SEED_POSTS.gracePhoto, now);
    expect(ctx.author).toMatchObject({ id: GRACE_ID, username: 'gracehop', following: true });
    expect(ctx.authorMissing).toBeUndefined();
    expect(x.sent).toEqual(['GET /2/tweets', `GET /2/users/${GRACE_ID}`]);
    expect(emu.state.log.find((e) => e.path === `/2/users/${GRACE_ID}`)?.query?.['user.fields']?.split(',')).toContain('connection_status');

    const again = await postContext(x.client, ADA_ID, SEED_POSTS.gracePhoto, now + 60_000);
    expect(again.author).toMatchObject({ id: GRACE_ID, following: true });
    expect(x.sent).toHaveLength(2);
  });

  it('says X did not say who wrote it when the lookup fails too, and asks again only the next day', async () => {
    const x = authorlessClient(() => Promise.reject(new XApiError('not-found', { status: 404 })));
    const now = emu.state.now();
    const ctx = await postContext(x.client, ADA_ID, SEED_POSTS.gracePhoto, now);
    expect(ctx.post?.id).toBe(SEED_POSTS.gracePhoto);
    expect(ctx.author).toBeNull();
    expect(ctx.authorMissing).toBe(true);
    expect(ctx.error).toBeUndefined();
    expect(x.sent).toEqual(['GET /2/tweets', `GET /2/users/${GRACE_ID}`]);

    const again = await postContext(x.client, ADA_ID, SEED_POSTS.gracePhoto, now + 60_000);
    expect(again.authorMissing).toBe(true);
    expect(x.sent).toHaveLength(2);

    await postContext(x.client, ADA_ID, SEED_POSTS.gracePhoto, now + DAY);
    expect(x.sent).toHaveLength(4);
  });

  for (const kind of ['offline', 'rate-limited', 'unavailable'] as const) {
    it(`says what failed when the lookup is ${kind}, not that X did not say, and asks again on the next open`, async () => {
      const x = authorlessClient(() =>
        Promise.reject(new XApiError(kind, { status: kind === 'offline' ? 0 : kind === 'rate-limited' ? 429 : 503 })),
      );
      const now = emu.state.now();
      const ctx = await postContext(x.client, ADA_ID, SEED_POSTS.gracePhoto, now);
      expect(ctx.post?.id).toBe(SEED_POSTS.gracePhoto);
      expect(ctx.author).toBeNull();
      expect(ctx.authorMissing).toBeUndefined();
      expect(ctx.error?.kind).toBe(kind);

      const again = await postContext(x.client, ADA_ID, SEED_POSTS.gracePhoto, now + 60_000);
      expect(again.authorMissing).toBeUndefined();
      expect(x.sent).toEqual(['GET /2/tweets', `GET /2/users/${GRACE_ID}`, 'GET /2/tweets', `GET /2/users/${GRACE_ID}`]);
    });
  }
});

describe('a post X sent without its author_id', () => {
  // X's Tweet requires no field, author_id included even when asked for in tweet.fields (openapi.json `Tweet`).
  const noAuthorId: XClient = {
    request: async (req) => {
      const res = await client.request(req);
      const body: unknown = JSON.parse(JSON.stringify(res.body), (k, v: unknown) => (k === 'author_id' ? undefined : v));
      return { ...res, body: body as typeof res.body };
    },
  };

  it('says X did not say who wrote it, and the next popup that day says so too', async () => {
    const now = emu.state.now();
    const ctx = await postContext(() => Promise.resolve(noAuthorId), ADA_ID, SEED_POSTS.gracePhoto, now);
    expect(ctx.post?.id).toBe(SEED_POSTS.gracePhoto);
    expect(ctx.error).toBeUndefined();
    expect(ctx.author).toBeNull();
    expect(ctx.authorMissing).toBe(true);

    const again = await postContext(() => Promise.resolve(noAuthorId), ADA_ID, SEED_POSTS.gracePhoto, now + 60_000);
    expect(again.authorMissing).toBe(true);
  });
});
