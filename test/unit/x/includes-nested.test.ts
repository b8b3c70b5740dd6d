import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { postContext } from '@/lib/services/tab-context';
import { getPosts, REPLY_CHECK_EXPANSIONS } from '@/lib/x/posts';
import { withEmptyStore } from '../support/store';
import { capturing } from './capture';

/**
 * The popup asks X for the authors of the posts a post references (`referenced_tweets.id.author_id`) without asking for
 * those posts (`referenced_tweets.id`): X's self-serve reply rule needs only whom the post quotes. A nested expansion
 * reaches the authors through the referenced posts, and X may send those posts in `includes.tweets` with them (Perch's
 * reply check reads the quoted post's `author_id` there when it comes: lib/services/summons.ts). Before, Perch's bound
 * on `includes` (lib/x/includes-bound.ts) allowed no post for that expansion, so such an answer was refused whole: the
 * popup on any reply or quote said "X sent an answer Perch could not read". Now the referenced posts a nested expansion
 * goes through are allowed (at most the three a post references), and the popup reads the post and whom it quotes.
 */

const ADA = '2244994945';
const SESSION = { accounts: [{ id: ADA, username: 'ada', name: 'Ada' }] } as never;
const id = (n: number) => String(1_900_000_000_000_000_000n + BigInt(n));
const user = (n: string, name: string) => ({ id: n, name, username: name.toLowerCase() });
const answering = (body: unknown) => capturing({ body }).client;

/** Grace's reply to Alan's post that also quotes Ada's: two references, so only the quoted post says who was quoted. */
const GRACE = '1000';
const ALAN = '1001';
const reply = {
  id: id(0),
  text: 'Both of you should read this',
  author_id: GRACE,
  edit_history_tweet_ids: [id(0)],
  referenced_tweets: [
    { type: 'replied_to', id: id(1) },
    { type: 'quoted', id: id(2) },
  ],
};
const referenced = [
  { id: id(1), text: 'Alan’s post', author_id: ALAN, edit_history_tweet_ids: [id(1)] },
  { id: id(2), text: 'Ada’s post', author_id: ADA, edit_history_tweet_ids: [id(2)] },
];
const body = {
  data: [reply],
  includes: { users: [user(GRACE, 'Grace'), user(ALAN, 'Alan'), user(ADA, 'Ada')], tweets: referenced },
};

describe('an answer carrying the posts a nested expansion went through', () => {
  withEmptyStore();

  it('is read: the popup shows the post and offers Reply in Perch to the person it quotes', async () => {
    const ctx = await postContext(() => Promise.resolve(answering(body)), ADA, id(0), Date.UTC(2030, 0, 15, 9), SESSION);
    expect(ctx.error).toBeUndefined();
    expect(ctx.post?.text).toBe('Both of you should read this');
    expect(ctx.author?.name).toBe('Grace');
    expect(ctx.rules.reply).toBe('perch');
    expect(await db().posts.get([ADA, id(0)])).toBeDefined();
  });

  it('is still bounded: no more referenced posts than a post can reference', async () => {
    const fields = { expansions: REPLY_CHECK_EXPANSIONS };
    const three = { ...body, includes: { ...body.includes, tweets: [...referenced, { ...referenced[0]!, id: id(3) }] } };
    await expect(getPosts(answering(three), [id(0)], { fields })).resolves.toMatchObject({ items: [{ id: id(0) }] });
    const four = { ...three, includes: { ...three.includes, tweets: [...three.includes.tweets, { ...referenced[0]!, id: id(4) }] } };
    await expect(getPosts(answering(four), [id(0)], { fields })).rejects.toMatchObject({ kind: 'malformed' });
  });
});
