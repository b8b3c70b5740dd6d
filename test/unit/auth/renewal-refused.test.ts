import { describe, expect, it } from 'vitest';
import { actionErrorText } from '@/lib/action-words';
import { readRefreshToken } from '@/lib/auth/token-store';
import { storedError } from '@/lib/services/outbox-failure';
import { readSessionView } from '@/lib/storage';
import { XApiError } from '@/lib/x/errors';
import { getMe } from '@/lib/x/users';
import { emu, withTestEmulator } from '../support/emulator';
import { ADA_ID, TWO_HOURS, makeService } from './support';

/**
 * X refuses a sign-in's renewal with an OAuth error code (RFC 6749 5.2). Only `unauthorized_client` and
 * `invalid_client` are about Perch's X app, and only they say so; `invalid_grant` (and X's `invalid_request` for a
 * token it does not know, test/emulator/oauth.ts `invalidToken`) end the sign-in, as before. Any other code —
 * `invalid_scope`, `unsupported_grant_type`, one X adds later — says X refused, in X's words, and leaves the account
 * signed in: nothing says the app is at fault, and no one is signed out without a reason.
 */

withTestEmulator();

const FSI = '\u2068';
const PDI = '\u2069';
const DESCRIPTION = 'The renewal was refused.';

/** Signs Ada in, lets her token expire, and has X answer her renewal with `code`. */
async function refusedWith(code: string): Promise<{ error: unknown; stored: string | undefined }> {
  const h = makeService(emu);
  await h.auth.signIn();
  const stored = await readRefreshToken(ADA_ID);
  h.clock.advance(TWO_HOURS);
  h.settings.fetch = (input, init) =>
    String(input instanceof Request ? input.url : input).endsWith('/2/oauth2/token')
      ? Promise.resolve(Response.json({ error: code, error_description: DESCRIPTION }, { status: 400 }))
      : fetch(input, init);
  return { error: await getMe(h.auth.clientFor(ADA_ID, h.settings)).catch((e: unknown) => e), stored };
}

describe('a sign-in renewal X refuses with an OAuth error code', () => {
  it.each(['invalid_scope', 'unsupported_grant_type', 'a_code_x_adds_later'])(
    'says X refused, in X’s words, and keeps the account signed in, for %s',
    async (code) => {
      const { error, stored } = await refusedWith(code);
      expect(error).toBeInstanceOf(XApiError);
      expect((error as XApiError).kind).toBe('invalid-request');
      expect(actionErrorText(storedError(error as XApiError))).toBe(`X refused the request. X said: “${FSI}${DESCRIPTION}${PDI}”`);
      expect((await readSessionView()).accounts.map((a) => a.id)).toEqual([ADA_ID]);
      expect((await readSessionView()).notice).toBeNull();
      expect(await readRefreshToken(ADA_ID)).toBe(stored);
    },
  );

  it.each(['unauthorized_client', 'invalid_client'])('still says X refused Perch’s app for %s', async (code) => {
    const { error } = await refusedWith(code);
    expect((error as XApiError).kind).toBe('app-no-access');
    expect(actionErrorText(storedError(error as XApiError))).toMatch(/^X refused Perch’s X app when Perch asked to renew your sign-in/);
    expect((await readSessionView()).accounts.map((a) => a.id)).toEqual([ADA_ID]);
  });

  it('still ends the sign-in for invalid_grant, saying so', async () => {
    const { error } = await refusedWith('invalid_grant');
    expect((error as XApiError).kind).toBe('signed-out');
    expect((await readSessionView()).accounts).toEqual([]);
    expect((await readSessionView()).notice).not.toBeNull();
  });
});
