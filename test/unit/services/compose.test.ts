import { beforeEach, describe, expect, it } from 'vitest';
import { db, type DraftPost } from '@/lib/db';
import {
  ComposeError,
  attachImage,
  discardDraft,
  draftKey,
  getDraft,
  publishDraft,
  saveDraft,
  type DraftInput,
} from '@/lib/services/compose';
import { createXClient, type XClient } from '@/lib/x/client';
import { XApiError } from '@/lib/x/errors';
import { IMAGE_MAX_BYTES, IMAGE_TYPES, MAX_POSTS_IN_THREAD } from '@/lib/limits';
import { SEED_POSTS } from '../../emulator/seed';
import { ADA_ID, GRACE_ID, control, requestSeen } from '../auth/support';
import { emu, withTestEmulator } from '../support/emulator';
import { freshDb, lookupPosts, png, postsOnX, requestsTo, signedInClient, storedMedia, watchPosts } from './support';

withTestEmulator();

let seq = 0;
beforeEach(async () => {
  emu.state.enterprise = false; // every test starts on a self-serve plan (reset() puts the start plan back too)
  seq = 0;
  await freshDb();
});

// ---- helpers ----

type PostSpec = string | DraftPost;
const asPost = (p: PostSpec): DraftPost => (typeof p === 'string' ? { text: p, mediaIds: [] } : p);

/** Saves a draft the way a screen does, each save numbered after the one before unless `seq` is given. */
function save(posts: PostSpec[], opts: Partial<Omit<DraftInput, 'posts'>> = {}) {
  return saveDraft({ accountId: ADA_ID, context: 'compose', seq: opts.seq ?? ++seq, posts: posts.map(asPost), ...opts });
}

function attach(name = 'photo.png', opts: { accountId?: string; context?: string; type?: string; bytes?: Uint8Array<ArrayBuffer> } = {}) {
  return attachImage(opts.accountId ?? ADA_ID, opts.context ?? 'compose', {
    name,
    type: opts.type ?? 'image/png',
    bytes: opts.bytes ?? png(),
  });
}

const texts = (view: Awaited<ReturnType<typeof getDraft>>) => view?.posts.map((p) => p.text);

/** The error `promise` rejects with; fails the test if it resolves. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (e: unknown) => e,
  );
}

async function composeErrorOf(promise: Promise<unknown>): Promise<ComposeError> {
  const error = await rejectionOf(promise);
  if (!(error instanceof ComposeError)) throw new Error(`expected a ComposeError, got ${String(error)}`);
  return error;
}

async function xApiErrorOf(promise: Promise<unknown>): Promise<XApiError> {
  const error = await rejectionOf(promise);
  if (!(error instanceof XApiError)) throw new Error(`expected an XApiError, got ${String(error)}`);
  return error;
}

/** Signs Ada in and forgets the sign-in traffic, so the log then holds only what publishing sent. */
async function adaClient(): Promise<XClient> {
  const client = await signedInClient(emu);
  emu.state.log = [];
  return client;
}

const tweetPosts = () => requestsTo(emu, 'POST', '/2/tweets');

// ---- drafts ----

describe('saving a draft', () => {
  it('stores the posts as typed, in the editing state, with the save’s seq and time', async () => {
    const now = new Date('2030-01-15T09:00:00Z');
    expect(await saveDraft({ accountId: ADA_ID, context: 'compose', seq: 7, posts: [asPost('first'), asPost('second')] }, now)).toEqual({
      saved: true,
    });
    expect(await getDraft(ADA_ID, 'compose')).toEqual({
      context: 'compose',
      posts: [
        { text: 'first', media: [] },
        { text: 'second', media: [] },
      ],
      publishedIds: [],
      state: 'editing',
      seq: 7,
      updatedAt: now.toISOString(),
    });
  });

  it('keeps the reply and quote targets with the draft', async () => {
    await save(['a reply'], { context: 'reply:42', replyToId: '42' });
    await save(['a quote'], { context: 'quote:43', quoteId: '43' });
    expect(await getDraft(ADA_ID, 'reply:42')).toMatchObject({ replyToId: '42', posts: [{ text: 'a reply' }] });
    expect(await getDraft(ADA_ID, 'reply:42')).not.toHaveProperty('quoteId');
    expect(await getDraft(ADA_ID, 'quote:43')).toMatchObject({ quoteId: '43', posts: [{ text: 'a quote' }] });
    expect(await getDraft(ADA_ID, 'quote:43')).not.toHaveProperty('replyToId');
  });

  it('ignores a save older than the stored one (messages crossed) and keeps the newer text', async () => {
    await save(['newer text'], { seq: 5 });
    expect(await save(['older text'], { seq: 4 })).toEqual({ saved: false });
    expect(await getDraft(ADA_ID, 'compose')).toMatchObject({ seq: 5, posts: [{ text: 'newer text' }] });
  });

  it('replaces the stored draft with a newer save', async () => {
    await save(['one'], { seq: 1 });
    await save(['one two', 'three'], { seq: 2 });
    expect(texts(await getDraft(ADA_ID, 'compose'))).toEqual(['one two', 'three']);
  });

  it.each([
    ['an empty post', ['']],
    ['a post of only spaces and line breaks', [' \n\t ']],
    ['a thread of empty posts', ['', '  ']],
  ])('removes the draft when it is %s with no image', async (_case, posts) => {
    await save(['something']);
    expect(await save(posts)).toEqual({ saved: true });
    expect(await getDraft(ADA_ID, 'compose')).toBeNull();
    expect(await db().drafts.count()).toBe(0);
  });

  it('removes an emptied draft’s images with it', async () => {
    const id = await attach();
    await save([{ text: 'look', mediaIds: [id] }]);
    await save(['']);
    expect(await getDraft(ADA_ID, 'compose')).toBeNull();
    expect(await storedMedia()).toEqual([]);
  });

  it('keeps a draft that has only an image', async () => {
    const id = await attach('only.png');
    await save([{ text: '', mediaIds: [id] }]);
    expect(await getDraft(ADA_ID, 'compose')).toMatchObject({ posts: [{ text: '', media: [{ id, name: 'only.png' }] }] });
  });

  it('keeps an emptied draft whose thread is already partly on X', async () => {
    await save(['posted', 'next']);
    await db().drafts.update(draftKey(ADA_ID, 'compose'), { publishedIds: ['1'] });
    await save(['', '']);
    expect(await getDraft(ADA_ID, 'compose')).toMatchObject({ publishedIds: ['1'], posts: [{ text: '' }, { text: '' }] });
  });

  it('deletes the blobs of images no longer listed in any post and keeps the listed ones', async () => {
    const [a, b, c] = [await attach('a.png'), await attach('b.png'), await attach('c.png')];
    await save([
      { text: 'one', mediaIds: [a, b] },
      { text: 'two', mediaIds: [c] },
    ]);
    expect((await storedMedia()).map((m) => m.name).sort()).toEqual(['a.png', 'b.png', 'c.png']);

    await save([
      { text: 'one', mediaIds: [a] },
      { text: 'two', mediaIds: [c] },
    ]);
    expect((await storedMedia()).map((m) => m.name).sort()).toEqual(['a.png', 'c.png']);

    await save(['one', { text: 'two', mediaIds: [c] }]);
    expect((await storedMedia()).map((m) => m.name)).toEqual(['c.png']);
  });

  it('leaves the images of other drafts alone', async () => {
    const mine = await attach('mine.png');
    const other = await attach('reply.png', { context: 'reply:1' });
    const grace = await attach('grace.png', { accountId: GRACE_ID });
    await save([{ text: 'with an image', mediaIds: [mine] }]);
    await save(['no images here']);
    expect((await storedMedia()).map((m) => m.id).sort()).toEqual([other, grace].sort());
    expect((await storedMedia()).map((m) => m.id)).not.toContain(mine);
  });

  it(`keeps at most ${MAX_POSTS_IN_THREAD} posts of a thread`, async () => {
    const posts = Array.from({ length: MAX_POSTS_IN_THREAD + 5 }, (_, i) => `post ${i + 1}`);
    await save(posts);
    const view = await getDraft(ADA_ID, 'compose');
    expect(view?.posts).toHaveLength(MAX_POSTS_IN_THREAD);
    expect(texts(view)).toEqual(posts.slice(0, MAX_POSTS_IN_THREAD));
  });

  it('deletes the images of posts dropped by the thread cap', async () => {
    const late = await attach('late.png');
    const posts: DraftPost[] = Array.from({ length: MAX_POSTS_IN_THREAD }, (_, i) => asPost(`post ${i + 1}`));
    await save([...posts, { text: 'one too many', mediaIds: [late] }]);
    expect(await storedMedia()).toEqual([]);
  });

  it('keeps an image attached while a save that does not list it yet was on its way', async () => {
    const id = await attach('just-picked.png');
    await save(['typing while the image loads']); // sent before the screen knew the image's id
    await save([{ text: 'typing while the image loads', mediaIds: [id] }]);
    expect((await getDraft(ADA_ID, 'compose'))?.posts[0]?.media).toEqual([
      { id, name: 'just-picked.png', type: 'image/png', size: png().byteLength },
    ]);
  });
});

describe('reading a draft', () => {
  it('answers null when there is no draft', async () => {
    expect(await getDraft(ADA_ID, 'compose')).toBeNull();
  });

  it('gives image metadata, never blobs, in each post’s own order', async () => {
    const big = png(40, 30);
    const a = await attach('a.png', { bytes: big });
    const b = await attach('b.gif', { type: 'image/gif' });
    const c = await attach('c.webp', { type: 'image/webp' });
    await save([
      { text: 'first', mediaIds: [c, a] },
      { text: 'second', mediaIds: [b] },
    ]);
    const view = await getDraft(ADA_ID, 'compose');
    expect(view?.posts).toEqual([
      {
        text: 'first',
        media: [
          { id: c, name: 'c.webp', type: 'image/webp', size: png().byteLength },
          { id: a, name: 'a.png', type: 'image/png', size: big.byteLength },
        ],
      },
      { text: 'second', media: [{ id: b, name: 'b.gif', type: 'image/gif', size: png().byteLength }] },
    ]);
    expect(JSON.stringify(view)).not.toContain('blob');
    for (const m of view?.posts.flatMap((p) => p.media) ?? []) expect(Object.keys(m).sort()).toEqual(['id', 'name', 'size', 'type']);
  });
});

describe('drafts of several accounts and contexts', () => {
  it('keeps two accounts’ drafts in the same context apart', async () => {
    await save(['Ada’s words']);
    await save(['Grace’s words'], { accountId: GRACE_ID });
    expect(texts(await getDraft(ADA_ID, 'compose'))).toEqual(['Ada’s words']);
    expect(texts(await getDraft(GRACE_ID, 'compose'))).toEqual(['Grace’s words']);

    await discardDraft(GRACE_ID, 'compose');
    expect(await getDraft(GRACE_ID, 'compose')).toBeNull();
    expect(texts(await getDraft(ADA_ID, 'compose'))).toEqual(['Ada’s words']);
  });

  it('keeps one account’s drafts in two contexts apart, images included', async () => {
    const plain = await attach('plain.png');
    const reply = await attach('reply.png', { context: 'reply:9' });
    await save([{ text: 'a new post', mediaIds: [plain] }]);
    await save([{ text: 'a reply', mediaIds: [reply] }], { context: 'reply:9', replyToId: '9' });
    expect(await getDraft(ADA_ID, 'compose')).toMatchObject({ posts: [{ text: 'a new post', media: [{ name: 'plain.png' }] }] });
    expect(await getDraft(ADA_ID, 'reply:9')).toMatchObject({ posts: [{ text: 'a reply', media: [{ name: 'reply.png' }] }] });
  });

  it('does not let an older seq from one context block a save in another', async () => {
    await save(['compose draft'], { seq: 50 });
    expect(await save(['reply draft'], { context: 'reply:9', seq: 1 })).toEqual({ saved: true });
    expect(await save(['grace draft'], { accountId: GRACE_ID, seq: 1 })).toEqual({ saved: true });
  });
});

describe('discarding a draft', () => {
  it('removes the draft and its images, and nothing of other drafts', async () => {
    const mine = await attach('mine.png');
    const theirs = await attach('theirs.png', { accountId: GRACE_ID });
    await save([{ text: 'bye', mediaIds: [mine] }]);
    await save([{ text: 'stays', mediaIds: [theirs] }], { accountId: GRACE_ID });

    await discardDraft(ADA_ID, 'compose');

    expect(await getDraft(ADA_ID, 'compose')).toBeNull();
    expect((await storedMedia()).map((m) => m.id)).toEqual([theirs]);
    expect(texts(await getDraft(GRACE_ID, 'compose'))).toEqual(['stays']);
  });

  it('does nothing when there is no draft', async () => {
    await expect(discardDraft(ADA_ID, 'compose')).resolves.toBeUndefined();
  });
});

describe('attaching an image', () => {
  it.each(IMAGE_TYPES.map((t) => [t]))('stores a %s image’s bytes as a blob of that type', async (type) => {
    const bytes = png(3, 3);
    const id = await attach('picture', { type, bytes });
    const row = await db().draftMedia.get(id);
    expect(row).toMatchObject({ id, draftKey: draftKey(ADA_ID, 'compose'), name: 'picture', type, size: bytes.byteLength });
    expect(row?.blob).toBeInstanceOf(Blob);
    expect(row?.blob.type).toBe(type);
    expect(new Uint8Array(await row!.blob.arrayBuffer())).toEqual(bytes);
  });

  it('gives every image its own id', async () => {
    const ids = [await attach('a.png'), await attach('a.png')];
    expect(new Set(ids).size).toBe(2);
  });

  it.each([
    ['a text file', 'notes.txt', 'text/plain'],
    ['an SVG', 'logo.svg', 'image/svg+xml'],
    ['a HEIC photo', 'IMG_0001.HEIC', 'image/heic'],
    ['a video', 'clip.mp4', 'video/mp4'],
    ['a file of no type', 'mystery', ''],
  ])('refuses %s with invalid-image, naming the file, and stores nothing', async (_case, name, type) => {
    const error = await composeErrorOf(attach(name, { type }));
    expect(error.kind).toBe('invalid-image');
    expect(error.message).toContain(`“\u2068${name}\u2069”`);
    expect(error.message).toMatch(/JPEG, PNG, GIF or WebP/);
    expect(await storedMedia()).toEqual([]);
  });

  it('refuses an image one byte over 5 MB with invalid-image, naming the file', async () => {
    const error = await composeErrorOf(attach('huge.png', { bytes: new Uint8Array(IMAGE_MAX_BYTES + 1) }));
    expect(error.kind).toBe('invalid-image');
    expect(error.message).toBe('“\u2068huge.png\u2069” is larger than X’s 5 MB limit for images.');
    expect(await storedMedia()).toEqual([]);
  });

  it('takes an image of exactly 5 MB', async () => {
    const id = await attach('just-fits.jpg', { type: 'image/jpeg', bytes: new Uint8Array(IMAGE_MAX_BYTES) });
    expect((await db().draftMedia.get(id))?.size).toBe(5 * 1024 * 1024);
  });
});

// ---- publishing, against the emulator ----

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
    await control(emu, 'POST', 'faults', { method: 'POST', path: '/2/tweets', kind: 'slow', delay_ms: 100 });

    const publishing = publishDraft(client, ADA_ID, 'compose');
    await requestSeen(emu, (e) => e.method === 'POST' && e.path === '/2/tweets');
    expect(await getDraft(ADA_ID, 'compose')).not.toBeNull(); // X is still handling it
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
      await control(emu, 'POST', 'faults', { method: 'POST', path: '/2/tweets', kind: 'slow', delay_ms: 100 });

      const publishing = publishDraft(watched.client, ADA_ID, 'compose', { separately: true });
      await requestSeen(emu, (e) => e.method === 'POST' && e.path === '/2/tweets' && e.status === null);
      expect(await getDraft(ADA_ID, 'compose')).not.toBeNull(); // X has not confirmed yet
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

describe('an image that is no longer stored', () => {
  it('is not silently left out of the published post', async () => {
    const client = await adaClient();
    const id = await attach('just-picked.png');
    await save([{ text: 'look at this', mediaIds: [id] }]);
    await db().draftMedia.delete(id); // lost (storage cleared by hand, a bug)

    await expect(publishDraft(client, ADA_ID, 'compose')).rejects.toBeInstanceOf(ComposeError);
    expect(postsOnX(emu, ADA_ID, 'look at this')).toEqual([]);
  });
});
