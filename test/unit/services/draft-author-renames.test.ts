import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { draftContextText } from '@/components/manager/drafts/draft-words';
import { db, type UserRow } from '@/lib/db';
import { saveDraft } from '@/lib/services/compose';
import { listDrafts } from '@/lib/services/drafts';
import { putUsers } from '@/lib/services/kept-rows';
import { freshDb } from './support';

/**
 * An old @username is no one's for good: X lets another person take it once its owner changes theirs. A read of X
 * renaming someone renames the drafts on their posts, never a draft on the post of whoever holds the old name now.
 */

const ADA = '111';
const BOB = '222';
const CAROL = '333';
const BOBS_POST = '1460323737035677698';
const CAROLS_POST = '1460323737035677699';
const UNSEEN_POST = '1460323737035677700';
const SEEN = '2026-03-01T08:00:00.000Z';
const LATER = '2026-03-02T08:00:00.000Z';

const user = (id: string, username: string, seenAt = SEEN): UserRow => ({ accountId: ADA, id, name: username, username, seenAt });
const reply = (postId: string, authorUsername: string) =>
  saveDraft({
    accountId: ADA,
    context: `reply:${postId}`,
    replyToId: postId,
    seq: 1,
    posts: [{ text: `on ${postId}`, mediaIds: [] }],
    authorUsername,
  });
// By post id: the drafts' order (newest first, ties by context) is not what this test checks, and three drafts saved in
// one millisecond tie.
const names = async () => (await listDrafts(ADA)).map((d) => `${d.context}=${draftContextText(d)}`).sort();

beforeEach(async () => {
  fakeBrowser.reset();
  await freshDb();
  // Bob was @bob when the store read him; Carol took @bob since, and a later read stored her and her post.
  await db().users.bulkPut([user(BOB, 'bob'), user(CAROL, 'bob', LATER)]);
  const post = { accountId: ADA, text: 'hi', urls: [], mediaCount: 0, seenAt: LATER };
  await db().posts.bulkPut([
    { ...post, id: BOBS_POST, authorId: BOB },
    { ...post, id: CAROLS_POST, authorId: CAROL },
  ]);
  await reply(BOBS_POST, 'bob');
  await reply(CAROLS_POST, 'bob');
  await reply(UNSEEN_POST, 'Bob');
});

describe('a renamed author on the drafts', () => {
  it('renames the draft on his post only: not the one on Carol’s, who holds @bob now, nor one on an unseen post', async () => {
    await putUsers(db(), [user(BOB, 'bob2', LATER)]);
    expect(await names()).toEqual([
      `reply:${BOBS_POST}=Reply to @bob2`,
      `reply:${CAROLS_POST}=Reply to @bob`,
      `reply:${UNSEEN_POST}=Reply to @Bob`,
    ]);
  });

  it('renames nothing when the write storing the new @username is undone', async () => {
    const d = db();
    const undone = d.transaction('rw', [d.users, d.posts], async () => {
      await d.transaction('rw', d.users, () => putUsers(d, [user(BOB, 'bob2', LATER)]));
      throw new Error('the sync failed');
    });
    await expect(undone).rejects.toThrow('the sync failed');
    // A later read renames him for good: the draft on his post follows from the name the store held, @bob.
    await putUsers(d, [user(BOB, 'bob3', LATER)]);
    expect((await d.users.get([ADA, BOB]))?.username).toBe('bob3');
    expect(await names()).toContain(`reply:${BOBS_POST}=Reply to @bob3`);
  });
});
