import { useEffect, useState } from 'react';
import { readFailures, watchFailures, type FailureNote } from '@/lib/failed-actions';

/**
 * The account's failure notes (lib/failed-actions.ts), live: read from storage after the first paint, then each
 * change as the background writes it; none until then, or when the read fails.
 */
export function useFailureNotes(accountId: string): FailureNote[] {
  const [notes, setNotes] = useState<FailureNote[]>([]);
  useEffect(() => {
    let live = true;
    readFailures(accountId).then(
      (n) => live && setNotes(n),
      () => undefined,
    );
    const stop = watchFailures(accountId, setNotes);
    return () => {
      live = false;
      stop();
    };
  }, [accountId]);
  return notes;
}
