import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ListMembers } from '@/components/manager/lists/ListMembers';
import { db } from '@/lib/db';
import { CROWD_USER_IDS } from '../../emulator/seed';
import { ADA_ID } from '../auth/support';
import { client, emu, withSignedInAda } from '../services/world';
import { accessibleName } from '../support/label-in-name';
import { listMade, outboxOver } from '../support/outbox-background';
import { renderInPage, type ReactPage } from '../support/react-page';
import { membersFromX, settled } from './list-members-x';

/**
 * A List the person made with Perch, which X has, may have had members added on x.com since: X's write answers carry no
 * member count, and no sync has read one yet. Opening its members does not say "This list has no members yet." from
 * Perch's memory alone: it reads the first page from X (GET /2/lists/:id/members, getListsMembers), says it is checking
 * meanwhile, and shows what X says; if X refuses, it says it could not check and offers Load members.
 */

withSignedInAda();

/** Ada makes "Reading room" with Perch and X confirms it; its id on X. */
async function made(): Promise<string> {
  const [row] = (await listMade(outboxOver(client), ADA_ID, 'Reading room')).filter((l) => l.name === 'Reading room');
  expect(row).toMatchObject({ id: expect.stringMatching(/^\d+$/), memberCount: 0, knownEmpty: true });
  return row!.id;
}

/** Someone added to the List on x.com, not through Perch; their @username. */
function addedOnX(listId: string): string {
  const members = emu.state.lists.get(listId)!.members;
  const userId = CROWD_USER_IDS.find((id) => !members.includes(id))!;
  members.unshift(userId);
  return emu.state.users.get(userId)!.username;
}

async function open(listId: string): Promise<ReactPage> {
  const list = (await db().lists.get([ADA_ID, listId]))!;
  return renderInPage(<ListMembers accountId={ADA_ID} list={list} act={() => Promise.resolve(true)} onActed={() => undefined} />, {
    settleMs: 40,
  });
}

const shown = (page: ReactPage) => page.document.querySelector('.mgr-members')?.textContent ?? '';
const names = (page: ReactPage) => [...page.document.querySelectorAll('button, input')].map((el) => accessibleName(el));

describe('opening the members of a List made with Perch, someone since added on x.com', () => {
  it('shows the member X has, not "no members yet"', async () => {
    const id = await made();
    const username = addedOnX(id);
    const asked = membersFromX(() => client);
    const page = await open(id);
    try {
      await settled(page);
      // The page X answered is stored first, and reaches the view through the store's live query.
      for (let i = 0; i < 100 && !shown(page).includes(`@${username}`); i++) await act(() => new Promise((r) => setTimeout(r, 20)));
      expect(asked).toEqual([id]);
      expect(shown(page)).toContain(`@${username}`);
      expect(shown(page)).not.toContain('This list has no members yet.');
      expect(names(page).some((n) => n.startsWith('Reload members'))).toBe(true);
      // X showed a member Perch did not add: Perch no longer knows the List whole.
      expect((await db().lists.get([ADA_ID, id]))?.knownEmpty).toBeUndefined();
    } finally {
      await page.leave();
    }
  });
});

describe('opening the members of a List made with Perch', () => {
  it('says it is checking with X while X has not answered, not "no members yet"', async () => {
    const id = await made();
    let answer: (reply: unknown) => void = () => undefined;
    const reply = new Promise((r) => (answer = r));
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockReturnValue(reply as never);
    const page = await open(id);
    try {
      for (let i = 0; i < 100 && !shown(page).includes('Checking with X for members…'); i++)
        await act(() => new Promise((r) => setTimeout(r, 20)));
      expect(shown(page)).toContain('Checking with X for members…');
      expect(shown(page)).not.toContain('This list has no members yet.');
      await act(async () => answer({ ok: true, data: { users: [] } }));
      await settled(page);
      // X answered with no members, and no next page: now it is X's word.
      expect(shown(page)).toContain('This list has no members yet.');
      expect(names(page).some((n) => n.startsWith('Reload members'))).toBe(true);
    } finally {
      await page.leave();
    }
  });

  it('says it could not check when X refuses, and offers Load members, never "no members yet"', async () => {
    const id = await made();
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({
      ok: false,
      error: { kind: 'unavailable', message: 'X is not answering.' },
    } as never);
    const page = await open(id);
    try {
      await settled(page);
      expect(shown(page)).toContain('Perch could not check with X whether this list has members');
      expect(shown(page)).not.toContain('This list has no members yet.');
      expect(names(page).some((n) => n.startsWith('Load members'))).toBe(true);
    } finally {
      await page.leave();
    }
  });
});
