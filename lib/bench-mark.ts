/**
 * User Timing marks for the benchmarks (test/bench/): the moment a screen is ready, read back with
 * `performance.getEntriesByName(name)`. Only bench and test builds make them: Vite replaces `import.meta.env.MODE`
 * with the build's mode, so in a store build the body folds to `return` and the bundler drops every call.
 * test/build/store-check.ts fails `npm test` if a store build still carries one.
 */
export const BENCH_MARKS = [
  'perch-account-header',
  'perch-tab-actions',
  'perch-bookmarks-list',
  'perch-muted-list',
  'perch-blocked-list',
  'perch-lists-list',
  'perch-members-list',
  'perch-activity-list',
] as const;
export type BenchMarkName = (typeof BENCH_MARKS)[number];

/** Marks `name` once per page, the first time it is reached (bench and test builds only). */
export function benchMark(name: BenchMarkName): void {
  if (import.meta.env.MODE !== 'bench' && import.meta.env.MODE !== 'test') return;
  if (!performance.getEntriesByName(name).length) performance.mark(name);
}
