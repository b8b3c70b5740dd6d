import { describe, expect, it } from 'vitest';
import { ListMembers } from '@/components/manager/lists/ListMembers';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { Outbox } from '@/lib/services/outbox';
import { CROWD_USER_IDS } from '../../emulator/seed';
import { ADA_ID } from '../auth/support';
import { READING, syncLists } from '../services/member-counts';
import { client, emu, withSignedInAda } from '../services/world';
import { accessibleName } from '../support/label-in-name';
import { renderInPage } from '../support/react-page';
import { membersFromX, settled } from './list-members-x';

/**
 * "This list has no members yet." is Perch's own knowledge only for a List it made (X's create answer carries no
 * counts, and a new List has none) that nothing has shown members in since. X's figure of 0 at the last sync is not
 * that: members added on x.com since are not in it, so such a List offers Load members, not "no members yet".
 */

withSignedInAda();

/** What the members view of Ada's stored List shows: its words, and its controls' names. */
async function membersView(listId: string) {
  const list = (await db().lists.get([ADA_ID, listId]))!;
  // A List Perch made that X has is checked with X on opening: the background answers from the emulator.
  membersFromX(() => client);
  const page = await renderInPage(
    <ListMembers accountId={ADA_ID} list={list} act={() => Promise.resolve(true)} onActed={() => undefined} />,
    {
      settleMs: 40,
    },
  );
  try {
    // The stored members come through a live query, and X's answer after: wait until both are in.
    await settled(page);
    const text = page.document.querySelector('.mgr-members')?.textContent ?? '';
    const names = [...page.document.querySelectorAll('button, input')].map((el) => accessibleName(el));
    return { text, names };
  } finally {
    await page.leave();
  }
}

/** Someone added to the List on x.com, not through Perch. */
const addedOnX = (listId: string) => {
  const members = emu.state.lists.get(listId)!.members;
  members.unshift(CROWD_USER_IDS.find((id) => !members.includes(id))!);
};

describe('the members of a List Perch did not make, whose last sync counted none', () => {
  it('offers Load members, not "no members yet"', async () => {
    emu.state.lists.get(READING)!.members.length = 0;
    await syncLists(client);
    expect((await db().lists.get([ADA_ID, READING]))?.memberCount).toBe(0);
    // Since that sync, someone was added on x.com.
    addedOnX(READING);

    const { text, names } = await membersView(READING);
    expect(text).toContain('Members not loaded yet.');
    expect(text).not.toContain('This list has no members yet.');
    expect(names.some((n) => n.startsWith('Load members'))).toBe(true);
  });
});

describe('the members of a List the person made with Perch', () => {
  async function made(): Promise<string> {
    const outbox = new Outbox({ defs: ACTIONS, clientFor: () => Promise.resolve(client), wakeAt: () => undefined });
    await outbox.enqueue(ADA_ID, 'list.create', { name: 'Reading room', private: false, tempId: 'pending-1' });
    await outbox.idle(ADA_ID);
    const [row] = (await db().lists.where('accountId').equals(ADA_ID).toArray()).filter((l) => l.name === 'Reading room');
    expect(row?.id).toMatch(/^\d+$/);
    return row!.id;
  }

  it('says it has no members yet, after X confirmed it and after a sync that counted none', async () => {
    const id = await made();
    expect((await membersView(id)).text).toContain('This list has no members yet.');
    await syncLists(client);
    const { text, names } = await membersView(id);
    expect(text).toContain('This list has no members yet.');
    expect(names.some((n) => n.startsWith('Load members'))).toBe(false);
  });

  it('offers Load members once a sync counted members added on x.com', async () => {
    const id = await made();
    addedOnX(id);
    await syncLists(client);
    const { text, names } = await membersView(id);
    expect(text).toContain('Members not loaded yet.');
    expect(text).not.toContain('This list has no members yet.');
    expect(names.some((n) => n.startsWith('Load members'))).toBe(true);
  });
});
