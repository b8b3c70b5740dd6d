import { db } from '../db';

/** What signing out would delete that exists nowhere else: actions not yet sent to X, and drafts. */
export interface SignOutLoss {
  queued: number;
  drafts: number;
}

/**
 * Counts what signing out of this account would lose (`account.signOutLoss`), in the background's store: the
 * screens ask for it, so the popup carries no store. @throws if IndexedDB fails.
 */
export async function signOutLoss(accountId: string): Promise<SignOutLoss> {
  const [queued, sending, drafts] = await Promise.all([
    db().actions.where('[accountId+state]').equals([accountId, 'queued']).count(),
    db().actions.where('[accountId+state]').equals([accountId, 'sending']).count(),
    db().drafts.where('accountId').equals(accountId).count(),
  ]);
  return { queued: queued + sending, drafts };
}
