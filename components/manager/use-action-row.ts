import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useState } from 'react';
import { db, type ActionRow } from '@/lib/db';
import { sendMessage, type ActionRequest } from '@/lib/messaging';
import { thrownText } from '@/components/error-text';
import { useAction } from './use-action';

/** How long a tab keeps showing the outcome of an action taken before it was opened. */
const RECENT_MS = 60 * 60_000;

/**
 * One action of the outbox and its undo, live, as the background sends them. The undo is the one the action
 * records, or `undoSeq` (the undo this screen asked for: the outbox unlinks an undo X refused).
 */
export function useActionRow(
  accountId: string,
  seq: number | undefined,
  undoSeq: number | undefined,
): { action: ActionRow; undo?: ActionRow } | undefined {
  return useLiveQuery(async () => {
    if (seq === undefined) return undefined;
    const action = await db().actions.get(seq);
    if (!action || action.accountId !== accountId) return undefined;
    const undoId = action.undoneBy ?? undoSeq;
    const undo = undoId !== undefined ? await db().actions.get(undoId) : undefined;
    return undo && undo.undoOf === seq ? { action, undo } : { action };
  }, [accountId, seq, undoSeq]);
}

/**
 * The action a tab's status line follows: the last one taken in the tab, or else the latest of these types taken in
 * the last hour (so a refusal — such as X's Enterprise-only blocks — is still explained after the panel reopens).
 */
function useLastAction(accountId: string, types: readonly string[], taken: number | undefined): number | undefined {
  const key = types.join(',');
  const recent = useLiveQuery(async () => {
    const since = new Date(Date.now() - RECENT_MS).toISOString();
    const wanted = new Set(key.split(','));
    const row = await db()
      .actions.where('[accountId+seq]')
      .between([accountId, Dexie.minKey], [accountId, Dexie.maxKey])
      .reverse()
      .filter((a) => wanted.has(a.type) && a.undoOf === undefined)
      .first();
    return row && row.createdAt >= since ? row.seq : undefined;
  }, [accountId, key]);
  return taken ?? recent;
}

/**
 * A tab's actions: `act` sends one through the outbox (useAction) and the status line follows it; `undo` asks for
 * its undo and follows that too; `error` is what the background said when it would not take either.
 */
export function useTrackedAction(accountId: string, types: readonly string[]) {
  const { status, run } = useAction(accountId);
  const [taken, setTaken] = useState<number>();
  const [undoSeq, setUndoSeq] = useState<number>();
  const [undoError, setUndoError] = useState<string>();
  const seq = useLastAction(accountId, types, taken);

  const act = useCallback(
    async (action: ActionRequest): Promise<boolean> => {
      const s = await run(action);
      if (s === undefined) return false;
      setTaken(s);
      setUndoSeq(undefined);
      setUndoError(undefined);
      return true;
    },
    [run],
  );

  const undo = useCallback(
    async (of: number): Promise<void> => {
      setUndoError(undefined);
      try {
        setUndoSeq((await sendMessage({ type: 'action.undo', accountId, seq: of })).seq);
      } catch (e) {
        setUndoError(thrownText(e));
      }
    },
    [accountId],
  );

  return { seq, undoSeq, act, undo, error: undoError ?? (status?.error ? status.text : undefined) };
}
