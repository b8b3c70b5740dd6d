import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { LIST_ACTIONS } from '@/lib/services/list-actions';
import { freshDb } from './support';

const ACCOUNT = '1585841080431321088';
const LIST = '1900000000000000001';
const CATS = '1900000000000000002';
const GRACE = '1452871219391512578';
const params = { listId: LIST, listName: 'Reading list', userId: GRACE, username: 'gracehop' };

const count = async () => (await db().lists.get([ACCOUNT, LIST]))?.memberCount;

/** Stores one of the account's own Lists, as a Lists sync reads it, with X's member count. */
const storeList = (id: string, name: string, memberCount: number) =>
  db().lists.put({ accountId: ACCOUNT, id, name, memberCount, owned: true, followed: false, pinned: false, member: false });

describe('a list’s member count after adding or removing through Perch', () => {
  beforeEach(async () => {
    await freshDb();
    await storeList(LIST, 'Reading list', 9);
  });

  it('counts the member added, and goes back when X refuses', async () => {
    const add = LIST_ACTIONS['list.addMember'];
    const snapshot = await add.apply(db(), ACCOUNT, params);
    expect(await count()).toBe(10);
    await add.rollback(db(), ACCOUNT, params, snapshot);
    expect(await count()).toBe(9);
    expect(await db().listMembers.get([ACCOUNT, LIST, GRACE])).toBeUndefined();
  });

  it('does not count twice someone already on the list, and counts a removal once', async () => {
    await db().listMembers.put({ accountId: ACCOUNT, listId: LIST, userId: GRACE, position: 0 });
    await LIST_ACTIONS['list.addMember'].apply(db(), ACCOUNT, params);
    expect(await count()).toBe(9);
    const snapshot = await LIST_ACTIONS['list.removeMember'].apply(db(), ACCOUNT, params);
    expect(await count()).toBe(8);
    await LIST_ACTIONS['list.removeMember'].apply(db(), ACCOUNT, params);
    expect(await count()).toBe(8);
    await LIST_ACTIONS['list.removeMember'].rollback(db(), ACCOUNT, params, snapshot);
    expect(await count()).toBe(9);
    expect(await db().listMembers.get([ACCOUNT, LIST, GRACE])).toBeDefined();
  });

  it('gives back only the refused add’s one, keeping another add and a count a sync stored since', async () => {
    const add = LIST_ACTIONS['list.addMember'];
    const refused = await add.apply(db(), ACCOUNT, params);
    await add.apply(db(), ACCOUNT, { ...params, userId: '1097398373457707008', username: 'aturing' });
    expect(await count()).toBe(11);
    await add.rollback(db(), ACCOUNT, params, refused);
    expect(await count()).toBe(10);

    // A sync stored X's figure (12, others added on x.com) with the waiting add counted: 13. X refuses it: 12.
    const waiting = await add.apply(db(), ACCOUNT, { ...params, userId: '1452871219391512579' });
    await db().lists.update([ACCOUNT, LIST], { memberCount: 13 });
    await add.rollback(db(), ACCOUNT, { ...params, userId: '1452871219391512579' }, waiting);
    expect(await count()).toBe(12);
  });

  it('gives back only its one for a refused change stored with the count before it, as Perch once stored them', async () => {
    const add = LIST_ACTIONS['list.addMember'];
    await add.apply(db(), ACCOUNT, params);
    await add.apply(db(), ACCOUNT, { ...params, userId: '1097398373457707008', username: 'aturing' });
    expect(await count()).toBe(11);
    await add.rollback(db(), ACCOUNT, params, { member: null, memberCount: 9 });
    expect(await count()).toBe(10);
    expect(await db().listMembers.get([ACCOUNT, LIST, GRACE])).toBeUndefined();

    const remove = LIST_ACTIONS['list.removeMember'];
    const row = await db().listMembers.get([ACCOUNT, LIST, '1097398373457707008']);
    await remove.apply(db(), ACCOUNT, { ...params, userId: '1097398373457707008' });
    expect(await count()).toBe(9);
    await remove.rollback(db(), ACCOUNT, { ...params, userId: '1097398373457707008' }, { member: row, memberCount: 10 });
    expect(await count()).toBe(10);
    expect(await db().listMembers.get([ACCOUNT, LIST, '1097398373457707008'])).toBeDefined();
  });

  it('rolls back an action stored before counts were kept (its snapshot is the membership row alone)', async () => {
    await LIST_ACTIONS['list.addMember'].rollback(db(), ACCOUNT, params, null);
    expect(await db().listMembers.get([ACCOUNT, LIST, GRACE])).toBeUndefined();
    expect(await count()).toBe(9);
  });
});

describe('the member count of a List created through Perch', () => {
  beforeEach(freshDb);

  it('is 0 at once (X’s answer to createList has no count), then X’s figure once a sync read it', async () => {
    const create = LIST_ACTIONS['list.create'];
    const p = { tempId: 'tmp-1', name: 'Birds', private: false };
    await create.apply(db(), ACCOUNT, p);
    expect((await db().lists.get([ACCOUNT, 'tmp-1']))?.memberCount).toBe(0);
    await create.confirm?.(db(), ACCOUNT, p, { id: LIST });
    expect(await count()).toBe(0);

    // A sync that read the List under X's id before the answer came: X's figure stays.
    await storeList('tmp-2', 'Cats', 0);
    await storeList(CATS, 'Cats', 3);
    await create.confirm?.(db(), ACCOUNT, { tempId: 'tmp-2', name: 'Cats' }, { id: CATS });
    expect((await db().lists.get([ACCOUNT, CATS]))?.memberCount).toBe(3);
  });
});
