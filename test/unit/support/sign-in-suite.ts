/**
 * What the sign-in tests share: one X API emulator for the file, X's state as seeded before each test
 * (`withTestEmulator()`); the isolates X's words are quoted in on screen; and what the background hands "Check my X
 * app" while nobody is signed in. `emu` is a live binding: read it inside tests and hooks, not at load.
 */
import type { SignInOutcome } from '@/lib/auth/sign-in-outcome';
import { X_SCOPES } from '@/lib/config';
import type { AppCheckDeps } from '@/lib/services/app-check';
import { CLIENT_ID, REDIRECT_URI } from '../auth/support';

export { emu, withTestEmulator } from './emulator';

/** FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: X's words sit between them on screen (Unicode UAX #9). */
export const FSI = '\u2068';
export const PDI = '\u2069';

/** "Check my X app" with nobody signed in, after `lastSignIn`: there is no account and no client to send with. */
export function noAccountDeps(lastSignIn: SignInOutcome | undefined, now: () => number): AppCheckDeps {
  return {
    account: null,
    clientId: CLIENT_ID,
    redirectUrl: REDIRECT_URI,
    neededScopes: X_SCOPES,
    lastSignIn,
    grantedScope: undefined,
    client: undefined,
    now,
  };
}
