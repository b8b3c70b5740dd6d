/**
 * Build-time settings (see README "Configuration"). WXT inlines `import.meta.env.WXT_*` at build time;
 * `.env.test` and `.env.demo` point them at the local X API emulator.
 */
// Outside a WXT build (benchmarks run the services in Node) there is no import.meta.env: use the defaults.
export const X_API_BASE_URL: string = import.meta.env?.WXT_X_API_BASE_URL || 'https://api.x.com';
export const X_AUTHORIZE_URL: string = import.meta.env?.WXT_X_AUTHORIZE_URL || 'https://x.com/i/oauth2/authorize';
/** Optional default Client ID baked into the build; the user's own entry on the options page wins. */
export const DEFAULT_CLIENT_ID: string = import.meta.env?.WXT_X_CLIENT_ID || '';

/**
 * Every scope Perch asks for, in X's own names — no more (least privilege). The first group is the union of the
 * `security` scopes (OAuth2UserToken) of the operations Perch calls, read from X's OpenAPI description
 * (lib/x/operations.ts lists them; a unit test derives this set from the description and fails on any difference).
 */
export const X_SCOPES = [
  'tweet.read',
  'tweet.write',
  'users.read',
  'bookmark.read',
  'bookmark.write',
  'list.read',
  'list.write',
  'mute.read',
  'mute.write',
  'block.read',
  'like.write',
  'follows.write',
  'media.write',
  // Not in any operation's `security`, each asked for on purpose (SCOPES_BEYOND_THE_DESCRIPTION says why).
  'offline.access',
  'block.write',
] as const;

/** The scopes Perch asks for that no operation in X's description names, and why. */
export const SCOPES_BEYOND_THE_DESCRIPTION: Readonly<Record<string, string>> = {
  'offline.access':
    'X issues a refresh token only with it (fundamentals--authentication--oauth-2-0--authorization-code): without it the person is signed out every 2 hours.',
  'block.write':
    'Block and unblock (POST /2/users/{id}/blocking, DELETE /2/users/{source_user_id}/blocking/{target_user_id}) are Enterprise-only and absent from the description; the docs (x-api--users--blocks--*) name block.write.',
};

/** True when the API is reached over plain http (only the local emulator, never X itself). */
export const INSECURE_API: boolean = new URL(X_API_BASE_URL).protocol === 'http:';
