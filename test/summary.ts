/**
 * The last step of `npm test`: one closing line over every runner's results (vitest and Playwright write JSON
 * reports to .reports/), in the form CI reads: "tests: N passed, N failed, N skipped".
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = path.resolve(import.meta.dirname, '../.reports');
let passed = 0;
let failed = 0;
let skipped = 0;

const vitest = path.join(dir, 'vitest.json');
if (existsSync(vitest)) {
  const r = JSON.parse(readFileSync(vitest, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
}

const playwright = path.join(dir, 'playwright.json');
if (existsSync(playwright)) {
  const r = JSON.parse(readFileSync(playwright, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  passed += r.stats.expected + r.stats.flaky;
  failed += r.stats.unexpected;
  skipped += r.stats.skipped;
}

console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
