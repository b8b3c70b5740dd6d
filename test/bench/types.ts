/** One printed figure of a benchmark: what was measured, the figure, the target, and whether it was met. */
export interface BenchRow {
  metric: string;
  figure: string;
  target: string;
  ok: boolean;
}

/** A benchmark module: `bench()` measures and returns its rows. */
export interface BenchModule {
  bench: () => Promise<BenchRow[]>;
}

/** The median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
