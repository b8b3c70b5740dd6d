import { describe, expect, it } from 'vitest';
import { progressShown, syncFailureLine, type SyncFailure, type SyncProgress } from '@/components/manager/sync-progress';

/** Plays a sync line through a run: each step is what the store says, and whether the line shows a run. */
function play(steps: { stored?: SyncProgress; storedRunning: boolean; showsRunning: boolean }[]): (number | undefined)[] {
  let said: SyncProgress | undefined;
  return steps.map((s) => {
    said = progressShown(said, s.stored, s.showsRunning, s.storedRunning);
    return said?.items;
  });
}

describe('the count a sync line shows while a sync runs', () => {
  it('counts up, and keeps "12 so far" when the run ends offline before its answer arrives', () => {
    const twelve = { pages: 1, items: 12 };
    expect(
      play([
        { storedRunning: false, showsRunning: true }, // Sync now pressed; the background has not started
        { stored: { pages: 0, items: 0 }, storedRunning: true, showsRunning: true },
        { stored: twelve, storedRunning: true, showsRunning: true },
        { stored: twelve, storedRunning: false, showsRunning: true }, // offline: the run ended, the answer is on its way
        { stored: twelve, storedRunning: false, showsRunning: false },
      ]),
    ).toEqual([undefined, 0, 12, 12, undefined]);
  });

  it('starts the next run from what the store says of it, not from the last run’s total', () => {
    expect(
      play([
        { stored: { pages: 8, items: 800 }, storedRunning: false, showsRunning: false },
        { stored: { pages: 8, items: 800 }, storedRunning: false, showsRunning: true },
        { stored: { pages: 1, items: 100 }, storedRunning: true, showsRunning: true },
      ]),
    ).toEqual([undefined, undefined, 100]);
  });
});

describe('a sync stopped by X’s limit', () => {
  const words = {
    failed: (error: SyncFailure) => `Sync failed: ${error.kind}`,
    waiting: (until?: number) => (until ? `Waiting for X's limit until ${new Date(until).toISOString().slice(11, 16)}.` : 'Waiting.'),
  };

  it('waits until the limit resets instead of saying the sync failed', () => {
    const reset = Date.parse('2026-03-01T14:32:00Z') / 1000;
    expect(syncFailureLine({ kind: 'rate-limited', reset }, words)).toEqual({
      waiting: true,
      text: "Waiting for X's limit until 14:32.",
    });
    // A row stored before issue 13 named the reset `rateLimitReset`, beside an English sentence.
    expect(syncFailureLine({ kind: 'rate-limited', message: 'Too many requests.', rateLimitReset: reset }, words)).toEqual({
      waiting: true,
      text: "Waiting for X's limit until 14:32.",
    });
    expect(syncFailureLine({ kind: 'rate-limited' }, words)).toEqual({ waiting: true, text: 'Waiting.' });
  });

  it('says any other error as a failure, worded from its kind', () => {
    expect(syncFailureLine({ kind: 'offline' }, words)).toEqual({
      waiting: false,
      text: 'Sync failed: offline',
    });
  });
});
