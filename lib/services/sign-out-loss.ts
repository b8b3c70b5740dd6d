import { db } from '../db';
import { readNote } from '../db/row-fields';

/**
 * What signing out would delete that exists nowhere else: actions not yet sent to X, drafts, and the bookmarks the
 * person tagged or wrote a note on (kept only if they choose to keep them).
 */
export interface SignOutLoss {
  queued: number;
  drafts: number;
  /** Bookmarks with the person's tags or a note; absent when not counted, so none can be promised kept. */
  notes?: number;
}

/**
 * Counts what signing out of this account would lose (`account.signOutLoss`), in the background's store: the
 * screens ask for it, so the popup carries no store. @throws if IndexedDB fails.
 */
export async function signOutLoss(accountId: string): Promise<SignOutLoss> {
  const [queued, sending, drafts, notes] = await Promise.all([
    db().actions.where('[accountId+state]').equals([accountId, 'queued']).count(),
    db().actions.where('[accountId+state]').equals([accountId, 'sending']).count(),
    db().drafts.where('accountId').equals(accountId).count(),
    db()
      .bookmarkNotes.where('accountId')
      .equals(accountId)
      .filter((row) => {
        const n = readNote(row);
        return !!n && (n.tags.length > 0 || n.note !== '');
      })
      .count(),
  ]);
  return { queued: queued + sending, drafts, notes };
}
