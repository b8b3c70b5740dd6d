import { useEffect, useState } from 'react';
import { watchOutbox, type ActionChange } from '@/lib/services/outbox-feed';

/**
 * The latest published state of each of the account's actions since the screen opened, by action number: a screen
 * that sent an action follows it here (queued, sending, done, failed) without asking the background again.
 */
export function useActionStates(accountId: string): ReadonlyMap<number, ActionChange> {
  const [states, setStates] = useState<ReadonlyMap<number, ActionChange>>(new Map());
  useEffect(
    () =>
      watchOutbox(accountId, (changes) =>
        setStates((before) => {
          const next = new Map(before);
          for (const c of changes) next.set(c.seq, c);
          return next;
        }),
      ),
    [accountId],
  );
  return states;
}
