import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tabErrorText } from '@/entrypoints/popup/tab-error-text';
import { db } from '@/lib/db';
import { postContext } from '@/lib/services/tab-context';
import { LONG_POST_LIMIT } from '@/lib/text/post-limit';
import { BOOKMARK_EXPANSIONS, getBookmarks } from '@/lib/x/bookmarks';
import { XApiError } from '@/lib/x/errors';
import { INCLUDED_PER_ITEM, LONG_POST_CHARACTERS } from '@/lib/x/includes-bound';
import { getOwnedLists } from '@/lib/x/lists';
import { getPost, getPosts, POST_ENDPOINT, REPLY_CHECK_EXPANSIONS, withCardMedia } from '@/lib/x/posts';
import { getUserByUsername } from '@/lib/x/users';
import { withEmptyStore } from '../support/store';
import { capturing } from './capture';

/**
 * An answer's `includes` hold the objects its expansions pulled in for its items (x-api--fundamentals--expansions),
 * and X's contract caps how many one item pulls in: one author, up to 4 media ("up to 4 photos, 1 animated GIF or 1
 * video", x-api--media--quickstart--best-practices), up to 3 referenced posts (the description's ReferencedTweet types).
 * Before, only `data` was bounded: an answer for the popup's one post carrying 10⁵ users was stored whole, each user's
 * relation applied one by one. Now an answer holding more than its expansions pull in is refused before anything of
 * it is stored.
 */

const ADA = '2244994945';
const SESSION = { accounts: [{ id: ADA, username: 'ada', name: 'Ada' }] } as never;
const id = (n: number) => String(1_900_000_000_000_000_000n + BigInt(n));
const post = (n: number) => ({ id: id(n), text: `Post ${n}`, author_id: String(1000 + n), edit_history_tweet_ids: [id(n)] });
const user = (n: number) => ({ id: String(1000 + n), name: `User ${n}`, username: `u${n}` });
const photo = (n: number) => ({ media_key: `3_${id(n)}`, type: 'photo', url: `https://pbs.twimg.com/media/${n}.jpg` });
const many = <T>(count: number, of: (n: number) => T) => Array.from({ length: count }, (_, n) => of(n));

const kindOf = (e: unknown) => (e instanceof XApiError ? e.kind : e);
const answering = (body: unknown) => capturing({ body }).client;

describe('a posts lookup’s includes', () => {
  it('are refused past one author a post when only author_id was asked: 2 users for 1 post', async () => {
    const client = answering({ data: [post(0)], includes: { users: many(2, user) } });
    expect(kindOf(await getPosts(client, [id(0)]).catch((e: unknown) => e))).toBe('malformed');
  });

  it('are read up to the bound: 1 author for 1 post, 4 photos with attachments.media_keys', async () => {
    const fields = { expansions: ['author_id', 'attachments.media_keys'] };
    const page = await getPosts(answering({ data: [post(0)], includes: { users: [user(0)], media: many(4, photo) } }), [id(0)], { fields });
    expect(page.includes.users).toHaveLength(1);
    expect(page.includes.media).toHaveLength(4);
  });

  it.each([
    ['5 photos for 1 post', { media: many(5, photo) }],
    ['a poll no expansion asked for', { polls: [{ id: '1199786642468413448', options: [] }] }],
    ['a quoted post no expansion asked for', { tweets: [post(1)] }],
  ])('are refused with %s', async (_what, includes) => {
    const fields = { expansions: ['author_id', 'attachments.media_keys'] };
    const client = answering({ data: [post(0)], includes: { users: [user(0)], ...includes } });
    expect(kindOf(await getPosts(client, [id(0)], { fields }).catch((e: unknown) => e))).toBe('malformed');
  });

  // Get2TweetsResponse makes data, errors and includes each optional: the post gone, its author may still be included.
  const gone = (n: number) => ({
    type: 'https://api.twitter.com/2/problems/resource-not-found',
    title: 'Not Found Error',
    detail: `Could not find tweet with ids: [${id(n)}].`,
    resource_type: 'tweet',
    resource_id: id(n),
    value: id(n),
    parameter: 'ids',
  });

  it('are read beside X’s errors and no data as X saying the post is not found', async () => {
    const page = await getPosts(answering({ errors: [gone(0)], includes: { users: [user(0)] } }), [id(0)]);
    expect(page.items).toEqual([]);
    expect(page.partialErrors).toEqual([gone(0)]);
  });

  it('beside errors are still bounded by the posts asked: 2 users for 1 post, however many errors', async () => {
    const client = answering({ errors: many(3, gone), includes: { users: many(2, user) } });
    expect(kindOf(await getPosts(client, [id(0)]).catch((e: unknown) => e))).toBe('malformed');
  });

  it('of a one-post lookup are bounded as one item’s (GET /2/tweets/:id)', async () => {
    const client = answering({ data: post(0), includes: { users: many(2, user) } });
    expect(kindOf(await getPost(client, id(0)).catch((e: unknown) => e))).toBe('malformed');
    expect((await getPost(answering({ data: post(0), includes: { users: [user(0)] } }), id(0))).id).toBe(id(0));
  });
});

describe('a bookmarks page’s includes (author, media, quoted post and its author, replied-to user)', () => {
  const page = (includes: object) => answering({ data: [post(0), post(1)], includes, meta: { result_count: 2 } });

  it('are read at the bound for 2 posts: 10 users, 6 posts, 8 media', async () => {
    const result = await getBookmarks(page({ users: many(10, user), tweets: many(6, post), media: many(8, photo) }), ADA);
    expect([result.includes.users.length, result.includes.tweets.length, result.includes.media.length]).toEqual([10, 6, 8]);
  });

  it('of an empty page are bounded as one post’s, not refused', async () => {
    const empty = answering({ includes: { users: many(5, user) }, meta: { result_count: 0 } });
    expect((await getBookmarks(empty, ADA)).items).toEqual([]);
    const over = answering({ includes: { users: many(6, user) }, meta: { result_count: 0 } });
    expect(kindOf(await getBookmarks(over, ADA).catch((e: unknown) => e))).toBe('malformed');
  });

  it.each([
    ['11 users', { users: many(11, user) }],
    ['7 posts', { tweets: many(7, post) }],
    ['9 media', { media: many(9, photo) }],
  ])('are refused past it: %s', async (_what, includes) => {
    expect(kindOf(await getBookmarks(page(includes), ADA).catch((e: unknown) => e))).toBe('malformed');
  });
});

describe('includes of answers asking no expansion', () => {
  it('refuse a List page carrying users (owner_id not asked), which the lists walk stored as accounts', async () => {
    const client = answering({ data: [{ id: id(0), name: 'Birds' }], includes: { users: [user(0)] }, meta: { result_count: 1 } });
    expect(kindOf(await getOwnedLists(client, ADA).catch((e: unknown) => e))).toBe('malformed');
  });

  it('bound a user lookup’s pinned post to one with pinned_tweet_id', async () => {
    const fields = { expansions: ['pinned_tweet_id'] };
    const one = answering({ data: user(0), includes: { tweets: [post(0)] } });
    expect((await getUserByUsername(one, 'u0', { fields })).id).toBe(user(0).id);
    const two = answering({ data: user(0), includes: { tweets: many(2, post) } });
    expect(kindOf(await getUserByUsername(two, 'u0', { fields }).catch((e: unknown) => e))).toBe('malformed');
  });
});

describe('the popup on a post answered with more users than its expansions pull in', () => {
  withEmptyStore();

  it('says X’s answer could not be read, and stores none of the answer', async () => {
    // The popup asks author_id and referenced_tweets.id.author_id: at most 1 + 3 users for its one post.
    const body = { data: [post(0)], includes: { users: many(1000, user) } };
    const ctx = await postContext(() => Promise.resolve(answering(body)), ADA, id(0), Date.UTC(2030, 0, 15, 9), SESSION);
    expect(tabErrorText(ctx.error, 'fallback')).toBe('X sent an answer Perch could not read. Nothing was changed.');
    expect(await db().posts.count()).toBe(0);
    expect(await db().users.count()).toBe(0);
  });

  it('still reads and stores the post with its author and the quoted post’s author (4 users at most)', async () => {
    const body = { data: [post(0)], includes: { users: many(4, user) } };
    const ctx = await postContext(() => Promise.resolve(answering(body)), ADA, id(0), Date.UTC(2030, 0, 15, 9), SESSION);
    expect(ctx.error).toBeUndefined();
    expect(await db().users.count()).toBe(4);
  });
});

describe('the bound table', () => {
  const openapi = JSON.parse(readFileSync(new URL('../../../../shared/x-openapi/openapi.json', import.meta.url), 'utf8')) as {
    components: { parameters: Record<string, { schema: { items: { enum: string[] } } }> };
  };
  const described = ['TweetExpansionsParameter', 'UserExpansionsParameter', 'ListExpansionsParameter'].flatMap(
    (p) => openapi.components.parameters[p]!.schema.items.enum,
  );

  it('names only expansions X’s description lists for posts, users and Lists', () => {
    expect(described).toEqual(expect.arrayContaining(Object.keys(INCLUDED_PER_ITEM)));
  });

  it('bounds every expansion Perch asks for', () => {
    const asked = [...BOOKMARK_EXPANSIONS, ...withCardMedia(REPLY_CHECK_EXPANSIONS).expansions, ...POST_ENDPOINT.defaults.expansions!];
    for (const e of asked) expect(INCLUDED_PER_ITEM[e], e).toBeDefined();
  });

  it('takes a long post’s length from the composer’s limit', () => {
    expect(LONG_POST_CHARACTERS).toBe(LONG_POST_LIMIT);
  });
});
