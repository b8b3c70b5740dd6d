import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AuthError } from '@/lib/auth/errors';
import { readRefreshToken } from '@/lib/auth/token-store';
import { readSessionView } from '@/lib/storage';
import { emu, withTestEmulator } from '../support/emulator';
import { ADA_ID, STOPPED, TWO_HOURS, activeTokens, afterStoppedSignOut, makeService } from './support';

/**
 * The worker stops in the middle of a sign-out the person asked for (the browser ends an idle worker, a write fails):
 * the next worker finishes it quietly, or the account is still signed in as before. Never is the person later told
 * their sign-in is gone for an account they signed out themselves.
 */

withTestEmulator();
afterEach(() => vi.restoreAllMocks());

describe('a sign-out the worker did not finish', () => {
  it('leaves the account signed in as before when it stopped before the screens were told', async () => {
    const h = makeService(emu);
    await h.auth.signIn();
    // The session view's write is where it stops.
    const next = await afterStoppedSignOut(emu, h, ADA_ID, () => vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(STOPPED));
    next.clock.advance(TWO_HOURS);
    expect(await next.auth.getAccessToken(ADA_ID)).toBe(activeTokens(emu, ADA_ID, 'access').at(-1)!.token);
    const view = await readSessionView();
    expect(view.accounts.map((a) => a.id)).toEqual([ADA_ID]);
    expect(view.notice).toBeNull();
  });

  it('is finished quietly by the next worker when it stopped before the tokens were cleared: gone here and at X', async () => {
    const h = makeService(emu);
    await h.auth.signIn();
    // Clearing the refresh token is where it stops.
    const next = await afterStoppedSignOut(emu, h, ADA_ID, () =>
      vi.spyOn(fakeBrowser.storage.local, 'remove').mockRejectedValueOnce(STOPPED),
    );
    await next.auth.revoked();
    expect(await readRefreshToken(ADA_ID)).toBeUndefined();
    expect(activeTokens(emu, ADA_ID, 'refresh')).toEqual([]);
    await expect(next.auth.getAccessToken(ADA_ID)).rejects.toBeInstanceOf(AuthError);
    const view = await readSessionView();
    expect(view.accounts).toEqual([]);
    expect(view.notice).toBeNull();
  });
});
