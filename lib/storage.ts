import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

/**
 * Storage items, declared once. Each says when it is wiped:
 *   clientId          — never (the user's own setting)
 *   session.view      — updated on every sign-in/out; holds no secrets, UIs read it
 *   auth.* (lib/auth) — tokens, cleared on sign-out or when X refuses the refresh token
 */

/** The X account as the UIs see it: public profile fields only, never a token. */
export const accountViewSchema = z.object({
  id: z.string().regex(/^\d+$/),
  name: z.string(),
  username: z.string(),
  profileImageUrl: z.string().optional(),
});
export type AccountView = z.infer<typeof accountViewSchema>;

/** Why the user is signed out when they did not ask to be. Shown in the account header. */
export const signedOutNoticeSchema = z.object({
  username: z.string().optional(),
  reason: z.string(),
  at: z.string(),
});
export type SignedOutNotice = z.infer<typeof signedOutNoticeSchema>;

export const sessionViewSchema = z.object({
  accounts: z.array(accountViewSchema),
  activeAccountId: z.string().nullable(),
  notice: signedOutNoticeSchema.nullable(),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

export const EMPTY_SESSION: SessionView = { accounts: [], activeAccountId: null, notice: null };

/** Public session state, written only by the background. clearOn: never (entries go with their account). */
export const sessionView = storage.defineItem<SessionView>('local:session.view', {
  fallback: EMPTY_SESSION,
  version: 1,
});

/** The user's X app Client ID, entered on the options page. clearOn: never. */
export const clientIdItem = storage.defineItem<string>('local:settings.clientId', {
  fallback: '',
  version: 1,
});

/** Reads the session view, treating anything malformed (another writer, an old version) as empty. */
export async function readSessionView(): Promise<SessionView> {
  const parsed = sessionViewSchema.safeParse(await sessionView.getValue());
  return parsed.success ? parsed.data : EMPTY_SESSION;
}
