import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '@/entrypoints/background/handlers';
import type { Services } from '@/entrypoints/background/services';
import { db, type ActionRow, type PostRow, type UserRow } from '@/lib/db';
import { readPostRaw } from '@/lib/services/stored-post-raw';
import { postStateOf, storedPost } from '@/lib/services/post-state';
import { postContext } from '@/lib/services/tab-context';
import { sessionView } from '@/lib/storage';
import { ADA_ID, GRACE_ID } from '../auth/support';
import { client, emu, withSignedInAda } from './world';

/**
 * Issue 13 ("Speed"): the popup's first read of a post is made with IndexedDB itself, not through Dexie (about 1 ms a
 * read on the worker's thread). It must give exactly what Dexie's read gives: the post, its author, the relation,
 * the engagement, the bookmark and the actions on both, whatever the store holds — another account's copy, a row of
 * another shape, actions on their way, more actions than the popup looks at.
 */

withSignedInAda();
let seenToday = '';
beforeEach(() => {
  seenToday = '';
});
afterEach(() => vi.restoreAllMocks());

const POST = '9001';
const ADA = { id: ADA_ID, name: 'Ada', username: 'adaperch' };

const today = () => (seenToday ||= new Date(emu.state.now()).toISOString());

const post = (extra: Partial<PostRow> = {}): PostRow => ({
  accountId: ADA_ID,
  id: POST,
  text: 'Hello',
  authorId: GRACE_ID,
  createdAt: '2020-01-01T00:00:00.000Z',
  urls: [],
  mediaCount: 0,
  summons: { mentionIds: [], mentionUsernames: [] },
  seenAt: today(),
  ...extra,
});

const grace = (extra: Partial<UserRow> = {}): UserRow => ({
  accountId: ADA_ID,
  id: GRACE_ID,
  name: 'Grace Hopper',
  username: 'gracehop',
  seenAt: today(),
  relationSeenAt: today(),
  ...extra,
});

let at = 0;
const action = (type: string, params: ActionRow['params'], state: ActionRow['state'], accountId = ADA_ID): ActionRow => ({
  accountId,
  type,
  params,
  state,
  createdAt: today(),
  updatedAt: today(),
  notBefore: ++at,
  attempts: 0,
  ...(state === 'failed' ? { error: { kind: 'forbidden', message: 'no' } } : {}),
});

/** Both reads of the store, the raw one made into the state by the same code as Dexie's. */
async function bothReads(postId = POST) {
  const d = db();
  const viaDexie = await storedPost(d, ADA_ID, postId);
  if (!d.isOpen()) await d.open();
  const { post: raw, ...rows } = await readPostRaw(d.backendDB(), ADA_ID, postId);
  return { viaDexie, viaRaw: { post: raw, state: postStateOf(rows) } };
}

/** The same, in the order of its keys too: the popup's kept screen is matched on the answer's JSON. */
const expectSame = ({ viaDexie, viaRaw }: Awaited<ReturnType<typeof bothReads>>) => {
  expect(viaRaw).toEqual(viaDexie);
  expect(JSON.stringify(viaRaw)).toBe(JSON.stringify(viaDexie));
};

describe('the popup’s first read of a post, with IndexedDB itself', () => {
  it('gives what Dexie gives: the post, author, relation, engagement, bookmark and the actions on both', async () => {
    const d = db();
    await d.posts.put(post());
    await d.users.put(grace());
    await d.following.put({ accountId: ADA_ID, userId: GRACE_ID, position: 1, pending: true });
    await d.muted.put({ accountId: ADA_ID, userId: GRACE_ID, position: 1 });
    await d.engagements.put({ accountId: ADA_ID, postId: POST, liked: true });
    await d.bookmarks.put({ accountId: ADA_ID, postId: POST, position: 1, folderIds: [], searchText: '' });
    await d.actions.bulkAdd([
      action('like', { postId: POST }, 'done'),
      action('bookmark', { postId: POST }, 'failed'),
      action('unlike', { postId: POST }, 'sending'),
      action('mute', { userId: GRACE_ID }, 'queued'),
      action('follow', { userId: GRACE_ID }, 'done'),
      // Another account's, and another post's: none of these.
      action('repost', { postId: POST }, 'done', GRACE_ID),
      action('repost', { postId: '9002' }, 'done'),
    ]);
    const both = await bothReads();
    expect(both.viaRaw.state.actions.map((a) => [a.type, a.state])).toEqual([
      ['follow', 'done'],
      ['mute', 'queued'],
      ['unlike', 'sending'],
      ['bookmark', 'failed'],
    ]);
    expect(both.viaRaw.state.author).toMatchObject({ id: GRACE_ID, muted: true, followRequested: true, following: false });
    expectSame(both);
  });

  it('looks at the same newest actions when there are more than the popup looks at', async () => {
    const d = db();
    await d.posts.put(post());
    await d.users.put(grace());
    await d.actions.bulkAdd([
      action('repost', { postId: POST }, 'done'),
      ...Array.from({ length: 60 }, (_, i) => action(i % 2 ? 'like' : 'unlike', { postId: POST }, 'done')),
      ...Array.from({ length: 30 }, () => action('mute', { userId: GRACE_ID }, 'done')),
    ]);
    const both = await bothReads();
    expect(both.viaRaw.state.actions.map((a) => a.type)).toEqual(['mute', 'like']);
    expectSame(both);
  });

  it('gives what Dexie gives with no bookmark, no author row, no author, no post, or another account’s copy', async () => {
    const d = db();
    await d.syncState.put({ accountId: ADA_ID, collection: 'bookmarks', lastSyncedAt: today() });
    // The author's row is not stored: their relation and the actions on them are not read.
    await d.posts.put(post());
    await d.muted.put({ accountId: ADA_ID, userId: GRACE_ID, position: 1 });
    await d.actions.add(action('mute', { userId: GRACE_ID }, 'done'));
    const noAuthorRow = await bothReads();
    expect(noAuthorRow.viaRaw.state).toMatchObject({ author: null, actions: [], bookmarksReadAt: today() });
    expectSame(noAuthorRow);

    const { authorId: _gone, ...noAuthor } = post({ id: '9003' });
    await d.posts.put(noAuthor);
    expectSame(await bothReads('9003'));

    await d.posts.put({ ...post({ id: '9004' }), accountId: GRACE_ID });
    await d.users.put(grace({ accountId: GRACE_ID }));
    const otherAccount = await bothReads('9004');
    expect(otherAccount.viaRaw.post).toBeUndefined();
    expectSame(otherAccount);
    expectSame(await bothReads('9999'));
  });

  it('gives what Dexie gives for rows of another shape', async () => {
    const d = db();
    // A text that is a number, links that are not a list, an author id that is a number, a name that is a list.
    await d.posts.put({ ...post(), text: 7, urls: 'none', authorId: 42 } as unknown as PostRow);
    await d.users.put({ ...grace(), id: 42, name: ['Grace'], relationSeenAt: 5 } as unknown as UserRow);
    await d.blocked.put({ accountId: ADA_ID, userId: 42 as unknown as string, position: 1 });
    await d.engagements.put({ accountId: ADA_ID, postId: POST, liked: 'yes' as unknown as boolean });
    await d.actions.add(action('block', { userId: 42 as unknown as string }, 'queued'));
    const both = await bothReads();
    expect(both.viaRaw.state.author).toMatchObject({ blocked: true });
    expect(both.viaRaw.state.actions).toHaveLength(1);
    expectSame(both);
  });
});

describe('tab.here on a post read today', () => {
  // "Today" is the UTC day of the clock (tab-context.ts): the clock stays at noon, so a run across UTC midnight still
  // finds the post read today. Only Date is faked: the store and the emulator keep real timers.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-15T12:00:00.000Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const here = (url: string) =>
    createHandlers({ clientFor: async () => client } as unknown as Services)['tab.here']({ type: 'tab.here', url });
  const onPost = `https://x.com/gracehop/status/${POST}`;

  async function seeded() {
    const d = db();
    await d.posts.put(post());
    await d.users.put(grace());
    await d.following.put({ accountId: ADA_ID, userId: GRACE_ID, position: 1 });
    await d.engagements.put({ accountId: ADA_ID, postId: POST, reposted: true });
    await d.actions.bulkAdd([action('repost', { postId: POST }, 'sending'), action('follow', { userId: GRACE_ID }, 'done')]);
    await sessionView.setValue({ accounts: [ADA], activeAccountId: ADA_ID, notice: null });
  }

  it('is read without a Dexie transaction, from the store alone', async () => {
    await seeded();
    const reads = emu.state.log.length;
    const transaction = vi.spyOn(db(), 'transaction');
    const answer = await here(onPost);
    expect(emu.state.log.length).toBe(reads);
    expect(transaction).not.toHaveBeenCalled();
    expect(answer?.context).toMatchObject({ kind: 'post', reposted: true, author: { id: GRACE_ID, following: true } });
  });

  it('answers the same as through Dexie: a post, a profile, a list, signed out, and while an action is being stored', async () => {
    await seeded();
    const urls = [onPost, 'https://x.com/gracehop', 'https://x.com/i/lists/77'];
    const answers = async () => {
      const out: unknown[] = [];
      for (const url of urls) out.push(await here(url));
      // An action stored in the very moment the popup asks: both reads wait for it (IndexedDB orders them).
      const d = db();
      const storing = d.transaction('rw', [d.actions, d.engagements], async () => {
        await d.actions.add({ ...action('like', { postId: POST }, 'queued'), seq: 50, notBefore: 50 });
        await d.engagements.put({ accountId: ADA_ID, postId: POST, reposted: true, liked: true });
      });
      out.push(await here(onPost));
      await storing;
      await sessionView.setValue({ accounts: [], activeAccountId: null, notice: null });
      out.push(await here(onPost));
      await sessionView.setValue({ accounts: [ADA], activeAccountId: ADA_ID, notice: null });
      await d.transaction('rw', [d.actions, d.engagements], async () => {
        await d.actions.delete(50);
        await d.engagements.put({ accountId: ADA_ID, postId: POST, reposted: true });
      });
      return JSON.stringify(out);
    };
    const viaRaw = await answers();
    expect(viaRaw).toContain('"liked":true');
    vi.spyOn(db(), 'backendDB').mockImplementation(() => {
      throw new Error('no raw read');
    });
    expect(await answers()).toBe(viaRaw);
    // And the post's answer is postContext's own.
    expect(JSON.parse(viaRaw)[0].context).toEqual(await postContext(async () => client, ADA_ID, POST, emu.state.now()));
  });
});
