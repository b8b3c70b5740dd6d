import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db, type ActionRow, type ListRow } from '@/lib/db';
import { listContext } from '@/lib/services/list-context';
import { signOutLoss } from '@/lib/services/sign-out-loss';
import { freshDb } from './support';

/** What the popup asks the background to read for it (it carries no store): a list's state, what signing out loses. */

const ADA = '111';
const GRACE = '222';
const AT = '2026-03-01T10:00:00.000Z';

const list = (id: string, extra: Partial<ListRow> = {}): ListRow => ({
  accountId: ADA,
  id,
  name: `List ${id}`,
  owned: false,
  followed: false,
  pinned: false,
  member: false,
  ...extra,
});

const action = (accountId: string, state: ActionRow['state']): ActionRow => ({
  accountId,
  type: 'like',
  params: { postId: '1' },
  state,
  createdAt: AT,
  updatedAt: AT,
  notBefore: 0,
  attempts: 0,
});

beforeEach(async () => {
  fakeBrowser.reset();
  await freshDb();
});

describe('the list in the popup’s tab', () => {
  it('is the stored list with its flags and its owner’s name, or null when Perch has not synced it', async () => {
    await db().lists.bulkPut([
      list('10', { name: 'Navy computing', ownerId: GRACE, followed: true }),
      list('11', { name: 'Reading', owned: true, ownerId: ADA, pinned: true }),
    ]);
    await db().users.put({ accountId: ADA, id: GRACE, name: 'Grace Hopper', username: 'grace', seenAt: AT });

    expect(await listContext(ADA, '10')).toEqual({
      list: { name: 'Navy computing', owned: false, pinned: false, followed: true, owner: { name: 'Grace Hopper', username: 'grace' } },
      actions: [],
    });
    expect(await listContext(ADA, '11')).toEqual({ list: { name: 'Reading', owned: true, pinned: true, followed: false }, actions: [] });
    expect(await listContext(ADA, '12')).toEqual({ list: null, actions: [] });
    // Another account's copy of the same list is not this account's.
    expect(await listContext(GRACE, '10')).toEqual({ list: null, actions: [] });
  });

  it('names no owner Perch has not stored', async () => {
    await db().lists.put(list('10', { ownerId: GRACE }));
    expect((await listContext(ADA, '10')).list).not.toHaveProperty('owner');
  });

  it('lists the newest pin and the newest follow of this list, for its buttons to follow', async () => {
    await db().lists.put(list('10'));
    const on = (type: string, listId: string, state: ActionRow['state']): ActionRow => ({
      ...action(ADA, state),
      type,
      params: { listId },
    });
    await db().actions.bulkAdd([
      on('list.pin', '10', 'done'),
      on('list.unpin', '10', 'failed'),
      on('list.follow', '10', 'queued'),
      on('list.pin', '11', 'queued'),
      action(ADA, 'queued'),
    ]);
    const { actions } = await listContext(ADA, '10');
    expect(actions.map((a) => [a.type, a.state])).toEqual([
      ['list.follow', 'queued'],
      ['list.unpin', 'failed'],
    ]);
  });
});

describe('what signing out would lose', () => {
  it('counts the account’s actions not yet sent (queued or sending) and its drafts, none of another account’s', async () => {
    await db().actions.bulkAdd([
      action(ADA, 'queued'),
      action(ADA, 'sending'),
      action(ADA, 'done'),
      action(ADA, 'failed'),
      action(GRACE, 'queued'),
    ]);
    const draft = (accountId: string, context: string) => ({
      key: `${accountId}|${context}`,
      accountId,
      context,
      posts: [{ text: 'hi', mediaIds: [] }],
      publishedIds: [],
      state: 'editing' as const,
      seq: 1,
      updatedAt: AT,
    });
    await db().drafts.bulkPut([draft(ADA, 'compose'), draft(ADA, 'reply:1'), draft(GRACE, 'compose')]);

    expect(await signOutLoss(ADA)).toEqual({ queued: 2, drafts: 2, notes: 0 });
    expect(await signOutLoss('333')).toEqual({ queued: 0, drafts: 0, notes: 0 });
  });

  it('counts the account’s bookmarks with tags or a note, not those only marked read, none of another account’s', async () => {
    const row = (accountId: string, postId: string, tags: string[], note: string, read = false) => ({
      accountId,
      postId,
      tags,
      note,
      read,
      updatedAt: AT,
    });
    await db().bookmarkNotes.bulkPut([
      row(ADA, '1', ['rust'], ''),
      row(ADA, '2', [], 'read later'),
      row(ADA, '3', [], '', true),
      row(GRACE, '4', ['ocaml'], 'mine'),
    ]);

    expect((await signOutLoss(ADA)).notes).toBe(2);
  });
});
