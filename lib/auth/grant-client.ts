import { revokeToken, type OAuthSettings } from './oauth';

/**
 * A grant (refresh token and its access token) belongs to the X app that issued it: X refreshes or revokes it only
 * for that app's Client ID (fundamentals--authentication--oauth-2-0--user-access-token, steps 5 and 6). The Client ID
 * is kept with each grant (lib/auth/token-store.ts), so an account signed in before the person changed their Client ID
 * keeps working with its own app, and signing it out or in again hands its grant back to that app, not the new one.
 */

/** The settings to refresh or revoke a grant with: the current ones, with the grant's own Client ID when it has one. */
export function settingsForGrant(s: OAuthSettings, clientId: string | undefined): OAuthSettings {
  return clientId && clientId !== s.clientId ? { ...s, clientId } : s;
}

/** Hands tokens back to X in the background, each batch one token after the other; failures are ignored. */
export class Revoker {
  private readonly running = new Set<Promise<void>>();

  /** Starts revoking `tokens` (undefined ones skipped) with `s`, which must carry the Client ID that issued them. */
  later(s: OAuthSettings, tokens: (string | undefined)[]): void {
    const run = (async () => {
      for (const token of tokens) if (token) await revokeToken(s, token).catch(() => undefined);
    })();
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
  }

  /** Resolves once the revocations started so far have ended, however they ended. */
  async settled(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running]);
  }
}
