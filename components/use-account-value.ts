import { useEffect, useState } from 'react';

/**
 * A fact stored per account, read once and then watched: undefined until the first read answers (so nothing stale
 * flashes), live as another Perch screen or the background changes it, and never an answer for the account shown
 * before a switch. `read` and `watch` must be stable (module-level functions); a read that fails gives `onReadError`.
 */
export function useAccountValue<T>(
  accountId: string,
  read: (accountId: string) => Promise<T>,
  watch: (accountId: string, onChange: (value: T) => void) => () => void,
  onReadError: T,
): T | undefined {
  const [value, setValue] = useState<{ accountId: string; value: T }>();
  useEffect(() => {
    let live = true;
    const set = (v: T) => live && setValue({ accountId, value: v });
    read(accountId).then(set, () => set(onReadError));
    const unwatch = watch(accountId, set);
    return () => {
      live = false;
      unwatch();
    };
  }, [accountId, read, watch, onReadError]);
  return value?.accountId === accountId ? value.value : undefined;
}
