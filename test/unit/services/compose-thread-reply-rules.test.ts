import { beforeEach, describe, expect, it } from 'vitest';
import { getDraft, publishDraft } from '@/lib/services/compose';
import { createXClient } from '@/lib/x/client';
import { XApiError } from '@/lib/x/errors';
import { SEED_POSTS } from '../../emulator/seed';
import { ADA_ID, control, requestSeen } from '../auth/support';
import { emu, withTestEmulator } from '../support/emulator';
import { postsOnX, watchPosts } from './support';
import { save, composeErrorOf, xApiErrorOf, adaClient, tweetPosts, withFreshCompose } from './compose-steps';

withTestEmulator();
withFreshCompose();

describe('threads and X’s self-serve reply rules (a reply to one’s own post: undocumented, so tested both ways)', () => {
  const NOT_SUMMONED =
    'Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged by the author of the post you are replying to.';
  const selfReplies = (allowed: boolean) => control(emu, 'POST', 'config', { self_replies_allowed: allowed });
  const replyTargets = (ids: string[]) => ids.map((id) => emu.state.posts.get(id)?.inReplyToTweetId ?? null);

  it('publishes the whole thread, each post replying to the one before, when X allows replies to one’s own posts', async () => {
    await selfReplies(true);
    const client = await adaClient();
    await save(['Allowed 1/3', 'Allowed 2/3', 'Allowed 3/3']);

    const ids = await publishDraft(client, ADA_ID, 'compose');

    expect(ids.map((id) => emu.state.posts.get(id)?.text)).toEqual(['Allowed 1/3', 'Allowed 2/3', 'Allowed 3/3']);
    expect(replyTargets(ids)).toEqual([null, ids[0], ids[1]]);
    expect(await getDraft(ADA_ID, 'compose')).toBeNull();
  });

  describe('when X refuses post 2 as a reply', () => {
    beforeEach(() => selfReplies(false));

    it('keeps post 1 on X, keeps posts 2 and 3 as the draft, and says what X refused in X’s own words', async () => {
      const client = await adaClient();
      await save(['Refused 1/3', 'Refused 2/3', 'Refused 3/3']);

      const error = await composeErrorOf(publishDraft(client, ADA_ID, 'compose'));

      expect(error.kind).toBe('reply-refused');
      expect(error.publishedIds).toHaveLength(1);
      const [first] = error.publishedIds;
      expect(error.message).toContain(`X refused post 2 of your thread as a reply to post 1. X said: “\u2068${NOT_SUMMONED}\u2069”`);
      expect(error.said).toBe(NOT_SUMMONED);
      expect(error.cause).toBeInstanceOf(XApiError);
      expect((error.cause as XApiError).status).toBe(403);
      expect(emu.state.posts.get(first!)).toMatchObject({ text: 'Refused 1/3', deleted: false });
      expect(postsOnX(emu, ADA_ID, 'Refused 2/3')).toEqual([]);
      expect(postsOnX(emu, ADA_ID, 'Refused 3/3')).toEqual([]);
      expect(tweetPosts().map((e) => e.status)).toEqual([201, 403]); // post 3 was never sent
      expect(await getDraft(ADA_ID, 'compose')).toMatchObject({
        state: 'editing',
        publishedIds: [first],
        posts: [{ text: 'Refused 1/3' }, { text: 'Refused 2/3' }, { text: 'Refused 3/3' }],
        replyRefused: { index: 1, reason: NOT_SUMMONED },
      });
    });

    it('keeps the refusal with the draft while the person edits the rest', async () => {
      const client = await adaClient();
      await save(['Kept 1/2', 'Kept 2/2']);
      const [first] = (await composeErrorOf(publishDraft(client, ADA_ID, 'compose'))).publishedIds;

      await save(['Kept 1/2', 'Kept 2/2, reworded']);

      expect(await getDraft(ADA_ID, 'compose')).toMatchObject({
        publishedIds: [first],
        posts: [{ text: 'Kept 1/2' }, { text: 'Kept 2/2, reworded' }],
        replyRefused: { index: 1, reason: NOT_SUMMONED },
      });
    });

    it('posts the rest as separate posts on request: each standalone, post 1 not sent again, the draft gone only then', async () => {
      const signedIn = await adaClient();
      const watched = watchPosts(signedIn);
      await save(['Split 1/3', 'Split 2/3', 'Split 3/3']);
      const [first] = (await composeErrorOf(publishDraft(watched.client, ADA_ID, 'compose'))).publishedIds;
      // X holds the first post sent separately until the test has looked at the draft, however busy the machine.
      await control(emu, 'POST', 'faults', { method: 'POST', path: '/2/tweets', kind: 'hold' });

      const publishing = publishDraft(watched.client, ADA_ID, 'compose', { separately: true });
      await requestSeen(emu, (e) => e.method === 'POST' && e.path === '/2/tweets' && e.status === null);
      expect(await getDraft(ADA_ID, 'compose')).not.toBeNull(); // X has not confirmed yet
      await control(emu, 'POST', 'faults/release');
      const ids = await publishing;

      expect(ids).toHaveLength(3);
      expect(ids[0]).toBe(first);
      expect(ids.map((id) => emu.state.posts.get(id)?.text)).toEqual(['Split 1/3', 'Split 2/3', 'Split 3/3']);
      expect(replyTargets(ids)).toEqual([null, null, null]);
      expect(watched.bodies).toEqual([
        { text: 'Split 1/3' },
        { text: 'Split 2/3', reply: { in_reply_to_tweet_id: first } },
        { text: 'Split 2/3' },
        { text: 'Split 3/3' },
      ]);
      expect(postsOnX(emu, ADA_ID, 'Split 1/3')).toHaveLength(1);
      expect(await getDraft(ADA_ID, 'compose')).toBeNull();
    });

    it('keeps posting separately after a lost answer: the draft stays as unknown, and posting again goes on without replies', async () => {
      const signedIn = await adaClient();
      const watched = watchPosts(signedIn, (n) => {
        if (n === 4) emu.state.addFault({ method: 'POST', path: '/2/tweets', remaining: 1, kind: 'drop' });
      });
      await save(['Lost 1/3', 'Lost 2/3', 'Lost 3/3']);
      await composeErrorOf(publishDraft(watched.client, ADA_ID, 'compose'));

      const lost = await composeErrorOf(publishDraft(watched.client, ADA_ID, 'compose', { separately: true }));

      expect(lost.kind).toBe('outcome-unknown');
      expect(lost.publishedIds).toHaveLength(2);
      expect(await getDraft(ADA_ID, 'compose')).toMatchObject({ state: 'unknown', publishedIds: lost.publishedIds });
      expect(await getDraft(ADA_ID, 'compose')).not.toHaveProperty('replyRefused');

      const ids = await publishDraft(watched.client, ADA_ID, 'compose'); // "Post again": no flag needed
      expect(watched.bodies.at(-1)).toEqual({ text: 'Lost 3/3' });
      expect(replyTargets(ids)).toEqual([null, null, null]);
      expect(await getDraft(ADA_ID, 'compose')).toBeNull();
    });

    it('answers a plain retry of the thread with the same refusal, sending post 1 only once', async () => {
      const client = await adaClient();
      await save(['Again 1/2', 'Again 2/2']);
      await composeErrorOf(publishDraft(client, ADA_ID, 'compose'));

      const again = await composeErrorOf(publishDraft(client, ADA_ID, 'compose'));

      expect(again.kind).toBe('reply-refused');
      expect(tweetPosts().map((e) => e.status)).toEqual([201, 403, 403]);
      expect(postsOnX(emu, ADA_ID, 'Again 1/2')).toHaveLength(1);
    });

    it('does not offer separate posts when X refuses the thread’s first post, a reply to someone who never mentioned the user', async () => {
      const client = await adaClient();
      const replyTo = SEED_POSTS.xdevAnnouncement;
      await save(['Uninvited 1/2', 'Uninvited 2/2'], { context: 'reply:x', replyToId: replyTo });

      const error = await xApiErrorOf(publishDraft(client, ADA_ID, 'reply:x'));

      expect(error.kind).toBe('forbidden');
      expect(await getDraft(ADA_ID, 'reply:x')).toMatchObject({ publishedIds: [] });
      expect(await getDraft(ADA_ID, 'reply:x')).not.toHaveProperty('replyRefused');
    });

    it('keeps the thread’s first post a reply to its target when the rest go out separately', async () => {
      const client = await adaClient();
      const replyTo = SEED_POSTS.graceMentionsAda;
      await save(['To Grace 1/2', 'To Grace 2/2'], { context: `reply:${replyTo}`, replyToId: replyTo });
      await composeErrorOf(publishDraft(client, ADA_ID, `reply:${replyTo}`));

      const ids = await publishDraft(client, ADA_ID, `reply:${replyTo}`, { separately: true });

      expect(replyTargets(ids)).toEqual([replyTo, null]);
    });
  });

  it('counts every post already on X when X refuses a later one (post 3 of 4), and resumes separately from there', async () => {
    const signedIn = await adaClient();
    const watched = watchPosts(signedIn, (n) => {
      if (n === 3) emu.state.addFault({ method: 'POST', path: '/2/tweets', remaining: 1, kind: 'status', status: 403 });
    });
    await save(['Long 1/4', 'Long 2/4', 'Long 3/4', 'Long 4/4']);

    const error = await composeErrorOf(publishDraft(watched.client, ADA_ID, 'compose'));

    expect(error.kind).toBe('reply-refused');
    expect(error.message).toBe(
      'X refused post 3 of your thread as a reply to post 2. X said: “\u2068Forbidden\u2069” Posts 1 to 2 are on X; post 3 and the ones after it are ' +
        'kept as your draft. You can post them as separate posts instead.',
    );
    expect((await getDraft(ADA_ID, 'compose'))?.replyRefused).toEqual({ index: 2, reason: 'Forbidden' });

    const ids = await publishDraft(watched.client, ADA_ID, 'compose', { separately: true });
    expect(replyTargets(ids)).toEqual([null, ids[0], null, null]);
  });

  it('is not a reply refusal when X limits post 2 (429): the draft keeps post 1 and says nothing of replies', async () => {
    await selfReplies(false);
    const signedIn = await adaClient();
    const watched = watchPosts(signedIn, (n) => {
      if (n === 2) emu.state.addFault({ method: 'POST', path: '/2/tweets', remaining: 1, kind: 'rate_limit' });
    });
    await save(['Limited 1/2', 'Limited 2/2']);

    const error = await xApiErrorOf(publishDraft(watched.client, ADA_ID, 'compose'));

    expect(error.kind).toBe('rate-limited');
    const draft = await getDraft(ADA_ID, 'compose');
    expect(draft?.publishedIds).toHaveLength(1);
    expect(draft).not.toHaveProperty('replyRefused');
  });

  it.each([
    [
      'errors[].message',
      {
        title: 'Forbidden',
        type: 'about:blank',
        status: 403,
        detail: 'Forbidden',
        errors: [{ message: 'You cannot reply here.', code: 433 }],
      },
      'You cannot reply here.',
    ],
    ['detail', { title: 'Forbidden', type: 'about:blank', status: 403, detail: 'Replies are closed.' }, 'Replies are closed.'],
  ])('quotes X’s %s as X wrote it', async (_case, refusal, words) => {
    let posts = 0;
    const client = createXClient({
      baseUrl: 'https://api.x.test',
      getAccessToken: () => Promise.resolve('token'),
      fetch: () => {
        posts++;
        const answer =
          posts === 1 ? { status: 201, body: { data: { id: '1900000000000000001', text: 'One' } } } : { status: 403, body: refusal };
        return Promise.resolve(
          new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } }),
        );
      },
    });
    await save(['One', 'Two']);

    const error = await composeErrorOf(publishDraft(client, ADA_ID, 'compose'));

    expect(error.kind).toBe('reply-refused');
    expect(error.message).toContain(`X said: “\u2068${words}\u2069”`);
    expect(error.said).toBe(words);
    expect((await getDraft(ADA_ID, 'compose'))?.replyRefused).toEqual({ index: 1, reason: words });
  });

  it('says so without quoting when X gives no words at all', async () => {
    let posts = 0;
    const client = createXClient({
      baseUrl: 'https://api.x.test',
      getAccessToken: () => Promise.resolve('token'),
      fetch: () => {
        posts++;
        return Promise.resolve(
          posts === 1
            ? new Response(JSON.stringify({ data: { id: '1900000000000000001', text: 'One' } }), { status: 201 })
            : new Response('', { status: 403 }),
        );
      },
    });
    await save(['One', 'Two']);

    const error = await composeErrorOf(publishDraft(client, ADA_ID, 'compose'));

    expect(error.kind).toBe('reply-refused');
    expect(error.message).toMatch(/^X refused post 2 of your thread as a reply to post 1\. /);
    expect((await getDraft(ADA_ID, 'compose'))?.replyRefused).toEqual({ index: 1 });
  });
});
