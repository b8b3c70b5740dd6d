/**
 * Build-time settings (see README "Configuration"). WXT inlines `import.meta.env.WXT_*` at build time;
 * `.env.test` and `.env.demo` point them at the local X API emulator.
 */
// Outside a WXT build (benchmarks run the services in Node) there is no import.meta.env: use the defaults.
const env: Partial<ImportMetaEnv> = (import.meta as { env?: ImportMetaEnv }).env ?? {};
export const X_API_BASE_URL: string = env.WXT_X_API_BASE_URL || 'https://api.x.com';
export const X_AUTHORIZE_URL: string = env.WXT_X_AUTHORIZE_URL || 'https://x.com/i/oauth2/authorize';
/** Optional default Client ID baked into the build; the user's own entry on the options page wins. */
export const DEFAULT_CLIENT_ID: string = env.WXT_X_CLIENT_ID || '';

/** Every scope Perch asks for, in X's own names. `offline.access` gives the refresh token; `media.write` images. */
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
  'block.write',
  'like.read',
  'like.write',
  'follows.read',
  'follows.write',
  'media.write',
  'offline.access',
] as const;

/** True when the API is reached over plain http (only the local emulator, never X itself). */
export const INSECURE_API: boolean = new URL(X_API_BASE_URL).protocol === 'http:';
