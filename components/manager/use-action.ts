import { useCallback, useState } from 'react';
import { MessageError, sendMessage, type ActionRequest } from '@/lib/messaging';

export interface ActionStatus {
  /** What to say, politely (role="status") or as an alert when it failed. */
  text: string;
  error?: boolean;
  /** The outbox sequence number of the action, to offer Undo. */
  seq?: number;
}

/**
 * Sends one action the person asked for through the background's outbox, and keeps a status line for it.
 * The store shows the change at once (the background applies it before sending); this only reports.
 */
export function useAction(accountId: string) {
  const [status, setStatus] = useState<ActionStatus>();

  const run = useCallback(
    async (action: ActionRequest, done?: string): Promise<number | undefined> => {
      try {
        const { seq, label } = await sendMessage({ type: 'action.do', accountId, action });
        setStatus({ text: done ?? `${label}: done on your screen, sending to X.`, seq });
        return seq;
      } catch (e) {
        setStatus({ text: e instanceof MessageError ? e.message : String(e), error: true });
        return undefined;
      }
    },
    [accountId],
  );

  const undo = useCallback(
    async (seq: number) => {
      try {
        const { label } = await sendMessage({ type: 'action.undo', accountId, seq });
        setStatus({ text: `Undone: ${label}.` });
      } catch (e) {
        setStatus({ text: e instanceof MessageError ? e.message : String(e), error: true });
      }
    },
    [accountId],
  );

  return { status, setStatus, run, undo };
}
