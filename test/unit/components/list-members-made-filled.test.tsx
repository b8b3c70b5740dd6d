import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { CROWD_USER_IDS } from '../../emulator/seed';
import { ADA_ID } from '../auth/support';
import { syncLists } from '../services/member-counts';
import { client, emu, withSignedInAda } from '../services/world';
import { listMade, outboxOver } from '../support/outbox-background';
import { membersViewOf } from './list-members-x';

/**
 * A List the person made with Perch and then filled through Perch holds exactly the members Perch added (X confirmed
 * each): its members view shows them, each with Remove, and offers Reload, not "Load members" as if nothing were known.
 * A sync showing members Perch did not add brings Load members back, and so does one whose figure only equals the
 * members Perch holds (X's member_count says how many, not who): then "no members yet" is not said either once the
 * person takes off the member Perch added, for someone added on x.com may be there.
 */

withSignedInAda();

/** What the members view of Ada's stored List shows, the background answering from the emulator. */
const membersView = (listId: string) => membersViewOf(() => client, ADA_ID, listId);

const outbox = () => outboxOver(client);

/** A List made with Perch, with one member added through Perch, both confirmed by X. */
async function madeAndFilled(): Promise<{ id: string; username: string }> {
  const box = outbox();
  const [row] = (await listMade(box, ADA_ID, 'Reading room')).filter((l) => l.name === 'Reading room');
  const id = row!.id;
  const userId = CROWD_USER_IDS[0]!;
  const username = emu.state.users.get(userId)!.username;
  await db().users.put({
    accountId: ADA_ID,
    id: userId,
    name: emu.state.users.get(userId)!.name,
    username,
    seenAt: new Date().toISOString(),
  });
  await box.enqueue(ADA_ID, 'list.addMember', { listId: id, listName: 'Reading room', userId, username });
  await box.idle(ADA_ID);
  expect(emu.state.lists.get(id)!.members).toEqual([userId]);
  return { id, username };
}

describe('the members of a List the person made and filled with Perch', () => {
  it('shows the member added, with Remove, and Reload, not Load members', async () => {
    const { id, username } = await madeAndFilled();
    const { text, names } = await membersView(id);
    expect(text).toContain(`@${username}`);
    expect(text).not.toContain('Members not loaded yet.');
    expect(names.some((n) => n.startsWith('Remove'))).toBe(true);
    expect(names.some((n) => n.startsWith('Reload members'))).toBe(true);
    expect(names.some((n) => n.startsWith('Load members'))).toBe(false);
  });

  it('offers Load members once a sync counted members added on x.com', async () => {
    const { id } = await madeAndFilled();
    const members = emu.state.lists.get(id)!.members;
    members.unshift(CROWD_USER_IDS.find((u) => !members.includes(u))!);
    await syncLists(client);
    const { names } = await membersView(id);
    expect(names.some((n) => n.startsWith('Load members'))).toBe(true);
  });

  it('offers Load members after a sync whose count equals the members Perch holds, but not the same ones', async () => {
    const { id } = await madeAndFilled();
    swappedOnX(id);
    await syncLists(client);
    expect((await db().lists.get([ADA_ID, id]))?.memberCount).toBe(1);
    const { names } = await membersView(id);
    expect(names.some((n) => n.startsWith('Load members'))).toBe(true);
    expect(names.some((n) => n.startsWith('Reload members'))).toBe(false);
  });

  it('does not say "no members yet" once the person removes the member Perch added, after such a sync', async () => {
    const { id } = await madeAndFilled();
    swappedOnX(id);
    await syncLists(client);
    const [userId] = (await db().listMembers.where('[accountId+listId]').equals([ADA_ID, id]).toArray()).map((m) => m.userId);
    await outbox().enqueue(ADA_ID, 'list.removeMember', { listId: id, listName: 'Reading room', userId: userId! });
    await outbox().idle(ADA_ID);
    expect((await db().lists.get([ADA_ID, id]))?.memberCount).toBe(0);
    const { text, names } = await membersView(id);
    expect(text).not.toContain('This list has no members yet.');
    expect(text).toContain('Members not loaded yet.');
    expect(names.some((n) => n.startsWith('Load members'))).toBe(true);
  });
});

/** On x.com, the member Perch added is taken off and someone else added: X counts as many as before. */
function swappedOnX(id: string) {
  const members = emu.state.lists.get(id)!.members;
  members.splice(
    0,
    members.length,
    CROWD_USER_IDS.find((u) => !members.includes(u))!,
  );
}
