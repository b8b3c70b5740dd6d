import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { CROWD_USER_IDS } from '../../emulator/seed';
import { ADA_ID } from '../auth/support';
import { READING, syncLists } from '../services/member-counts';
import { client, emu, withSignedInAda } from '../services/world';
import { listMade, outboxOver } from '../support/outbox-background';
import { membersViewOf } from './list-members-x';

/**
 * "This list has no members yet." is Perch's own knowledge only for a List it made (X's create answer carries no
 * counts, and a new List has none) that nothing has shown members in since. X's figure of 0 at the last sync is not
 * that: members added on x.com since are not in it, so such a List offers Load members, not "no members yet".
 */

withSignedInAda();

/** What the members view of Ada's stored List shows, the background answering from the emulator. */
const membersView = (listId: string) => membersViewOf(() => client, ADA_ID, listId);

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
    const [row] = (await listMade(outboxOver(client), ADA_ID, 'Reading room')).filter((l) => l.name === 'Reading room');
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
