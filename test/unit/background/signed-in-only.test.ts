import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { db } from '@/lib/db';
import type { Reply } from '@/lib/messaging';
import { sessionView } from '@/lib/storage';
import { withEmptyStore } from '../support/store';

/**
 * A screen left open across a sign-out (the side panel, a manager tab, a composer saving as it closes) asks for the
 * account signed out: through main()'s listener, the request is answered "signed out" and nothing is written or
 * queued — no draft, note or action brought back after the sign-out wiped them, nothing sent to X at the next sign-in.
 */

const ADA = { id: '1585841080431321088', name: 'Ada Perch', username: 'adaperch' };
/** Signed out a moment ago, from another screen. */
const GRACE_ID = '1960673648440250273';
const POST_ID = '1960673648440250274';

async function ask(message: object): Promise<Reply<unknown>> {
  const sender = { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/sidepanel.html`, frameId: 0 };
  sender satisfies Browser.runtime.MessageSender;
  return new Promise<Reply<unknown>>((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger(message, { ...sender, origin: `chrome-extension://${fakeBrowser.runtime.id}` }, resolve);
  });
}

const draftSave = (accountId: string) => ({
  type: 'draft.save',
  accountId,
  context: 'compose',
  seq: 1,
  posts: [{ text: 'Half a thought', mediaIds: [] }],
});
const bookmark = (accountId: string) => ({ type: 'action.do', accountId, action: { type: 'bookmark', params: { postId: POST_ID } } });
const note = (accountId: string) => ({ type: 'bookmark.organise', accountId, postId: POST_ID, note: 'for later' });

withEmptyStore();
beforeEach(async () => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(() => undefined);
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
  void background.main();
  await sessionView.setValue({ accounts: [ADA], activeAccountId: ADA.id, notice: null });
});

describe('a request for an account that is not signed in', () => {
  it.each([
    ['a draft saved', draftSave],
    ['an action queued', bookmark],
    ['a note written', note],
  ])('is answered "signed out", with %s for nobody', async (_what, message) => {
    const reply = await ask(message(GRACE_ID));
    expect(reply).toMatchObject({ ok: false, error: { kind: 'signed-out' } });
    expect(await db().drafts.count()).toBe(0);
    expect(await db().actions.count()).toBe(0);
    expect(await db().bookmarkNotes.count()).toBe(0);
  });

  it('leaves the signed-in account acting as before', async () => {
    expect(await ask(draftSave(ADA.id))).toMatchObject({ ok: true });
    expect(await ask(note(ADA.id))).toMatchObject({ ok: true });
    expect(await db().drafts.where('accountId').equals(ADA.id).count()).toBe(1);
    expect(await db().bookmarkNotes.where('accountId').equals(ADA.id).count()).toBe(1);
  });

  it('may still sign that account out, and count what signing out would delete', async () => {
    expect(await ask({ type: 'account.signOutLoss', accountId: GRACE_ID })).toMatchObject({ ok: true });
  });
});
