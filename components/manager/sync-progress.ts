import type { SyncError } from '@/lib/db';

/** A sync's count so far: items read, and pages (requests). */
export interface SyncProgress {
  pages: number;
  items: number;
}

/**
 * What a sync line counts while it shows a sync running: the stored progress while the background says it runs,
 * and never less than the line already said in this run. Between the background ending a run (offline, X's
 * error) and the answer reaching the screen, the line keeps "12 so far" instead of counting back to 0.
 * `said` is what the line showed last during this run (undefined once it stopped showing one).
 */
export function progressShown(
  said: SyncProgress | undefined,
  stored: SyncProgress | undefined,
  showsRunning: boolean,
  storedRunning: boolean,
): SyncProgress | undefined {
  if (!showsRunning) return undefined;
  const now = storedRunning ? stored : undefined;
  if (!said) return now;
  if (!now) return said;
  return now.items >= said.items ? now : said;
}

/**
 * How a sync ended in an error, as the background stored or answered it (a kind and facts: lib/db/rows.ts SyncError),
 * or a failure of the message itself, already worded on the screen (`message`).
 */
export type SyncFailure = SyncError;

/**
 * What the sync line says after a sync ended in an error. X's limit used up is a wait, with its end when X gave it
 * ("Waiting for X's limit until 14:32"), not a failure; anything else is the failure, worded by `failed`.
 */
export function syncFailureLine(
  error: SyncFailure,
  words: { failed(error: SyncFailure): string; waiting(until?: number): string },
): { waiting: boolean; text: string } {
  if (error.kind === 'rate-limited') return { waiting: true, text: words.waiting(limitReset(error)) };
  return { waiting: false, text: words.failed(error) };
}

/** When X's limit that stopped a sync resets (epoch ms), or undefined when X gave no reset. */
export function limitReset(error: SyncFailure): number | undefined {
  // `rateLimitReset`: rows stored before the reset was named as an action's.
  const reset = error.reset ?? error.rateLimitReset;
  return reset && reset > 0 ? reset * 1000 : undefined;
}
