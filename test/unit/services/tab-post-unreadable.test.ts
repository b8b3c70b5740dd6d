import { describe, expect, it, vi } from 'vitest';
import { tabErrorText } from '@/entrypoints/popup/tab-error-text';
import { db } from '@/lib/db';
import { postContext } from '@/lib/services/tab-context';
import { createXClient } from '@/lib/x/client';
import { getPosts } from '@/lib/x/posts';
import { validateResponse } from '../../openapi/contract';
import { ADA_ID } from '../auth/support';
import { readInJapanese } from '../locales/in-japanese';
import { emu, withSignedInAda } from './world';

/**
 * The posts-by-id lookup (getPostsByIds, GET /2/tweets?ids=) answering a post without its `text`. X's description
 * requires no field of a Tweet (openapi.json components.schemas.Tweet has no `required`), so such an answer is X's.
 * Before, the whole answer was refused as unreadable: every other post of a lookup lost with it, and the popup said
 * "X sent an answer Perch could not read. Nothing was changed." of the post in the tab. Now that post alone is left
 * out, and the popup says X sent it without its text, never that X could not find it, keeping what was stored.
 */

withSignedInAda();

const POST = '1880000000000000001';
const OTHER = '1880000000000000002';
const GRACE = { id: '1300000000000000001', name: 'Grace', username: 'gracehop' };
const DAY = 24 * 60 * 60 * 1000;
const FALLBACK = 'Perch could not load this post.';
// Said in the popup, beside the post on x.com: nothing to open on X, only what Perch cannot do.
const SAID = 'X sent this post without its text, so Perch cannot show it or act on it.';

/** A client whose GET /2/tweets answers each of `bodies` in turn, each checked against X's description first. */
function xAnswering(...bodies: object[]) {
  for (const body of bodies) expect(validateResponse({ operationId: 'getPostsByIds', status: 200, body })).toEqual([]);
  const fetch = vi.fn(() => {
    const body = bodies.shift() ?? {};
    return Promise.resolve(new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }));
  });
  return createXClient({ baseUrl: 'https://api.x.test', getAccessToken: () => Promise.resolve('t1'), fetch });
}

const textless = { data: [{ id: POST, author_id: GRACE.id, edit_history_tweet_ids: [POST] }], includes: { users: [GRACE] } };
const withText = {
  data: [{ id: POST, text: 'Hello', author_id: GRACE.id, edit_history_tweet_ids: [POST], created_at: '2030-01-14T10:00:00.000Z' }],
  includes: { users: [GRACE] },
};

describe('a lookup of posts by id when X sends one without its text', () => {
  it('keeps the other posts and says which one was left out', async () => {
    const client = xAnswering({
      data: [{ id: POST }, { id: OTHER, text: 'Still here', edit_history_tweet_ids: [OTHER] }],
    });
    const page = await getPosts(client, [POST, OTHER]);
    expect(page.items.map((p) => p.id)).toEqual([OTHER]);
    expect(page.leftOut).toEqual([{ at: 0, id: POST }]);
  });
});

describe('the popup, for a post X sends without its text', () => {
  it('says X sent it without its text, not that X could not find it, and shows nothing of it', async () => {
    const ctx = await postContext(async () => xAnswering(textless), ADA_ID, POST, emu.state.now());
    expect(ctx.post).toBeNull();
    expect(tabErrorText(ctx.error, FALLBACK)).toBe(SAID);
    expect(await db().posts.get([ADA_ID, POST])).toBeUndefined();
  });

  it('says it in Japanese to a Japanese reader', async () => {
    const ctx = await postContext(async () => xAnswering(textless), ADA_ID, POST, emu.state.now());
    readInJapanese();
    expect(tabErrorText(ctx.error, FALLBACK)).toBe('Xがこのポストを本文なしで送ってきたため、Perchでは表示も操作もできません。');
  });

  it('keeps the post read the day before, as it was, beside the sentence', async () => {
    const now = emu.state.now();
    const first = await postContext(async () => xAnswering(withText), ADA_ID, POST, now - DAY);
    expect(first.post?.text).toBe('Hello');
    const ctx = await postContext(async () => xAnswering(textless), ADA_ID, POST, now);
    expect(ctx.post?.text).toBe('Hello');
    expect(tabErrorText(ctx.error, FALLBACK)).toBe(SAID);
    expect((await db().posts.get([ADA_ID, POST]))?.text).toBe('Hello');
  });
});
