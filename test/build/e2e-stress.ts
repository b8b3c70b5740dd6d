/**
 * `npm run test:e2e:stress`: the end-to-end suite with no retry while another process keeps every core busy, to
 * show the tests wait for what they need rather than for time. Not part of `npm test` or .ci/run (it takes as long
 * as the suite and is meant to be run by hand). The script builds the test build first (`npm run build:test`),
 * then starts one node busy-loop per core, runs Playwright with `--retries=0` (extra arguments are passed on:
 * `npm run test:e2e:stress -- --project=firefox`), kills the loops by their ids and exits with Playwright's code.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { ROOT } from '../e2e/support/paths';

const cores = os.availableParallelism();
const hogs: ChildProcess[] = [];
for (let i = 0; i < cores; i++) {
  hogs.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}
const stopHogs = () => {
  for (const hog of hogs) if (hog.exitCode === null && hog.signalCode === null) hog.kill('SIGKILL');
};
process.on('exit', stopHogs);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopHogs();
    process.exit(130);
  });
}
console.log(`e2e stress: ${cores} busy loops (pids ${hogs.map((h) => h.pid).join(', ')}), Playwright with no retry`);

const started = Date.now();
const playwright = spawn('npx', ['playwright', 'test', '-c', 'test/playwright.config.ts', '--retries=0', ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
});
const code = await new Promise<number>((resolve) => playwright.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
stopHogs();
console.log(`e2e stress: Playwright exited ${code} after ${((Date.now() - started) / 60_000).toFixed(1)} min under ${cores} busy loops`);
process.exit(code);
