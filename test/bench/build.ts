import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../e2e/support/paths';

/**
 * The build the benchmarks measure: `wxt build --mode bench` into its own folder. It is the store build's code with
 * two differences only: the endpoints of .env.bench (the local X API emulator, as the test build) and the User
 * Timing marks the benchmarks read (lib/bench-mark.ts). No test hooks (no globalThis.perchTest, no test clock), and
 * never the store build itself, which must carry no marks (test/build/store-check.ts).
 */
export const BENCH_BUILD = path.join(ROOT, '.output/chrome-mv3-bench');

let built = false;

/** Builds the Chromium bench build once per `npm run bench`, whatever the benches that need it. */
export function benchBuild(): string {
  if (!built) {
    execFileSync('npx', ['wxt', 'build', '--mode', 'bench'], {
      cwd: ROOT,
      stdio: 'ignore',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    built = true;
  }
  return BENCH_BUILD;
}
