import { beforeEach, describe, expect, it } from 'vitest';
import { ListMembers } from '@/components/manager/lists/ListMembers';
import { RelationView } from '@/components/manager/RelationView';
import { db } from '@/lib/db';
import { freshDb } from '../services/support';
import { shownTab } from '../support/manager-tab';

/**
 * Account rows of a shape this version does not draw beside good ones, on the Muted and Blocked tabs and in a List's
 * members: each draws every account it can, named as far as its names read (never by id), and says once how many rows
 * it left out (those without the account's id, which their buttons act by). The other tabs:
 * stored-rows-wrong-shape.test.tsx.
 */

const ACCOUNT = '2244994945';
const WHEN = '2030-01-15T12:00:00.000Z';
const ONE_LEFT_OUT = '1 item kept on this device could not be read.';

/**
 * A good account, one whose names are not text, one whose name alone is not text, and a relation row without the
 * account's id.
 */
async function storeAccounts(relation: 'muted' | 'blocked'): Promise<void> {
  await db()[relation].bulkPut([
    { accountId: ACCOUNT, userId: '4', position: 4 },
    { accountId: ACCOUNT, userId: '6', position: 3 },
    { accountId: ACCOUNT, userId: '5', position: 2 },
    { accountId: ACCOUNT, userId: 7, position: 1 } as never,
  ]);
  await db().users.bulkPut([
    { accountId: ACCOUNT, id: '6', name: 'Grace Hopper', username: 'gracehop', seenAt: WHEN },
    { accountId: ACCOUNT, id: '5', name: 42, username: null, protected: 'no' } as never,
    { accountId: ACCOUNT, id: '4', name: 42, username: 'ada', seenAt: WHEN } as never,
  ]);
}

describe('a manager tab over a stored row of another shape beside good ones', () => {
  beforeEach(freshDb);

  it.each(['muted', 'blocked'] as const)(
    '%s draws the good account and the bad ones by what of them reads, and counts the row left out',
    async (relation) => {
      await storeAccounts(relation);
      const { text, buttons, accounts, failed } = await shownTab(<RelationView accountId={ACCOUNT} relation={relation} />, 'Grace Hopper');
      expect(failed).toBeUndefined();
      expect(text).toContain('Grace Hopper');
      expect(text).toContain('@gracehop');
      // The accounts whose names are not text are still listed, named as far as their names read (never by id), and
      // their buttons, named so, still act on them.
      const verb = relation === 'muted' ? 'Unmute' : 'Unblock';
      expect(accounts).toEqual(['@ada', 'Grace Hopper @gracehop', 'Unknown account']);
      // (Blocked links accounts with an @username to x.com, where X lets a person unblock them: a button only for the rest.)
      expect(buttons).toContain(`${verb} unknown account`);
      if (relation === 'muted') expect(buttons).toEqual(expect.arrayContaining(['Unmute @ada', 'Unmute @gracehop']));
      expect(buttons.join()).not.toContain(`${verb} 5`);
      expect(text).toContain(ONE_LEFT_OUT);
    },
  );

  it('a List’s members draws the good member and the bad one’s id, and counts the row left out', async () => {
    const list = { accountId: ACCOUNT, id: '10', name: 'Compiler folks', owned: true, followed: false, pinned: false, member: false };
    await db().listMembers.bulkPut([
      { accountId: ACCOUNT, listId: '10', userId: '6', position: 0 },
      { accountId: ACCOUNT, listId: '10', userId: '5', position: 1 },
      { accountId: ACCOUNT, listId: '10', userId: 7, position: 2 } as never,
    ]);
    await db().users.bulkPut([
      { accountId: ACCOUNT, id: '6', name: 'Grace Hopper', username: 'gracehop', seenAt: WHEN },
      { accountId: ACCOUNT, id: '5', name: 42, username: null } as never,
      { accountId: ACCOUNT, id: 7, name: 'No id', username: 'noid' } as never,
    ]);
    const act = () => Promise.resolve(true);
    const view = <ListMembers accountId={ACCOUNT} list={list} act={act} onActed={() => undefined} />;
    const { text, buttons, failed } = await shownTab(view, 'Grace Hopper');
    expect(failed).toBeUndefined();
    expect(text).toContain('@gracehop');
    // The member whose names are not text is still listed as an unknown account, with its Remove, named so.
    expect(text).toContain('Unknown account');
    expect(buttons).toEqual(expect.arrayContaining(['Remove @gracehop from Compiler folks', 'Remove unknown account from Compiler folks']));
    // A member row without the account's id as text: its Remove could not act on it, so it is left out and counted.
    expect(text).not.toContain('No id');
    expect(buttons.join()).not.toContain('@noid');
    expect(text).toContain(ONE_LEFT_OUT);
  });

  it('a List’s members draws a member whose position is no key after the others, and counts one without an id', async () => {
    const list = { accountId: ACCOUNT, id: '10', name: 'Compiler folks', owned: true, followed: false, pinned: false, member: false };
    // A position IndexedDB cannot index (null, an object) keeps the row out of the position index the page reads by.
    await db().listMembers.bulkPut([
      { accountId: ACCOUNT, listId: '10', userId: '8', position: null } as never,
      { accountId: ACCOUNT, listId: '10', userId: '6', position: 0 },
      { accountId: ACCOUNT, listId: '10', userId: '9', position: 1 },
      { accountId: ACCOUNT, listId: '10', userId: 7, position: {} } as never,
    ]);
    await db().users.bulkPut([
      { accountId: ACCOUNT, id: '6', name: 'Grace Hopper', username: 'gracehop', seenAt: WHEN },
      { accountId: ACCOUNT, id: '9', name: 'Ada Lovelace', username: 'ada', seenAt: WHEN },
      { accountId: ACCOUNT, id: '8', name: 'Alan Turing', username: 'aturing', seenAt: WHEN },
    ]);
    const act = () => Promise.resolve(true);
    const view = <ListMembers accountId={ACCOUNT} list={list} act={act} onActed={() => undefined} />;
    const { text, buttons, failed } = await shownTab(view, 'Alan Turing');
    expect(failed).toBeUndefined();
    expect(text).toContain('Alan Turing');
    expect(buttons.filter((b) => b.startsWith('Remove '))).toEqual([
      'Remove @gracehop from Compiler folks',
      'Remove @ada from Compiler folks',
      'Remove @aturing from Compiler folks',
    ]);
    expect(text).toContain(ONE_LEFT_OUT);
  });
});
