import { describe, expect, it } from 'vitest';
import { getDraft, publishDraft } from '@/lib/services/compose';
import { XApiError } from '@/lib/x/errors';
import { ADA_ID, control } from '../auth/support';
import { emu, withTestEmulator } from '../support/emulator';
import { lookupPosts, postsOnX, watchPosts } from './support';
import { save, composeErrorOf, xApiErrorOf, adaClient, tweetPosts, withFreshCompose } from './compose-steps';

withTestEmulator();
withFreshCompose();

describe('refusing a draft before asking X', () => {
  it.each([
    ['a post 1 character over 280', ['a'.repeat(281)], 'The post is 1 character too long.'],
    ['a post of 141 CJK characters (282)', ['日'.repeat(141)], 'The post is 2 characters too long.'],
    ['a post with a character X does not allow', ['bad \uFFFF char'], 'The post has a character X does not allow.'],
    ['a thread whose 2nd post is too long', ['fine', 'b'.repeat(290)], 'The post is 10 characters too long (post 2 of the thread).'],
    ['a thread with an empty 3rd post', ['fine', 'also fine', ' '], 'There is nothing to post (post 3 of the thread).'],
  ])('refuses %s with invalid-post and sends nothing', async (_case, posts, message) => {
    const client = await adaClient();
    await save(posts);

    const error = await composeErrorOf(publishDraft(client, ADA_ID, 'compose'));

    expect(error.kind).toBe('invalid-post');
    expect(error.message).toBe(message);
    expect(emu.state.log).toEqual([]); // not even an image upload or the thread's valid first post
    expect(await getDraft(ADA_ID, 'compose')).toMatchObject({ state: 'editing', publishedIds: [] });
  });

  it('publishes exactly 280 characters', async () => {
    const client = await adaClient();
    await save(['c'.repeat(280)]);
    await expect(publishDraft(client, ADA_ID, 'compose')).resolves.toHaveLength(1);
  });
});

describe('when X refuses', () => {
  it('keeps the draft in editing when X refuses a duplicate (403)', async () => {
    const client = await adaClient();
    await save(['Saying this only once']);
    await publishDraft(client, ADA_ID, 'compose');
    await save(['Saying this only once']);

    const error = await xApiErrorOf(publishDraft(client, ADA_ID, 'compose'));

    expect(error.status).toBe(403);
    expect(error.kind).toBe('forbidden');
    expect(error.message).toContain('duplicate content');
    expect(await getDraft(ADA_ID, 'compose')).toMatchObject({
      state: 'editing',
      publishedIds: [],
      posts: [{ text: 'Saying this only once' }],
    });
    expect(postsOnX(emu, ADA_ID, 'Saying this only once')).toHaveLength(1);
  });

  it.each([
    ['a 429', { kind: 'rate_limit' }, 'rate-limited'],
    ['a 400', { kind: 'status', status: 400 }, 'invalid-request'],
  ])('keeps the draft in editing after %s, which says X did not publish', async (_case, fault, kind) => {
    const client = await adaClient();
    await save(['Not now']);
    await control(emu, 'POST', 'faults', { method: 'POST', path: '/2/tweets', ...fault });

    const error = await xApiErrorOf(publishDraft(client, ADA_ID, 'compose'));

    expect(error.kind).toBe(kind);
    expect((await getDraft(ADA_ID, 'compose'))?.state).toBe('editing');
  });
});

describe('when the answer is lost', () => {
  it('reports outcome-unknown after a cut answer, keeps the draft as unknown, and sent the post exactly once', async () => {
    const client = await adaClient();
    await save(['Did this go out?']);
    await control(emu, 'POST', 'faults', { method: 'POST', path: '/2/tweets', kind: 'cut' });

    const error = await composeErrorOf(publishDraft(client, ADA_ID, 'compose'));

    expect(error.kind).toBe('outcome-unknown');
    expect(error.publishedIds).toEqual([]);
    expect(error.message).toContain('can’t tell whether it went out');
    expect(error.cause).toBeInstanceOf(XApiError);
    expect(await getDraft(ADA_ID, 'compose')).toMatchObject({ state: 'unknown', publishedIds: [], posts: [{ text: 'Did this go out?' }] });
    expect(tweetPosts()).toEqual([expect.objectContaining({ fault: 'cut', status: 201 })]);
    expect(postsOnX(emu, ADA_ID, 'Did this go out?')).toHaveLength(1); // X did publish it
  });

  it.each([
    ['the connection drops before X answers', { kind: 'drop' }],
    ['X answers 503', { kind: 'status', status: 503 }],
    ['X answers 500', { kind: 'status', status: 500 }],
    ['X’s answer cannot be read', { kind: 'malformed' }],
  ])('reports outcome-unknown when %s, keeping the draft as unknown', async (_case, fault) => {
    const client = await adaClient();
    await save(['Maybe out?']);
    await control(emu, 'POST', 'faults', { method: 'POST', path: '/2/tweets', ...fault });

    const error = await composeErrorOf(publishDraft(client, ADA_ID, 'compose'));

    expect(error.kind).toBe('outcome-unknown');
    // Only what is known: X did not confirm it (a 503 is no dropped connection).
    expect(error.message).toMatch(/^X did not confirm your post: the connection dropped, or X failed while publishing it\./);
    expect(await getDraft(ADA_ID, 'compose')).toMatchObject({ state: 'unknown', publishedIds: [] });
    expect(tweetPosts()).toHaveLength(1); // never retried
  });

  it('removes the draft once a later attempt from the unknown state is confirmed', async () => {
    const client = await adaClient();
    await save(['Second time lucky']);
    await control(emu, 'POST', 'faults', { method: 'POST', path: '/2/tweets', kind: 'drop' });
    await composeErrorOf(publishDraft(client, ADA_ID, 'compose'));
    expect((await getDraft(ADA_ID, 'compose'))?.state).toBe('unknown');

    const ids = await publishDraft(client, ADA_ID, 'compose');

    expect(ids).toHaveLength(1);
    expect(await getDraft(ADA_ID, 'compose')).toBeNull();
    expect(postsOnX(emu, ADA_ID, 'Second time lucky')).toHaveLength(1);
  });

  it('keeps post 1 of a thread whose post 2 was cut, and resumes at post 2 without re-sending post 1', async () => {
    const signedIn = await adaClient();
    const watched = watchPosts(signedIn, (n) => {
      if (n === 2) emu.state.addFault({ method: 'POST', path: '/2/tweets', remaining: 1, kind: 'cut' });
    });
    await save(['Thread A 1/3', 'Thread A 2/3', 'Thread A 3/3']);

    const error = await composeErrorOf(publishDraft(watched.client, ADA_ID, 'compose'));

    expect(error.kind).toBe('outcome-unknown');
    expect(error.message).toContain('post 2 of your thread');
    expect(error.publishedIds).toHaveLength(1);
    const [first] = error.publishedIds;
    expect(emu.state.posts.get(first!)).toMatchObject({ text: 'Thread A 1/3' });
    expect(await getDraft(ADA_ID, 'compose')).toMatchObject({ state: 'unknown', publishedIds: [first] });
    expect(tweetPosts()).toHaveLength(2);
    expect(watched.bodies.map((b) => b.text)).toEqual(['Thread A 1/3', 'Thread A 2/3']);

    // Post again: it starts at post 2 (which the cut did publish, so X refuses it as a duplicate).
    const again = await xApiErrorOf(publishDraft(watched.client, ADA_ID, 'compose'));
    expect(again.kind).toBe('forbidden');
    expect(watched.bodies.map((b) => b.text)).toEqual(['Thread A 1/3', 'Thread A 2/3', 'Thread A 2/3']);
    expect(watched.bodies[2]).toEqual({ text: 'Thread A 2/3', reply: { in_reply_to_tweet_id: first } });
    expect(postsOnX(emu, ADA_ID, 'Thread A 1/3')).toHaveLength(1);
    expect(await getDraft(ADA_ID, 'compose')).toMatchObject({ state: 'unknown', publishedIds: [first] });
  });

  it('finishes a thread whose post 2 was dropped by publishing again from post 2', async () => {
    const signedIn = await adaClient();
    const watched = watchPosts(signedIn, (n) => {
      if (n === 2) emu.state.addFault({ method: 'POST', path: '/2/tweets', remaining: 1, kind: 'drop' });
    });
    await save(['Thread B 1/3', 'Thread B 2/3', 'Thread B 3/3']);
    const [first] = (await composeErrorOf(publishDraft(watched.client, ADA_ID, 'compose'))).publishedIds;

    const ids = await publishDraft(watched.client, ADA_ID, 'compose');

    expect(ids[0]).toBe(first);
    expect(ids).toHaveLength(3);
    expect(watched.bodies.map((b) => b.text)).toEqual(['Thread B 1/3', 'Thread B 2/3', 'Thread B 2/3', 'Thread B 3/3']);
    const { data = [] } = await lookupPosts(signedIn, ids);
    expect(data.find((p) => p.id === ids[1])?.referenced_tweets).toEqual([{ type: 'replied_to', id: first }]);
    expect(data.find((p) => p.id === ids[2])?.referenced_tweets).toEqual([{ type: 'replied_to', id: ids[1] }]);
    expect(postsOnX(emu, ADA_ID, 'Thread B 1/3')).toHaveLength(1);
    expect(await getDraft(ADA_ID, 'compose')).toBeNull();
  });
});
