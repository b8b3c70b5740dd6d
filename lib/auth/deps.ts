import type { KeepChoice } from '../db/wipe';
import type { OAuthSettings } from './oauth';

/** What the auth service is given: settings, the browser's sign-in window, and what tests replace. */
export interface AuthDeps {
  /** Current settings: Client ID (user's or build's), endpoints, redirect URI, scopes. */
  settings: () => Promise<OAuthSettings>;
  /** browser.identity.launchWebAuthFlow, interactive. */
  launchWebAuthFlow: (url: string) => Promise<string>;
  fetch?: typeof fetch;
  now?: () => number;
  /** navigator.locks where the context has it. */
  locks?: Pick<LockManager, 'request'>;
  /** Removes the account's data but `keep` (lib/storage-wipe.ts `wipeAccount`), as a sign-out's last step. */
  wipe?: (accountId: string, keep: readonly KeepChoice[]) => Promise<void>;
}
