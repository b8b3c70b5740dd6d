import { AuthError } from '@/lib/auth/errors';
import type { Handlers, RequestType } from '@/lib/message-contract';
import { readSessionView } from '@/lib/storage';

/**
 * Requests that name an account act only for one signed in. A screen opened before a sign-out (the side panel, a
 * manager tab, a composer saving its draft as it closes) may still send one for the account signed out: acting on it
 * would queue an action that X is sent when the account signs in again, or write back rows the sign-out wiped (a
 * draft, a note, a tag) that the person chose not to keep. Such a request is answered "signed out", and nothing is
 * written or sent.
 *
 * Not refused: signing out (again) and counting what signing out would delete, which concern an account leaving, and
 * "Check my X app", which looks the account up itself.
 */
const FOR_ANY_ACCOUNT: ReadonlySet<RequestType> = new Set<RequestType>(['auth.signOut', 'account.signOutLoss', 'app.check']);

/** Whether the account is one the session view holds (signed in). */
export async function isSignedIn(accountId: string): Promise<boolean> {
  return (await readSessionView()).accounts.some((a) => a.id === accountId);
}

/**
 * The handlers, each refusing a request for an account that is not signed in.
 * @throws AuthError 'signed-out' (from the returned handlers) for such a request
 */
export function signedInOnly(handlers: Handlers, signedIn: (accountId: string) => Promise<boolean> = isSignedIn): Handlers {
  const guarded = { ...handlers } as Record<RequestType, (request: never) => Promise<unknown>>;
  for (const type of Object.keys(handlers) as RequestType[]) {
    if (FOR_ANY_ACCOUNT.has(type)) continue;
    const handler = handlers[type] as (request: unknown) => Promise<unknown>;
    guarded[type] = async (request: { accountId?: unknown }) => {
      if (typeof request.accountId === 'string' && !(await signedIn(request.accountId))) throw new AuthError('signed-out');
      return handler(request);
    };
  }
  return guarded as Handlers;
}
