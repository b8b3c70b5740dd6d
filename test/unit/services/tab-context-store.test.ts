import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '@/entrypoints/background/handlers';
import type { Services } from '@/entrypoints/background/services';
import { db } from '@/lib/db';
import type { ActionRow } from '@/lib/db';
import { postContext, profileContext } from '@/lib/services/tab-context';
import { sessionView } from '@/lib/storage';
import { SEED_POSTS } from '../../emulator/seed';
import { ADA_ID, GRACE_ID } from '../auth/support';
import { client, emu, withSignedInAda } from './world';

/**
 * Issue 13 ("Popup under 100 ms"): reopened on a post or profile seen today, the popup's answer comes from the store
 * alone, all its reads at once. Every field a person sees must still be there: the post's own state (bookmarked,
 * liked, reposted), the author's relation (muted, blocked, following) and the actions on the post and its author.
 */

withSignedInAda();

const postReads = () => emu.state.log.filter((e) => e.method === 'GET' && e.path === '/2/tweets').length;
const userReads = () => emu.state.log.filter((e) => e.method === 'GET' && e.path.startsWith('/2/users/by/username/')).length;

async function addAction(type: string, params: ActionRow['params'], state: ActionRow['state']): Promise<number> {
  const at = new Date(emu.state.now()).toISOString();
  return db().actions.add({
    accountId: ADA_ID,
    type,
    params,
    label: type,
    state,
    createdAt: at,
    updatedAt: at,
    notBefore: emu.state.now(),
    attempts: 0,
  });
}

describe('the popup reopened on what it read today', () => {
  it('answers from the store alone, with the post’s state, the author’s relation and the actions on both', async () => {
    const postId = SEED_POSTS.gracePhoto;
    const first = await postContext(async () => client, ADA_ID, postId, emu.state.now());
    expect(first.author).toMatchObject({ id: GRACE_ID, muted: false, blocked: false });
    const reads = postReads();

    const d = db();
    await d.bookmarks.put({ accountId: ADA_ID, postId, position: 1, folderIds: [], searchText: '' });
    await d.engagements.put({ accountId: ADA_ID, postId, liked: true, reposted: true });
    await d.muted.put({ accountId: ADA_ID, userId: GRACE_ID, position: 1 });
    const like = await addAction('like', { postId }, 'done');
    const mute = await addAction('mute', { userId: GRACE_ID }, 'queued');
    // Someone else's action is none of this post's.
    await addAction('like', { postId: SEED_POSTS.adaHello }, 'done');

    const again = await postContext(async () => client, ADA_ID, postId, emu.state.now());
    expect(postReads()).toBe(reads);
    expect(again).toMatchObject({
      kind: 'post',
      bookmarked: true,
      liked: true,
      reposted: true,
      author: { id: GRACE_ID, username: 'gracehop', muted: true, blocked: false, following: true, followRequested: false },
      post: { id: postId, author: { id: GRACE_ID, muted: true } },
    });
    expect(again.actions).toEqual([
      expect.objectContaining({ seq: mute, type: 'mute', state: 'queued' }),
      expect.objectContaining({ seq: like, type: 'like', state: 'done' }),
    ]);
    expect(again.error).toBeUndefined();
  });

  it('answers a profile from the store alone, with the relation and the actions on that person', async () => {
    await profileContext(async () => client, ADA_ID, 'gracehop', emu.state.now());
    const reads = userReads();
    await db().blocked.put({ accountId: ADA_ID, userId: GRACE_ID, position: 1 });
    const block = await addAction('block', { userId: GRACE_ID }, 'failed');

    const again = await profileContext(async () => client, ADA_ID, 'GraceHop', emu.state.now());
    expect(userReads()).toBe(reads);
    expect(again.user).toMatchObject({ id: GRACE_ID, blocked: true, muted: false, following: true });
    expect(again.actions).toEqual([expect.objectContaining({ seq: block, type: 'block', state: 'failed' })]);
  });
});

describe('the popup’s one first question (tab.here)', () => {
  const here = (url: string) =>
    createHandlers({ clientFor: async () => client } as unknown as Services)['tab.here']({ type: 'tab.here', url });
  const ADA = { id: ADA_ID, name: 'Ada', username: 'adaperch' };

  it('answers for the active account with what tab.post or tab.profile would, and which target it is', async () => {
    await sessionView.setValue({ accounts: [ADA], activeAccountId: ADA_ID, notice: null });
    const postId = SEED_POSTS.gracePhoto;
    const onPost = await here(`https://x.com/gracehop/status/${postId}?s=20`);
    expect(onPost).toEqual({
      accountId: ADA_ID,
      target: { kind: 'post', postId },
      context: await postContext(async () => client, ADA_ID, postId, emu.state.now()),
    });
    const onProfile = await here('https://twitter.com/GraceHop');
    expect(onProfile).toMatchObject({ accountId: ADA_ID, target: { kind: 'profile', username: 'GraceHop' } });
    expect(onProfile?.context).toMatchObject({ kind: 'profile', user: { id: GRACE_ID } });
  });

  it('reads the session view once on a post: the popup waits on each storage read', async () => {
    await sessionView.setValue({ accounts: [ADA], activeAccountId: ADA_ID, notice: null });
    const postId = SEED_POSTS.gracePhoto;
    await postContext(async () => client, ADA_ID, postId, emu.state.now());
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const onPost = await here(`https://x.com/gracehop/status/${postId}`);
    expect(onPost?.context).toMatchObject({ kind: 'post', post: { id: postId } });
    // One read of who is signed in (beside the Enterprise setting), not a second for the account's username.
    const keysRead = get.mock.calls.flatMap(([keys]) => (Array.isArray(keys) ? keys : [keys]));
    expect(keysRead.filter((k) => String(k).startsWith('session.view'))).toHaveLength(1);
    expect(get).toHaveBeenCalledTimes(2);
  });

  it('answers nothing, and asks X nothing, when nobody is signed in or the address is not a post or profile', async () => {
    await sessionView.setValue({ accounts: [ADA], activeAccountId: ADA_ID, notice: null });
    expect(await here('https://x.com/home')).toBeNull();
    expect(await here('https://example.com/gracehop/status/1')).toBeNull();
    await sessionView.setValue({ accounts: [], activeAccountId: null, notice: null });
    expect(await here(`https://x.com/gracehop/status/${SEED_POSTS.gracePhoto}`)).toBeNull();
    expect(emu.state.log.filter((e) => e.path.startsWith('/2/tweets') || e.path.startsWith('/2/users/by'))).toEqual([]);
  });
});
