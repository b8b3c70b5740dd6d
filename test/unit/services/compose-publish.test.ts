import { describe, expect, it } from 'vitest';
import { getDraft, publishDraft } from '@/lib/services/compose';
import { SEED_POSTS } from '../../emulator/seed';
import { ADA_ID, control, requestSeen } from '../auth/support';
import { emu, withTestEmulator } from '../support/emulator';
import { lookupPosts, png, postsOnX, requestsTo, storedMedia } from './support';
import { save, attach, composeErrorOf, xApiErrorOf, adaClient, tweetPosts, withFreshCompose } from './compose-steps';

withTestEmulator();
withFreshCompose();

describe('publishing a single post', () => {
  it('refuses with no-draft when nothing is saved, without asking X', async () => {
    const client = await adaClient();
    const error = await composeErrorOf(publishDraft(client, ADA_ID, 'compose'));
    expect(error.kind).toBe('no-draft');
    expect(emu.state.log).toEqual([]);
  });

  it('publishes it as the user and removes the draft only once X has confirmed it', async () => {
    const client = await adaClient();
    await save(['Hello from the unit tests']);
    // X holds the post until the test has looked at the draft, however long a busy machine takes to look.
    await control(emu, 'POST', 'faults', { method: 'POST', path: '/2/tweets', kind: 'hold' });

    const publishing = publishDraft(client, ADA_ID, 'compose');
    await requestSeen(emu, (e) => e.method === 'POST' && e.path === '/2/tweets');
    expect(await getDraft(ADA_ID, 'compose')).not.toBeNull(); // X is still handling it
    await control(emu, 'POST', 'faults/release');
    const ids = await publishing;

    expect(ids).toHaveLength(1);
    expect(emu.state.posts.get(ids[0]!)).toMatchObject({ authorId: ADA_ID, text: 'Hello from the unit tests' });
    expect(await getDraft(ADA_ID, 'compose')).toBeNull();
    expect(tweetPosts()).toEqual([expect.objectContaining({ status: 201, user_id: ADA_ID })]);
  });

  it('sends one POST /2/tweets when the draft is published twice at once (a double click, two screens)', async () => {
    const client = await adaClient();
    await save(['Pressed twice']);
    await control(emu, 'POST', 'faults', { method: 'POST', path: '/2/tweets', kind: 'slow', delay_ms: 100 });
    const [a, b] = await Promise.all([publishDraft(client, ADA_ID, 'compose'), publishDraft(client, ADA_ID, 'compose')]);
    expect(a).toEqual(b);
    expect(requestsTo(emu, 'POST', '/2/tweets')).toHaveLength(1);
    expect(postsOnX(emu, ADA_ID, 'Pressed twice')).toHaveLength(1);
  });

  it('removes the draft’s images once published', async () => {
    const client = await adaClient();
    const id = await attach();
    await save([{ text: 'with a picture', mediaIds: [id] }]);
    await publishDraft(client, ADA_ID, 'compose');
    expect(await storedMedia()).toEqual([]);
  });
});

describe('publishing a thread', () => {
  it('publishes the posts in order, each later one a reply to the one before', async () => {
    const client = await adaClient();
    await save(['Thread 1/3', 'Thread 2/3', 'Thread 3/3']);

    const ids = await publishDraft(client, ADA_ID, 'compose');

    expect(ids).toHaveLength(3);
    const { data = [] } = await lookupPosts(client, ids);
    const byId = new Map(data.map((p) => [p.id, p]));
    expect(ids.map((id) => byId.get(id)?.text)).toEqual(['Thread 1/3', 'Thread 2/3', 'Thread 3/3']);
    expect(ids.map((id) => byId.get(id)?.author_id)).toEqual([ADA_ID, ADA_ID, ADA_ID]);
    expect(byId.get(ids[0]!)?.referenced_tweets).toBeUndefined();
    expect(byId.get(ids[1]!)?.referenced_tweets).toEqual([{ type: 'replied_to', id: ids[0] }]);
    expect(byId.get(ids[2]!)?.referenced_tweets).toEqual([{ type: 'replied_to', id: ids[1] }]);
    expect(await getDraft(ADA_ID, 'compose')).toBeNull();
  });

  it('uploads each post’s images first and attaches them to that post', async () => {
    const client = await adaClient();
    const [a, b, c] = [await attach('a.png'), await attach('b.png', { bytes: png(5, 5) }), await attach('c.png', { bytes: png(7, 3) })];
    await save([
      { text: 'two pictures', mediaIds: [a, b] },
      { text: 'one picture', mediaIds: [c] },
    ]);

    type StateMedia = { media: { owner_id: string; media_key: string }[] };
    const seeded = new Set((await control<StateMedia>(emu, 'GET', 'state')).media.map((m) => m.media_key));

    const ids = await publishDraft(client, ADA_ID, 'compose');

    const uploaded = (await control<StateMedia>(emu, 'GET', 'state')).media.filter((m) => !seeded.has(m.media_key));
    expect(uploaded).toHaveLength(3);
    expect(uploaded.every((m) => m.owner_id === ADA_ID)).toBe(true);
    // uploads, then the post that uses them: upload a, upload b, post 1, upload c, post 2
    expect(emu.state.log.map((e) => `${e.method} ${e.path}`)).toEqual([
      'POST /2/media/upload',
      'POST /2/media/upload',
      'POST /2/tweets',
      'POST /2/media/upload',
      'POST /2/tweets',
    ]);
    const { data = [], includes } = await lookupPosts(client, ids);
    const keysOf = (id: string) => data.find((p) => p.id === id)?.attachments?.media_keys ?? [];
    expect(keysOf(ids[0]!)).toHaveLength(2);
    expect(keysOf(ids[1]!)).toHaveLength(1);
    expect([...keysOf(ids[0]!), ...keysOf(ids[1]!)].sort()).toEqual(uploaded.map((m) => m.media_key).sort());
    expect(includes?.media?.map((m) => m.type)).toEqual(['photo', 'photo', 'photo']);
    expect(await storedMedia()).toEqual([]);
  });
});

describe('publishing a reply or a quote', () => {
  it.each([
    ['the user’s own post', 'adaHello'],
    ['a post whose author mentioned the user', 'graceMentionsAda'],
  ] as const)('publishes a reply to %s', async (_case, target) => {
    const client = await adaClient();
    const replyTo = SEED_POSTS[target];
    await save(['Replying through Perch'], { context: `reply:${replyTo}`, replyToId: replyTo });

    const [id] = await publishDraft(client, ADA_ID, `reply:${replyTo}`);

    const { data = [] } = await lookupPosts(client, [id!]);
    expect(data[0]?.referenced_tweets).toEqual([{ type: 'replied_to', id: replyTo }]);
    expect(await getDraft(ADA_ID, `reply:${replyTo}`)).toBeNull();
  });

  it('keeps the draft when X refuses a reply to an author who never mentioned the user', async () => {
    const client = await adaClient();
    const replyTo = SEED_POSTS.xdevAnnouncement;
    await save(['Uninvited reply'], { context: 'reply:x', replyToId: replyTo });

    const error = await xApiErrorOf(publishDraft(client, ADA_ID, 'reply:x'));

    expect(error.kind).toBe('forbidden');
    expect(error.status).toBe(403);
    expect(await getDraft(ADA_ID, 'reply:x')).toMatchObject({ state: 'editing', publishedIds: [], posts: [{ text: 'Uninvited reply' }] });
  });

  it('keeps the draft when X refuses a quote on a self-serve plan (enterprise-only)', async () => {
    const client = await adaClient();
    const quoted = SEED_POSTS.xdevAnnouncement;
    await save(['Quoting this'], { context: 'quote:x', quoteId: quoted });

    const error = await xApiErrorOf(publishDraft(client, ADA_ID, 'quote:x'));

    expect(error.kind).toBe('enterprise-only');
    expect(error.message).toBe('X allows this only for apps on the Enterprise plan.');
    expect(await getDraft(ADA_ID, 'quote:x')).toMatchObject({ state: 'editing', publishedIds: [], quoteId: quoted });
    expect(postsOnX(emu, ADA_ID, 'Quoting this')).toEqual([]);
  });

  it('publishes a quote on the Enterprise plan, quoting only from the thread’s first post', async () => {
    await control(emu, 'POST', 'config', { enterprise: true });
    const client = await adaClient();
    const quoted = SEED_POSTS.xdevAnnouncement;
    await save(['Quoting this', 'and adding more'], { context: 'quote:x', quoteId: quoted });

    const ids = await publishDraft(client, ADA_ID, 'quote:x');

    const { data = [] } = await lookupPosts(client, ids);
    expect(data.find((p) => p.id === ids[0])?.referenced_tweets).toEqual([{ type: 'quoted', id: quoted }]);
    expect(data.find((p) => p.id === ids[1])?.referenced_tweets).toEqual([{ type: 'replied_to', id: ids[0] }]);
    expect(await getDraft(ADA_ID, 'quote:x')).toBeNull();
  });
});
