import { i18n } from '#i18n';
import type { browser } from 'wxt/browser';
import { badgeTitle, unnamedListId, withStoredListName } from '@/lib/action-words';
import {
  asNotes,
  FAILED_PREFIX,
  failedKey,
  needsPerson,
  unshown,
  withChange,
  withShown,
  type FailureNote,
  type NotedAction,
} from '@/lib/failed-actions';
import type { ActionChange } from '@/lib/services/outbox-feed';

/** What the badge needs of the browser: its storage and the toolbar action (fakes in unit tests). */
export interface BadgeDeps {
  area: Pick<typeof browser.storage.local, 'get' | 'set' | 'remove'>;
  action: Pick<typeof browser.action, 'setBadgeText' | 'setBadgeBackgroundColor' | 'setTitle'>;
  /** The action row the change is about (its type and parameters name it). */
  actionOf(seq: number): Promise<NotedAction | undefined>;
  now(): number;
  /**
   * The name of one of the account's Lists as the store holds it, if it does: a List action that carried only the
   * List's id (pinned from the popup before Perch read the Lists) is named by it in the title once Perch holds it.
   */
  listNameOf?(accountId: string, listId: string): Promise<string | undefined>;
}

/** X's red, as the context menus' "!" uses it. */
const RED = '#f4212e';

/**
 * The toolbar badge for queued actions that ended needing the person (lib/failed-actions.ts): each change the outbox
 * publishes is noted — always, whatever Perch screen is open: a manager tab in another window is not the person
 * looking — or un-noted, and the badge shows how many no screen has shown yet, across accounts, with a title saying
 * what failed. Writes are chained, so two changes at once cannot lose one another.
 */
export function createFailureBadge(deps: BadgeDeps) {
  let last: Promise<void> = Promise.resolve();
  /** The paint asked for that has not begun yet, if any. */
  let queued: Promise<void> | undefined;
  const chain = (step: () => Promise<void>): Promise<void> => {
    last = last.then(step).catch(() => undefined);
    return last;
  };

  async function notesOf(accountId: string): Promise<FailureNote[]> {
    const items: Record<string, unknown> = await deps.area.get(failedKey(accountId));
    return asNotes(items[failedKey(accountId)]);
  }

  async function store(accountId: string, notes: FailureNote[]): Promise<void> {
    if (notes.length) await deps.area.set({ [failedKey(accountId)]: notes });
    else await deps.area.remove(failedKey(accountId));
  }

  /** The note worded with its List's name where it carried only the List's id and the store now holds the name. */
  async function named(accountId: string, note: FailureNote): Promise<FailureNote> {
    const listId = unnamedListId(note);
    if (listId === undefined || !deps.listNameOf) return note;
    const name = await deps.listNameOf(accountId, listId).catch(() => undefined);
    return withStoredListName(note, typeof name === 'string' ? name : undefined);
  }

  /** Paints the badge from what is stored: the count and its title, or nothing. */
  async function paintNow(): Promise<void> {
    const items: Record<string, unknown> = await deps.area.get(null);
    const notes = await Promise.all(
      Object.entries(items)
        .filter(([key]) => key.startsWith(FAILED_PREFIX))
        .flatMap(([key, value]) => unshown(asNotes(value)).map((note) => named(key.slice(FAILED_PREFIX.length), note))),
    );
    if (!notes.length) {
      await deps.action.setBadgeText({ text: '' });
      await deps.action.setTitle({ title: i18n.t('extName') });
      return;
    }
    await deps.action.setBadgeBackgroundColor({ color: RED });
    await deps.action.setBadgeText({ text: String(notes.length) });
    await deps.action.setTitle({ title: badgeTitle(notes) });
  }

  return {
    /** A change the outbox published (after it is stored). */
    note(change: ActionChange): Promise<void> {
      return chain(async () => {
        const before = await notesOf(change.accountId);
        const noted = before.some((n) => n.seq === change.seq);
        // Most changes (sending, done) concern no note: nothing to read or write.
        if (!noted && !needsPerson(change)) return;
        const action = await deps.actionOf(change.seq);
        await store(change.accountId, withChange(before, change, action, new Date(deps.now()).toISOString()));
        await paintNow();
      });
    },
    /**
     * The person has seen these failures and is done with them (Dismiss, Retry by sending anew, the Activity tab
     * showing their rows, the failure shown at once on the button clicked): all of the account's without `seqs`.
     */
    seen(accountId: string, seqs?: readonly number[]): Promise<void> {
      return chain(async () => {
        const before = await notesOf(accountId);
        await store(accountId, seqs ? before.filter((n) => !seqs.includes(n.seq)) : []);
        await paintNow();
      });
    },
    /** The popup's line has shown these (all of the account's without `seqs`): kept for the line, off the badge. */
    shown(accountId: string, seqs?: readonly number[]): Promise<void> {
      return chain(async () => {
        const before = await notesOf(accountId);
        const after = withShown(before, seqs);
        if (after.every((n, i) => n === before[i])) return;
        await store(accountId, after);
        await paintNow();
      });
    },
    /**
     * Paints the badge again from what is stored (a worker start, after a sign-out wiped an account's notes, after
     * the Lists were read: a List named only by its id may now be named).
     */
    paint(): Promise<void> {
      // A paint still waiting its turn reads the store when it runs, so it shows whatever was written before: an ask
      // made meanwhile (a burst of writes, each telling of itself) joins it rather than painting once more.
      queued ??= chain(() => {
        queued = undefined;
        return paintNow();
      });
      return queued;
    },
  };
}

export type FailureBadge = ReturnType<typeof createFailureBadge>;
