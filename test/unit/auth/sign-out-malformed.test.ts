import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { readRefreshToken } from '@/lib/auth/token-store';
import { readSessionView } from '@/lib/storage';
import { emu, withTestEmulator } from '../support/emulator';
import { ADA_ID, GRACE_ID, activeTokens, makeService, revokeRequests, signInAs } from './support';

/**
 * A stored session entry the screens leave out as malformed (another writer, an old version) is still an account the
 * person never signed out: the next worker's finishing of cut-off sign-outs keeps its tokens here and at X, so the
 * person is not signed out silently. A sign-out really cut off is still finished (the guard's canary).
 */

withTestEmulator();

/** Rewrites Ada's stored entry so lib/storage.ts reads it as malformed: a name that is not text. */
async function corruptAda(): Promise<void> {
  const stored = (await browser.storage.local.get('session.view'))['session.view'] as { accounts: Record<string, unknown>[] };
  const accounts = stored.accounts.map((a) => (a.id === ADA_ID ? { ...a, name: 42 } : a));
  await browser.storage.local.set({ 'session.view': { ...stored, accounts } });
}

describe('finishing cut-off sign-outs beside a malformed session entry', () => {
  it('keeps the tokens of an account whose stored entry is malformed, here and at X', async () => {
    const h = makeService(emu);
    await signInAs(emu, h, ADA_ID);
    await corruptAda();
    expect((await readSessionView()).accounts).toEqual([]);

    const next = makeService(emu, { clock: h.clock });
    await next.auth.finishSignOuts();
    await next.auth.revoked();
    expect(await readRefreshToken(ADA_ID)).toBeDefined();
    expect(activeTokens(emu, ADA_ID, 'refresh')).toHaveLength(1);
    expect(revokeRequests(emu)).toEqual([]);
  });

  it('clears nothing when a stored entry names no account, and still finishes a sign-out really cut off', async () => {
    const h = makeService(emu);
    await signInAs(emu, h, ADA_ID);
    await signInAs(emu, h, GRACE_ID);
    // Grace's sign-out stops after the screens were told, before her tokens were cleared.
    const view = (await browser.storage.local.get('session.view'))['session.view'] as { accounts: { id: string }[] };
    const signedOut = { ...view, accounts: view.accounts.filter((a) => a.id !== GRACE_ID) };
    await browser.storage.local.set({ 'session.view': { ...signedOut, accounts: [...signedOut.accounts, { name: 'no id' }] } });

    await makeService(emu, { clock: h.clock }).auth.finishSignOuts();
    expect(await readRefreshToken(GRACE_ID)).toBeDefined();

    await browser.storage.local.set({ 'session.view': signedOut });
    const next = makeService(emu, { clock: h.clock });
    await next.auth.finishSignOuts();
    await next.auth.revoked();
    expect(await readRefreshToken(GRACE_ID)).toBeUndefined();
    expect(activeTokens(emu, GRACE_ID, 'refresh')).toEqual([]);
    expect(await readRefreshToken(ADA_ID)).toBeDefined();
  });
});
