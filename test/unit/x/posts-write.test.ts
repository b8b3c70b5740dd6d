import { describe, expect, it } from 'vitest';
import { createPost, deletePost, repostPost, undoRepost } from '@/lib/x/posts';
import { BIG_ID, ME, expectRefusedBeforeSending, ok, scripted, xErrorOf } from './support';

/**
 * X's write endpoints for posts: create, delete, repost and undo a repost. Reads: posts.test.ts.
 */

describe('createPost and deletePost', () => {
  it('POSTs /2/tweets with the body as given', async () => {
    const { client, sent } = scripted({ status: 201, body: { data: { id: BIG_ID, text: 'Hello', edit_history_tweet_ids: [BIG_ID] } } });
    expect(await createPost(client, { text: 'Hello', reply: { in_reply_to_tweet_id: '1' } })).toEqual({
      id: BIG_ID,
      text: 'Hello',
      edit_history_tweet_ids: [BIG_ID],
    });
    expect(sent).toEqual([{ method: 'POST', path: '/2/tweets', query: {}, body: { text: 'Hello', reply: { in_reply_to_tweet_id: '1' } } }]);
  });

  it('DELETEs /2/tweets/:id and returns deleted', async () => {
    // x-api--posts--manage-tweets--quickstart: {"data": {"deleted": true}}.
    const { client, sent } = scripted(ok({ data: { deleted: true } }));
    expect(await deletePost(client, BIG_ID)).toBe(true);
    expect(sent).toEqual([{ method: 'DELETE', path: `/2/tweets/${BIG_ID}`, query: {}, body: undefined }]);
  });

  it('refuses a malformed id before sending a delete', async () => {
    const { client, fetch } = scripted();
    await expectRefusedBeforeSending(deletePost(client, 'abc'), fetch);
  });
});

describe('repostPost and undoRepost', () => {
  // x-api--posts--retweets--quickstart--manage-retweets: {"data": {"retweeted": true}} / false.
  it('POSTs /2/users/:id/retweets with the tweet_id and returns retweeted', async () => {
    const { client, sent } = scripted(ok({ data: { retweeted: true } }));
    expect(await repostPost(client, ME, '1228393702244134912')).toBe(true);
    expect(sent).toEqual([{ method: 'POST', path: `/2/users/${ME}/retweets`, query: {}, body: { tweet_id: '1228393702244134912' } }]);
  });

  it('DELETEs /2/users/:id/retweets/:source_tweet_id and returns retweeted', async () => {
    const { client, sent } = scripted(ok({ data: { retweeted: false, extra: 1 } }));
    expect(await undoRepost(client, ME, BIG_ID)).toBe(false);
    expect(sent).toEqual([{ method: 'DELETE', path: `/2/users/${ME}/retweets/${BIG_ID}`, query: {}, body: undefined }]);
  });

  it('sends a 19-digit post id exactly as given', async () => {
    const { client, fetch } = scripted(ok({ data: { retweeted: true } }));
    await repostPost(client, ME, BIG_ID);
    expect(fetch.mock.calls[0]![1]!.body).toBe(`{"tweet_id":"${BIG_ID}"}`);
  });

  it('reports an answer whose retweeted is not a boolean as malformed', async () => {
    const { client } = scripted(ok({ data: { liked: true, retweeted: null } }));
    expect((await xErrorOf(repostPost(client, ME, '1'))).kind).toBe('malformed');
  });

  it.each([
    ['user id', () => ['me', '1']],
    ['post id', () => [ME, 'https://x.com/a/status/1']],
  ])('refuses a malformed %s before sending', async (_case, args) => {
    const [user, post] = args();
    const { client, fetch } = scripted();
    await expectRefusedBeforeSending(repostPost(client, user!, post!), fetch);
    await expectRefusedBeforeSending(undoRepost(client, user!, post!), fetch);
  });
});
