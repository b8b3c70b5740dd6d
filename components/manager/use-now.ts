import { useCallback, useSyncExternalStore } from 'react';

/** One timer per period, however many rows show a time: a list of 50 "5 minutes ago" wakes once, not 50 times. */
const clocks = new Map<number, { now: number; listeners: Set<() => void>; timer?: ReturnType<typeof setInterval> }>();

function clockOf(everyMs: number) {
  let clock = clocks.get(everyMs);
  if (!clock) {
    clock = { now: Date.now(), listeners: new Set() };
    clocks.set(everyMs, clock);
  }
  return clock;
}

function subscribe(everyMs: number, listener: () => void): () => void {
  const clock = clockOf(everyMs);
  clock.listeners.add(listener);
  if (!clock.timer) {
    clock.timer = setInterval(() => {
      clock.now = Date.now();
      for (const l of clock.listeners) l();
    }, everyMs);
  }
  return () => {
    clock.listeners.delete(listener);
    if (!clock.listeners.size && clock.timer) {
      clearInterval(clock.timer);
      delete clock.timer;
    }
  };
}

/** The clock's time; while no screen watches it, read afresh (at most once a second, so React sees one value). */
function snapshot(everyMs: number): number {
  const clock = clockOf(everyMs);
  if (!clock.timer && Date.now() - clock.now >= 1000) clock.now = Date.now();
  return clock.now;
}

/** The current time, refreshed every `everyMs`: "queued until 14:05" turns into "sending" without a store change. */
export function useNow(everyMs = 30_000): number {
  const watch = useCallback((listener: () => void) => subscribe(everyMs, listener), [everyMs]);
  const read = () => snapshot(everyMs);
  return useSyncExternalStore(watch, read, read);
}
