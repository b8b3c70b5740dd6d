import { useEffect, useState } from 'react';
import { watchReadRetry, type ReadRetry } from '@/lib/services/read-retries';

/** A planned try this far in the past (ms) is a worker's leftover, not a read X is failing now (tries are ≤ 8 s apart). */
const STALE_MS = 60_000;

/**
 * While `waiting`, the retry Perch has planned for this read X is not answering (lib/services/read-retries.ts), or for
 * the last of the reads `key` matches (a sync's), or undefined: X has not failed it, or nothing is being read.
 */
export function useReadRetry(accountId: string, key: string | RegExp, waiting: boolean): ReadRetry | undefined {
  const [retry, setRetry] = useState<ReadRetry | undefined>();
  // A pattern made anew each render is the same watch: it is known by its words.
  const name = typeof key === 'string' ? key : undefined;
  const pattern = typeof key === 'string' ? undefined : key.source;
  useEffect(() => {
    if (!waiting) return undefined;
    const stop = watchReadRetry(accountId, name ?? new RegExp(pattern ?? ''), setRetry);
    return () => {
      stop();
      setRetry(undefined);
    };
  }, [accountId, name, pattern, waiting]);
  // A try planned long ago is not believed: a worker stopped during its back-off never said the read ended.
  return waiting && retry && retry.at > Date.now() - STALE_MS ? retry : undefined;
}
