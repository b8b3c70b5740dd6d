import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readRefreshToken } from '@/lib/auth/token-store';
import { readSessionView, sessionView } from '@/lib/storage';
import { emu, withTestEmulator } from '../support/emulator';
import { ADA_ID, GRACE_ID, STOPPED, activeTokens, afterStoppedSignOut, makeService, signInAs, type Harness } from './support';

/**
 * A worker starts many times a day, and finishing cut-off sign-outs at each start must cost next to nothing when none
 * was cut off: one storage read, never every stored key. A sign-out is recorded as begun before its account leaves the
 * screens, so one cut off is still finished; tokens a version that recorded nothing left are looked for once.
 */

withTestEmulator();
afterEach(() => vi.restoreAllMocks());

/** The storage reads a worker start makes to finish cut-off sign-outs, as the keys asked for (null: every key). */
async function readsOnWake(h: Harness): Promise<unknown[]> {
  const local = vi.spyOn(fakeBrowser.storage.local, 'get');
  const session = vi.spyOn(fakeBrowser.storage.session, 'get');
  await makeService(emu, { clock: h.clock }).auth.finishSignOuts();
  const reads = [...local.mock.calls, ...session.mock.calls].map((c) => c[0]);
  vi.restoreAllMocks();
  return reads;
}

describe('finishing cut-off sign-outs at a worker start', () => {
  it('reads one key on a usual wake, never every stored key', async () => {
    const h = makeService(emu);
    await signInAs(emu, h, ADA_ID);
    await signInAs(emu, h, GRACE_ID);
    await h.auth.signOut(GRACE_ID);
    await h.auth.finishSignOuts();

    expect(await readsOnWake(h)).toEqual(['signOuts.begun']);
    expect(await readRefreshToken(ADA_ID)).toBeDefined();
  });

  it('finishes a sign-out cut off after the screens were told, then reads one key again', async () => {
    const h = makeService(emu);
    await signInAs(emu, h, ADA_ID);
    await h.auth.finishSignOuts();
    // Clearing the refresh token is where it stops.
    const next = await afterStoppedSignOut(emu, h, ADA_ID, () =>
      vi.spyOn(fakeBrowser.storage.local, 'remove').mockRejectedValueOnce(STOPPED),
    );
    await next.auth.revoked();
    expect(await readRefreshToken(ADA_ID)).toBeUndefined();
    expect(activeTokens(emu, ADA_ID, 'refresh')).toEqual([]);
    expect((await readSessionView()).notice).toBeNull();
    expect(await readsOnWake(h)).toEqual(['signOuts.begun']);
  });

  it('keeps signed in an account whose sign-out stopped before the screens were told, and forgets that sign-out', async () => {
    const h = makeService(emu);
    await signInAs(emu, h, ADA_ID);
    await h.auth.finishSignOuts();
    // The session view's write is where it stops: the record of the sign-out was written just before.
    await afterStoppedSignOut(emu, h, ADA_ID, () => vi.spyOn(sessionView, 'setValue').mockRejectedValueOnce(STOPPED));
    expect(await readRefreshToken(ADA_ID)).toBeDefined();
    expect((await readSessionView()).accounts.map((a) => a.id)).toEqual([ADA_ID]);
    expect(await browser.storage.local.get('signOuts.begun')).toEqual({ 'signOuts.begun': { scanned: true, begun: {} } });
    expect(await readsOnWake(h)).toEqual(['signOuts.begun']);
  });

  it('clears once the tokens a version that recorded no sign-out left behind, and records that it looked', async () => {
    const h = makeService(emu);
    await signInAs(emu, h, ADA_ID);
    await signInAs(emu, h, GRACE_ID);
    // The older version took Grace off the screens, then stopped: no record of her sign-out, none of a look.
    const view = await readSessionView();
    await browser.storage.local.set({ 'session.view': { ...view, accounts: view.accounts.filter((a) => a.id !== GRACE_ID) } });
    await browser.storage.local.remove('signOuts.begun');

    const next = makeService(emu, { clock: h.clock });
    await next.auth.finishSignOuts();
    await next.auth.revoked();
    expect(await readRefreshToken(GRACE_ID)).toBeUndefined();
    expect(activeTokens(emu, GRACE_ID, 'refresh')).toEqual([]);
    expect(await readRefreshToken(ADA_ID)).toBeDefined();
    expect(await readsOnWake(h)).toEqual(['signOuts.begun']);
  });
});
