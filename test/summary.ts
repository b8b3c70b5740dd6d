/**
 * The last step of `npm test`: one closing line over every runner's results (vitest and Playwright write JSON
 * reports to .reports/), in the form CI reads: "tests: N passed, N failed, N skipped".
 *
 * Before it, the X API operations the emulator's contract observer saw (test/emulator/contract-observer.ts: the
 * end-to-end run in .reports/operations-seen.json, the unit run in .reports/operations-seen-unit/) against the ones
 * Perch calls (lib/x/operations.ts, and the OAuth endpoints lib/auth uses; unit tests that check a lib/x request
 * without the emulator count too): an operation Perch calls that no test
 * made, or one the end-to-end run saw that Perch does not call, fails the summary.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { X_OPERATIONS } from '../lib/x/operations';
import { readAxeReport, seriousByRule } from './e2e/support/axe';

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

/** lib/auth/oauth.ts: the token endpoint (code exchange, refresh) and revocation (sign-out); docs-only operations. */
const PERCH_OAUTH_OPERATIONS = ['oauth2Token', 'oauth2Revoke'];

function readSet(file: string): Set<string> {
  return new Set(JSON.parse(readFileSync(file, 'utf8')) as string[]);
}

let contractFailed = false;
const e2eSeenFile = path.join(dir, 'operations-seen.json');
const unitSeenDir = path.join(dir, 'operations-seen-unit');
if (existsSync(e2eSeenFile) || existsSync(unitSeenDir)) {
  const perch = new Set([...X_OPERATIONS.map((o) => o.operationId), ...PERCH_OAUTH_OPERATIONS]);
  const e2e = existsSync(e2eSeenFile) ? readSet(e2eSeenFile) : new Set<string>();
  const unit = new Set<string>();
  if (existsSync(unitSeenDir)) for (const f of readdirSync(unitSeenDir)) for (const op of readSet(path.join(unitSeenDir, f))) unit.add(op);
  const neverSeen = [...perch].filter((op) => !e2e.has(op) && !unit.has(op)).sort();
  const unitOnly = [...perch].filter((op) => !e2e.has(op) && unit.has(op)).sort();
  const unknown = [...e2e].filter((op) => !perch.has(op)).sort();
  console.log(
    `X API operations: Perch calls ${perch.size}; the end-to-end run saw ${e2e.size}, the unit run ${unit.size} ` +
      `(each request and answer checked against X's OpenAPI description)`,
  );
  if (unitOnly.length) console.log(`  seen only in unit tests: ${unitOnly.join(', ')}`);
  if (neverSeen.length) console.log(`  Perch calls, no test made: ${neverSeen.join(', ')}`);
  if (unknown.length) console.log(`  seen end to end, but not an operation Perch calls (lib/x/operations.ts): ${unknown.join(', ')}`);
  contractFailed = neverSeen.length > 0 || unknown.length > 0;
}

// The end-to-end run's axe-core scans (test/e2e/support/axe.ts): how many screen states, and what failed.
const axeStates = readAxeReport(path.join(dir, 'axe.json'));
if (axeStates.length) {
  const by = (b: string) => axeStates.filter((s) => s.browser === b).length;
  const serious = Object.entries(seriousByRule(axeStates)).map(([rule, n]) => `${rule} ${n}`);
  console.log(
    `axe: ${axeStates.length} screen states scanned (Chromium ${by('chromium')}, Firefox ${by('firefox')}; light and dark), ` +
      `serious or critical elements: ${serious.length ? serious.join(', ') : 'none'}`,
  );
}

console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 || contractFailed ? 1 : 0);
