import { describe, expect, it } from 'vitest';
import { likePost, unlikePost } from '@/lib/x/likes';
import { BIG_ID, ME, expectRefusedBeforeSending, ok, scripted, xErrorOf } from './support';

describe('likePost and unlikePost', () => {
  // x-api--posts--likes--quickstart--manage-likes: {"data": {"liked": true}} / false.
  it('POSTs /2/users/:id/likes with the tweet_id and returns liked', async () => {
    const { client, sent } = scripted(ok({ data: { liked: true } }));
    expect(await likePost(client, ME, '1228393702244134912')).toBe(true);
    expect(sent).toEqual([{ method: 'POST', path: `/2/users/${ME}/likes`, query: {}, body: { tweet_id: '1228393702244134912' } }]);
  });

  it('DELETEs /2/users/:id/likes/:tweet_id and returns liked', async () => {
    const { client, sent } = scripted(ok({ data: { liked: false } }));
    expect(await unlikePost(client, ME, '1228393702244134912')).toBe(false);
    expect(sent).toEqual([{ method: 'DELETE', path: `/2/users/${ME}/likes/1228393702244134912`, query: {}, body: undefined }]);
  });

  it('sends a 19-digit post id exactly as given, and lets unknown answer fields through', async () => {
    const { client, fetch } = scripted(ok({ data: { liked: true, future_field: 1 } }));
    expect(await likePost(client, ME, BIG_ID)).toBe(true);
    expect(fetch.mock.calls[0]![1]!.body).toBe(`{"tweet_id":"${BIG_ID}"}`);
  });

  it('reports an answer without liked as malformed', async () => {
    const { client } = scripted(ok({ data: { liked: 1 } }), ok({}));
    expect((await xErrorOf(likePost(client, ME, '1'))).kind).toBe('malformed');
    expect((await xErrorOf(unlikePost(client, ME, '1'))).kind).toBe('malformed');
  });

  it('reports a rate-limited like as rate-limited', async () => {
    const { client } = scripted({
      status: 429,
      body: { title: 'Too Many Requests' },
      headers: { 'x-rate-limit-reset': '1894700000', 'x-rate-limit-limit': '50', 'x-rate-limit-remaining': '0' },
    });
    const error = await xErrorOf(likePost(client, ME, '1'));
    expect([error.kind, error.rateLimitReset]).toEqual(['rate-limited', 1894700000]);
  });

  it('refuses malformed ids before sending', async () => {
    const { client, fetch } = scripted();
    await expectRefusedBeforeSending(likePost(client, ME, '１２３'), fetch);
    await expectRefusedBeforeSending(unlikePost(client, 'ada', '1'), fetch);
  });
});
