import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { actionErrorText } from '@/lib/action-words';
import { readRefreshToken } from '@/lib/auth/token-store';
import { ACTIONS } from '@/lib/services/actions';
import { storedError } from '@/lib/services/outbox-failure';
import { SyncService } from '@/lib/services/sync';
import { readSessionView } from '@/lib/storage';
import { XApiError } from '@/lib/x/errors';
import { getMe } from '@/lib/x/users';
import { syncErrorText } from '@/components/manager/sync-words';
import { readInJapanese } from '../locales/in-japanese';
import { freshDb } from '../services/support';
import { emu, withTestEmulator } from '../support/emulator';
import { ADA_ID, control, liveRefreshToken, makeService, tokenRequests, type Harness } from './support';

/**
 * X answers 401 to a request, Perch renews the sign-in (X accepts: a new pair), and X answers 401 again to the very
 * token it has just issued. A 401 is "invalid or missing authentication credentials"
 * (x-api--fundamentals--response-codes-and-errors): X refused this request's credentials, yet the sign-in itself
 * renewed and stays. The person reads that, not "You are signed out of X" while the account shows signed in; nothing
 * is cleared, and Perch renews once per request, no more.
 */

const FSI = '\u2068';
const PDI = '\u2069';
/** Perch's sentence, then X's own words for its 401, quoted as X's. */
const REFUSED =
  'X did not accept Perch’s sign-in this time, though you are still signed in. Try again later; if it keeps happening, sign out and sign in with X again.' +
  ` X said: “${FSI}Unauthorized${PDI}”`;
const REFUSED_JA =
  '今回はXがPerchのログインを受け付けませんでしたが、ログインしたままです。後でもう一度お試しください。繰り返し起きる場合は、ログアウトしてXで再度ログインしてください。' +
  `Xのメッセージ:「${FSI}Unauthorized${PDI}」`;
const SIGNED_OUT = 'You are signed out of X. Sign in with X again.';

withTestEmulator();
beforeEach(() => freshDb());

/** Signs Ada in, then has X answer 401 to the next two requests to `path`: before and after the renewal. */
async function refusedTwice(path: string): Promise<Harness> {
  const h = makeService(emu);
  await h.auth.signIn();
  await control(emu, 'POST', 'faults', { path, count: 2, kind: 'status', status: 401 });
  return h;
}

const requestsTo = (path: string) => emu.state.log.filter((e) => e.path === path).map((e) => e.status);

describe('a 401 to the token X has just renewed', () => {
  it('says X did not accept the sign-in this time, keeps the account signed in, and renews once', async () => {
    const h = await refusedTwice('/2/users/me');

    const error = await getMe(h.auth.clientFor(ADA_ID, h.settings)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XApiError);
    expect((error as XApiError).message).toBe(REFUSED);
    expect(actionErrorText(storedError(error as XApiError))).toBe(REFUSED);
    expect(actionErrorText(storedError(error as XApiError))).not.toBe(SIGNED_OUT);

    // Still signed in, the renewed sign-in kept: the next request goes through with it.
    expect((await readSessionView()).accounts.map((a) => a.id)).toEqual([ADA_ID]);
    expect(await readRefreshToken(ADA_ID)).toBe(liveRefreshToken(emu, ADA_ID));
    expect(tokenRequests(emu, 'refresh_token')).toHaveLength(1);
    expect(requestsTo('/2/users/me')).toEqual([200, 401, 401]);
    expect((await getMe(h.auth.clientFor(ADA_ID, h.settings))).id).toBe(ADA_ID);
    expect(tokenRequests(emu, 'refresh_token')).toHaveLength(1);

    readInJapanese();
    expect(actionErrorText(storedError(error as XApiError))).toBe(REFUSED_JA);
  });

  it('has a sync of the muted accounts say so on its tab, and stop there with the account signed in', async () => {
    const path = `/2/users/${ADA_ID}/muting`;
    const h = await refusedTwice(path);
    const sync = new SyncService({ clientFor: () => Promise.resolve(h.auth.clientFor(ADA_ID, h.settings)), defs: ACTIONS });

    const result = await sync.sync(ADA_ID, 'muted', { force: true });

    expect(result.ran).toBe(false);
    expect(syncErrorText(result.error!)).toBe(REFUSED);
    expect((await readSessionView()).accounts.map((a) => a.id)).toEqual([ADA_ID]);
    expect(tokenRequests(emu, 'refresh_token')).toHaveLength(1);
    expect(requestsTo(path)).toEqual([401, 401]);

    readInJapanese();
    expect(syncErrorText(result.error!)).toBe(REFUSED_JA);
  });
});
