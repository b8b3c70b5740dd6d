import { useAccountValue } from '@/components/use-account-value';
import { refusalsOf, watchRefusals, type Refusals } from '@/lib/refusals';

const NONE: Refusals = { quote: false, replies: [] };

/**
 * What X refused of this account that its plan decides (lib/refusals.ts), live: it changes while the popup is open,
 * as the background records X's answer to the quote or reply just posted. Nothing refused until storage answers.
 */
export function useRefusals(accountId: string): Refusals {
  return useAccountValue(accountId, refusalsOf, watchRefusals, NONE) ?? NONE;
}
