import { useEffect, useState } from 'react';
import { watchReadRetry, type ReadRetry } from '@/lib/services/read-retries';

/**
 * While `waiting`, the retry Perch has planned for this read X is not answering (lib/services/read-retries.ts), or
 * undefined: X has not failed it, or nothing is being read.
 */
export function useReadRetry(accountId: string, key: string, waiting: boolean): ReadRetry | undefined {
  const [retry, setRetry] = useState<ReadRetry | undefined>();
  useEffect(() => {
    if (!waiting) return undefined;
    const stop = watchReadRetry(accountId, key, setRetry);
    return () => {
      stop();
      setRetry(undefined);
    };
  }, [accountId, key, waiting]);
  return waiting ? retry : undefined;
}
