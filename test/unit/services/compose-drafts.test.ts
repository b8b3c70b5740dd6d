import { describe, expect, it } from 'vitest';
import { db, type DraftPost } from '@/lib/db';
import { discardDraft, draftKey, getDraft, saveDraft } from '@/lib/services/compose';
import { MAX_POSTS_IN_THREAD } from '@/lib/limits';
import { ADA_ID, GRACE_ID } from '../auth/support';
import { withTestEmulator } from '../support/emulator';
import { png, storedMedia } from './support';
import { asPost, save, attach, texts, withFreshCompose } from './compose-steps';

withTestEmulator();
withFreshCompose();

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
