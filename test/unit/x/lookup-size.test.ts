import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tabErrorText } from '@/entrypoints/popup/tab-error-text';
import { db } from '@/lib/db';
import { postContext } from '@/lib/services/tab-context';
import { createXClient } from '@/lib/x/client';
import { XApiError } from '@/lib/x/errors';
import { getPosts } from '@/lib/x/posts';
import { freshDb } from '../support/store';

/**
 * A lookup by ids (GET /2/tweets?ids=, getPostsByIds: "Retrieves details of multiple Posts by their IDs", up to 100
 * ids) answering more posts than ids asked for. It takes no `max_results`, so only the 16 MB body bound held it: an
 * answer of 10⁵ posts and their authors for the popup's one post was stored whole, author by author. It is refused as
 * an answer Perch could not read, before anything of it is stored.
 */

const ACCOUNT = '1585841080431321088';
const SESSION = { accounts: [{ id: ACCOUNT, username: 'ada', name: 'Ada' }] } as never;
const id = (n: number) => String(1_900_000_000_000_000_000n + BigInt(n));
const post = (n: number) => ({ id: id(n), text: `Post ${n}`, author_id: String(1000 + n), edit_history_tweet_ids: [id(n)] });
const author = (n: number) => ({ id: String(1000 + n), name: `User ${n}`, username: `u${n}` });

function clientAnswering(body: unknown) {
  const fetch = vi.fn(() =>
    Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } })),
  );
  return createXClient({ baseUrl: 'https://api.x.test', getAccessToken: () => Promise.resolve('t1'), fetch });
}

const answerOf = (count: number) => ({
  data: Array.from({ length: count }, (_, n) => post(n)),
  includes: { users: Array.from({ length: count }, (_, n) => author(n)) },
});

describe('a lookup of posts by id answered with more posts than asked for', () => {
  beforeEach(freshDb);

  it('is refused as malformed: 3 posts for 2 ids', async () => {
    const error = await getPosts(clientAnswering(answerOf(3)), [id(0), id(1)]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XApiError);
    expect((error as XApiError).kind).toBe('malformed');
  });

  it('counts ids asked twice once: 2 posts for the same id twice are refused', async () => {
    const error = await getPosts(clientAnswering(answerOf(2)), [id(0), id(0)]).catch((e: unknown) => e);
    expect((error as XApiError).kind).toBe('malformed');
  });

  it('still reads as many posts as ids, and fewer (X left one out)', async () => {
    expect((await getPosts(clientAnswering(answerOf(2)), [id(0), id(1)])).items).toHaveLength(2);
    expect((await getPosts(clientAnswering(answerOf(1)), [id(0), id(1)])).items).toHaveLength(1);
  });

  it('shows the popup X’s answer could not be read, and stores none of its posts or authors', async () => {
    const client = () => Promise.resolve(clientAnswering(answerOf(1000)));
    const ctx = await postContext(client, ACCOUNT, id(0), Date.UTC(2030, 0, 15, 9), SESSION);

    expect(tabErrorText(ctx.error, 'fallback')).toBe('X sent an answer Perch could not read. Nothing was changed.');
    expect(await db().posts.count()).toBe(0);
    expect(await db().users.count()).toBe(0);
  });
});
