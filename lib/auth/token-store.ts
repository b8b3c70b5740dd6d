import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { fromBase64, toBase64 } from '../base64';
import { AuthError } from './errors';
import { getTokenKey } from './key-store';

/**
 * Where tokens live, per X account (keyed by the X user id):
 *   storage.local   `auth.refresh.<id>`  the refresh token, AES-GCM encrypted with a non-extractable key
 *   storage.session `auth.access.<id>`   the access token, its expiry and scopes (memory-only, gone when the
 *                                        browser closes)
 *   storage.local   `auth.legacyClientId` the app of grants saved before each grant kept its Client ID
 *   storage.local   `auth.renewing.<id>` a renewal under way: the sealed refresh token's IV (not secret), until
 *                                        X's answer came
 *   storage.session `auth.renewalLimit.<id>` until when X's limit on renewing holds (lib/auth/renewal-limit.ts);
 *                                        storage.local in a browser without storage.session
 * Only the background reads or writes these keys.
 */

export interface AccessToken {
  token: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** When X issued it (epoch ms): with `expiresAt`, its lifetime, which bounds how early it is refreshed. */
  obtainedAt?: number | undefined;
  scope: string;
}

export interface TokenPair {
  access: AccessToken;
  refreshToken: string;
  /** The X app (Client ID) that issued the pair: only it may refresh or revoke it (lib/auth/grant-client.ts). */
  clientId?: string | undefined;
}

/**
 * Refresh this long before X's expiry, so a request never leaves with a token about to die — or half the token's
 * lifetime, if X issues tokens that live less than twice this (else every call would refresh).
 */
export const REFRESH_AHEAD_MS = 5 * 60 * 1000;

/** True while an access token may still be sent without refreshing it first. */
export function fresh(access: AccessToken, now: number): boolean {
  const lifetime = access.obtainedAt !== undefined ? access.expiresAt - access.obtainedAt : Infinity;
  return access.expiresAt - now > Math.min(REFRESH_AHEAD_MS, lifetime / 2);
}

// Built on first use (z.lazy), as lib/x's schemas: not every woken worker reads a token.
// `clientId` is not secret (it is in every authorize URL), so it is kept beside the sealed token, not in it.
const encryptedSchema = z.lazy(() => z.object({ v: z.literal(1), iv: z.string(), data: z.string(), clientId: z.optional(z.string()) }));
const accessSchema = z.lazy(() =>
  z.object({
    token: z.string().check(z.minLength(1)),
    expiresAt: z.number(),
    obtainedAt: z.optional(z.number()),
    scope: z.string(),
  }),
);

const refreshKey = (userId: string) => `auth.refresh.${userId}`;
const accessKey = (userId: string) => `auth.access.${userId}`;
const renewingKey = (userId: string) => `auth.renewing.${userId}`;
export const renewalLimitKey = (userId: string) => `auth.renewalLimit.${userId}`;

/** Where X's limit on renewing is kept: storage.session, else storage.local (a browser without storage.session). */
export function renewalLimitArea() {
  // Typed as always there; a browser without it (Firefox before 115) has none.
  return (browser.storage.session as typeof browser.storage.session | undefined) ?? browser.storage.local;
}

async function encrypt(plain: string, userId: string): Promise<z.infer<typeof encryptedSchema>> {
  const key = await getTokenKey();
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(userId) },
    key,
    new TextEncoder().encode(plain),
  );
  return { v: 1, iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

async function decrypt(sealed: z.infer<typeof encryptedSchema>, userId: string, key: CryptoKey): Promise<string> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: new TextEncoder().encode(userId) },
    key,
    fromBase64(sealed.data),
  );
  return new TextDecoder().decode(plain);
}

/**
 * Reads the refresh token of an account.
 * @returns undefined when there is none, or when what is stored cannot be decrypted (a lost key, a tampered
 * value): either way the account cannot refresh and must sign in again.
 * @throws AuthError 'server' ('key-not-stored') when the key could not be read (IndexedDB failing for a moment): the sealed token is
 * still good, so the account must not be signed out for it.
 */
export async function readRefreshToken(userId: string): Promise<string | undefined> {
  const stored: Record<string, unknown> = await browser.storage.local.get(refreshKey(userId));
  const parsed = encryptedSchema.safeParse(stored[refreshKey(userId)]);
  if (!parsed.success) return undefined;
  let key: CryptoKey;
  try {
    key = await getTokenKey();
  } catch (error) {
    throw error instanceof AuthError ? error : new AuthError('server', { kind: 'key-not-stored' }, { cause: error });
  }
  try {
    return await decrypt(parsed.data, userId, key);
  } catch {
    return undefined;
  }
}

/**
 * The Client ID in use when the person first changed it, kept while any grant saved before Perch kept each grant's
 * Client ID remains: the app that issued those grants. A key of its own, so no grant is ever rewritten for it (a
 * rewrite could put back a refresh token X has already rotated, and sign the account out).
 */
const LEGACY_CLIENT_ID_KEY = 'auth.legacyClientId';

const unmarked = (all: Record<string, unknown>) =>
  Object.entries(all).some(([key, value]) => {
    const parsed = key.startsWith('auth.refresh.') ? encryptedSchema.safeParse(value) : undefined;
    return parsed?.success === true && parsed.data.clientId === undefined;
  });

/**
 * The Client ID that issued the account's grant, or undefined for none. A grant saved before Client IDs were kept
 * answers with the Client ID in use before the person changed it (`rememberLegacyClientId`), or undefined when it
 * never changed (the grant is then the current app's).
 */
export async function readGrantClientId(userId: string): Promise<string | undefined> {
  const stored: Record<string, unknown> = await browser.storage.local.get([refreshKey(userId), LEGACY_CLIENT_ID_KEY]);
  const parsed = encryptedSchema.safeParse(stored[refreshKey(userId)]);
  if (!parsed.success) return undefined;
  const legacy = stored[LEGACY_CLIENT_ID_KEY];
  return parsed.data.clientId ?? (typeof legacy === 'string' && legacy ? legacy : undefined);
}

/**
 * Called before the person's Client ID changes from `clientId`: when a grant saved before Client IDs were kept
 * remains, remembers `clientId` as the app that issued it (once: a later change keeps the first), so that grant keeps
 * being refreshed and revoked with its own app. Writes no grant.
 */
export async function rememberLegacyClientId(clientId: string): Promise<void> {
  if (!clientId) return;
  const all: Record<string, unknown> = await browser.storage.local.get(null);
  if (all[LEGACY_CLIENT_ID_KEY] === undefined && unmarked(all)) await browser.storage.local.set({ [LEGACY_CLIENT_ID_KEY]: clientId });
}

/** Reads the access token of an account, or undefined when there is none (or it is malformed). */
export async function readAccessToken(userId: string): Promise<AccessToken | undefined> {
  const stored: Record<string, unknown> = await browser.storage.session.get(accessKey(userId));
  const parsed = accessSchema.safeParse(stored[accessKey(userId)]);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Persists a freshly issued pair before anyone uses it. The refresh token goes first, in one write: it is
 * the only thing that cannot be got back (X has already killed the previous one). If the worker stops
 * between the two writes, the stored refresh token is the new one and the next call simply refreshes again.
 * @throws if storage or encryption fails; the caller must then not use the new access token.
 */
export async function saveTokenPair(userId: string, pair: TokenPair): Promise<void> {
  const sealed = await encrypt(pair.refreshToken, userId);
  await browser.storage.local.set({ [refreshKey(userId)]: pair.clientId ? { ...sealed, clientId: pair.clientId } : sealed });
  await browser.storage.session.set({ [accessKey(userId)]: pair.access });
}

/**
 * Marks a renewal of the account's stored refresh token as under way, before its request leaves: the mark names that
 * token (its sealed IV), so a later grant never inherits it. Answers whether an earlier renewal of the same token was
 * marked and never ended (the worker stopped, or X's answer was lost on the way): X may then have rotated it already,
 * and refuses it now. Best effort: false, and no mark, when storage fails. Throws nothing.
 */
export async function beginRenewal(userId: string): Promise<boolean> {
  try {
    const stored: Record<string, unknown> = await browser.storage.local.get([refreshKey(userId), renewingKey(userId)]);
    const sealed = encryptedSchema.safeParse(stored[refreshKey(userId)]);
    if (!sealed.success) return false;
    if (stored[renewingKey(userId)] === sealed.data.iv) return true;
    await browser.storage.local.set({ [renewingKey(userId)]: sealed.data.iv });
    return false;
  } catch {
    return false;
  }
}

/** Ends the renewal mark {@link beginRenewal} wrote: X answered, or its new pair is saved. Throws nothing. */
export async function endRenewal(userId: string): Promise<void> {
  await browser.storage.local.remove(renewingKey(userId)).catch(() => undefined);
}

/** Removes every token of one account, locally. Never throws for a missing account. */
export async function clearTokens(userId: string): Promise<void> {
  await browser.storage.local.remove([refreshKey(userId), renewingKey(userId)]);
  await browser.storage.session.remove(accessKey(userId));
  await renewalLimitArea()
    .remove(renewalLimitKey(userId))
    .catch(() => undefined);
  const all: Record<string, unknown> = await browser.storage.local.get(null);
  if (all[LEGACY_CLIENT_ID_KEY] !== undefined && !unmarked(all)) await browser.storage.local.remove(LEGACY_CLIENT_ID_KEY);
}

/** Lists the user ids that hold a refresh token (the signed-in accounts as far as tokens go). */
export async function accountsWithTokens(): Promise<string[]> {
  const all: Record<string, unknown> = await browser.storage.local.get(null);
  return Object.keys(all)
    .filter((k) => k.startsWith('auth.refresh.'))
    .map((k) => k.slice('auth.refresh.'.length));
}
