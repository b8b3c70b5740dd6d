import { useEffect, useState } from 'react';
import { refusalsOf, watchRefusals, type Refusals } from '@/lib/refusals';

const NONE: Refusals = { quote: false, replies: [] };

/**
 * What X refused of this account that its plan decides (lib/refusals.ts), live: it changes while the popup is open,
 * as the background records X's answer to the quote or reply just posted. Nothing refused until storage answers.
 */
export function useRefusals(accountId: string): Refusals {
  const [refusals, setRefusals] = useState<{ accountId: string; refusals: Refusals }>();
  useEffect(() => {
    let live = true;
    const set = (value: Refusals) => live && setRefusals({ accountId, refusals: value });
    refusalsOf(accountId).then(set, () => set(NONE));
    const unwatch = watchRefusals(accountId, set);
    return () => {
      live = false;
      unwatch();
    };
  }, [accountId]);
  return refusals?.accountId === accountId ? refusals.refusals : NONE;
}
