import { useEffect, useState } from 'react';
import { quoteRefused, watchQuoteRefused } from '@/lib/quote-refusal';

/**
 * Whether X refused this account's quote post as Enterprise-only (lib/quote-refusal.ts), live: it turns true while
 * the popup is open, as the background records X's answer to the quote just posted. False until storage answers.
 */
export function useQuoteRefused(accountId: string): boolean {
  const [refused, setRefused] = useState<{ accountId: string; refused: boolean }>();
  useEffect(() => {
    let live = true;
    const set = (value: boolean) => live && setRefused({ accountId, refused: value });
    quoteRefused(accountId).then(set, () => set(false));
    const unwatch = watchQuoteRefused(accountId, set);
    return () => {
      live = false;
      unwatch();
    };
  }, [accountId]);
  return refused?.accountId === accountId && refused.refused;
}
