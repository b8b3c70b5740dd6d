import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { emu, withTestEmulator } from '../support/emulator';
import { ADA_ID, makeService } from './support';

/**
 * A worker stopped in a sign-out before the account's data was wiped: the next worker wipes it, keeping exactly what
 * the person chose to keep in the sign-out dialog.
 */

withTestEmulator();
afterEach(() => vi.restoreAllMocks());

describe('the wipe of a sign-out the worker did not finish', () => {
  it('is done by the next worker, keeping what the person chose', async () => {
    const wipe = vi.fn((_id: string, _keep: readonly string[]) => Promise.resolve());
    const h = makeService(emu, { deps: { wipe } });
    await h.auth.signIn();
    vi.spyOn(fakeBrowser.storage.local, 'remove').mockRejectedValueOnce(new Error('The worker stopped here.'));
    await expect(h.auth.signOut(ADA_ID, ['drafts'])).rejects.toThrow();
    vi.restoreAllMocks();
    expect(wipe).not.toHaveBeenCalled();

    const nextWipe = vi.fn((_id: string, _keep: readonly string[]) => Promise.resolve());
    const next = makeService(emu, { clock: h.clock, deps: { wipe: nextWipe } });
    await next.auth.finishSignOuts();
    expect(nextWipe.mock.calls).toEqual([[ADA_ID, ['drafts']]]);
    // Done once: the next start wipes nothing more.
    await next.auth.finishSignOuts();
    expect(nextWipe).toHaveBeenCalledTimes(1);
  });
});
