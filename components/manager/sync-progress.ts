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
