import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { pairKey } from '@/lib/action-pairs';
import type { ActionType } from '@/lib/action-types';
import { unnamedListId, withStoredListName } from '@/lib/action-words';
import { db, type ActionRow } from '@/lib/db';
import { needsPerson, type FailureNote } from '@/lib/failed-actions';
import { sendMessage, type ActionRequest } from '@/lib/messaging';
import { thrownText } from '@/components/error-text';
import { useFailureNotes } from '@/components/use-failure-notes';

/** How long a tab keeps showing the outcome of an action taken before it was opened. */
const RECENT_MS = 60 * 60_000;

/**
 * One action of the outbox and its undo, live, as the background sends them. The undo is the one the action
 * records, or `undoSeq` (the undo this screen asked for: the outbox unlinks an undo X refused). `over` is the later
 * action of its pair on the same thing that took over from it, waiting or done (lib/action-pairs.ts: the popup's
 * Unmute of a mute done here), when there is one.
 */
export function useActionRow(
  accountId: string,
  seq: number | undefined,
  undoSeq: number | undefined,
): { action: ActionRow; undo?: ActionRow; over?: ActionRow } | undefined {
  return useLiveQuery(async () => {
    if (seq === undefined) return undefined;
    const row = await db().actions.get(seq);
    if (!row || row.accountId !== accountId) return undefined;
    // A List action that did not carry the List's name is named from the store once Perch holds that List.
    const listId = unnamedListId(row);
    const list = listId === undefined ? undefined : await db().lists.get([accountId, listId]);
    const action = withStoredListName(row, typeof list?.name === 'string' ? list.name : undefined);
    const undoId = action.undoneBy ?? undoSeq;
    const undo = undoId !== undefined ? await db().actions.get(undoId) : undefined;
    const key = pairKey(action);
    const over =
      key === undefined
        ? undefined
        : await db()
            .actions.where('[accountId+seq]')
            .between([accountId, seq + 1], [accountId, Dexie.maxKey])
            .filter((a) => a.state !== 'failed' && pairKey(a) === key)
            .first();
    return { action, ...(undo && undo.undoOf === seq ? { undo } : {}), ...(over ? { over } : {}) };
  }, [accountId, seq, undoSeq]);
}

/**
 * The failure the toolbar badge counts (lib/failed-actions.ts) that a status line is showing, by its number: the
 * undo's when the line follows an undo, else the action's — when it needs the person (refused by X, its tries spent,
 * waiting for them).
 */
export function shownFailure(live: { action: ActionRow; undo?: ActionRow } | undefined): number | undefined {
  const row = live?.undo ?? live?.action;
  return row?.seq !== undefined && needsPerson(row) ? row.seq : undefined;
}

/**
 * What a screen tells the background of the failures it showed (a status line its one, the Activity tab the failed
 * rows it drew): `update(showing, notes)` with the failure or failures it shows now and the account's failure notes
 * sends (`send`, the `failures.seen` message) each note of a failure it showed while the page was in view
 * (`visible()`: a manager tab left open in another window is not the person looking), once per note — the note may be
 * stored just after the screen showed the failure. A telling the background refused is told again on the next update.
 */
export function createSeenTeller(send: (seqs: number[]) => Promise<unknown>, visible: () => boolean) {
  const showed = new Set<number>();
  const told = new Set<string>();
  return (showing: number | readonly number[] | undefined, notes: readonly FailureNote[]): void => {
    if (!visible()) return;
    for (const seq of typeof showing === 'number' ? [showing] : (showing ?? [])) showed.add(seq);
    const due = notes.filter((n) => showed.has(n.seq) && !told.has(`${n.seq}@${n.at}`));
    if (!due.length) return;
    const keys = due.map((n) => `${n.seq}@${n.at}`);
    for (const key of keys) told.add(key);
    send(due.map((n) => n.seq)).catch(() => {
      for (const key of keys) told.delete(key);
    });
  };
}

/**
 * A failure shown in a status line or an Activity row is seen, as the popup's button showing it is: once shown while
 * the page is in view, it leaves the toolbar badge and the popup's first line (`failures.seen`).
 */
export function useFailureSeen(accountId: string, showing: number | readonly number[] | undefined): void {
  const notes = useFailureNotes(accountId);
  const tell = useMemo(
    () =>
      createSeenTeller(
        (seqs) => sendMessage({ type: 'failures.seen', accountId, seqs }),
        () => document.visibilityState === 'visible',
      ),
    [accountId],
  );
  useEffect(() => {
    const update = () => tell(showing, notes);
    update();
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, [tell, showing, notes]);
}

/**
 * The action a tab's status line follows: the last one taken in the tab, or else the latest of these types taken in
 * the last hour (so a refusal — such as X's Enterprise-only blocks — is still explained after the panel reopens).
 */
function useLastAction(accountId: string, types: readonly ActionType[], taken: number | undefined): number | undefined {
  const key = types.join(',');
  const read = useLiveQuery(async () => {
    const since = new Date(Date.now() - RECENT_MS).toISOString();
    const wanted = new Set(key.split(','));
    const row = await db()
      .actions.where('[accountId+seq]')
      .between([accountId, Dexie.minKey], [accountId, Dexie.maxKey])
      .reverse()
      // Newest first, so the walk stops at the first action older than the hour, not at the end of a year's log.
      .until((a) => a.createdAt < since)
      .filter((a) => wanted.has(a.type) && a.undoOf === undefined)
      .first();
    return { seq: row && row.createdAt >= since ? row.seq : undefined };
  }, [accountId, key]);
  return taken ?? read?.seq;
}

/**
 * The account's actions of `types` still waiting for X (queued or being sent). Read it in the same live query as the
 * rows those actions changed: the outbox writes both in one transaction, and two live queries answer one at a time,
 * so a screen would draw the store's change for a moment without the action still waiting (the Lists tab: a card
 * pinned, unpinned, then pinned again on X's answer).
 */
export function waitingActions(accountId: string, types: readonly ActionType[]): Promise<ActionRow[]> {
  const wanted = new Set<string>(types);
  return db()
    .actions.where('[accountId+state]')
    .anyOf([
      [accountId, 'queued'],
      [accountId, 'sending'],
    ])
    .filter((a) => wanted.has(a.type))
    .toArray();
}

/**
 * The one way a screen takes an action and undoes it: `act` sends one through the background's outbox (the store
 * shows it at once; the status line follows it); `undo` asks for its undo and follows that too; `error` is what the
 * background said when it would not take either. `seq` is the action the status line follows: the last one taken
 * here, or else the latest of `types` taken in the last hour (none: only what is taken here).
 */
export function useTrackedAction(accountId: string, types: readonly ActionType[] = []) {
  const [taken, setTaken] = useState<number>();
  const [undoSeq, setUndoSeq] = useState<number>();
  const [error, setError] = useState<string>();
  const seq = useLastAction(accountId, types, taken);

  /** Sends an action; its outbox number, or undefined when the background would not take it (`error` says why). */
  const take = useCallback(
    async (action: ActionRequest): Promise<number | undefined> => {
      setError(undefined);
      try {
        const { seq: s } = await sendMessage({ type: 'action.do', accountId, action });
        setTaken(s);
        setUndoSeq(undefined);
        return s;
      } catch (e) {
        setError(thrownText(e));
        return undefined;
      }
    },
    [accountId],
  );
  const act = useCallback(async (action: ActionRequest): Promise<boolean> => (await take(action)) !== undefined, [take]);

  const undo = useCallback(
    async (of: number): Promise<void> => {
      setError(undefined);
      try {
        setUndoSeq((await sendMessage({ type: 'action.undo', accountId, seq: of })).seq);
      } catch (e) {
        setError(thrownText(e));
      }
    },
    [accountId],
  );

  return { seq, undoSeq, act, take, undo, error };
}
