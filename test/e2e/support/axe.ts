import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as AxeCore from 'axe-core';
import type { AxeResults, Result, RunOptions } from 'axe-core';

/**
 * The accessibility scan shared by both browsers' end-to-end tests: axe-core on one screen state, light and dark,
 * with the rules axe tags `experimental` turned on as well. Every scan is written to .reports/axe.json (one entry per
 * browser, test, state and colour scheme, replaced when run again); a serious or critical violation fails the test.
 */

const require = createRequire(import.meta.url);
const axeCore = require('axe-core') as typeof AxeCore;

/** axe-core's own source, injected into Firefox pages (Chromium's AxeBuilder injects it itself). */
export const AXE_SOURCE: string = axeCore.source;

/** Every rule axe tags experimental, enabled on top of its default set (`label-content-name-mismatch` was one). */
export const AXE_OPTIONS: RunOptions = {
  rules: Object.fromEntries(axeCore.getRules(['experimental']).map((r) => [r.ruleId, { enabled: true }])),
  resultTypes: ['violations'],
};

export type ColorScheme = 'light' | 'dark';
export const SCHEMES: readonly ColorScheme[] = ['light', 'dark'];

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  /** CSS selectors of the failing elements. */
  targets: string[];
}

export interface AxeStateReport {
  browser: 'chromium' | 'firefox';
  test: string;
  state: string;
  scheme: ColorScheme;
  url: string;
  violations: AxeFinding[];
}

const REPORT = path.resolve(import.meta.dirname, '../../../.reports/axe.json');

/** The impacts that fail a test. */
export const FAILING_IMPACTS = new Set(['serious', 'critical']);

function findings(results: AxeResults): AxeFinding[] {
  return results.violations.map((v: Result) => ({
    rule: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    targets: v.nodes.map((n) => n.target.map(String).join(' ')),
  }));
}

/** Reads the run's report (every state scanned so far). */
export function readAxeReport(file = REPORT): AxeStateReport[] {
  if (!existsSync(file)) return [];
  return (JSON.parse(readFileSync(file, 'utf8')) as { states: AxeStateReport[] }).states;
}

/**
 * Records one scan in .reports/axe.json and returns its serious and critical violations, one line each
 * ("color-contrast (serious) on .quick-note: …"), for the test to fail on.
 */
export function recordScan(entry: Omit<AxeStateReport, 'violations'>, results: AxeResults): string[] {
  const report: AxeStateReport = { ...entry, violations: findings(results) };
  const key = (s: AxeStateReport) => [s.browser, s.test, s.state, s.scheme].join('\u0000');
  const states = readAxeReport().filter((s) => key(s) !== key(report));
  states.push(report);
  mkdirSync(path.dirname(REPORT), { recursive: true });
  writeFileSync(REPORT, JSON.stringify({ states }, null, 1));
  return report.violations
    .filter((v) => FAILING_IMPACTS.has(v.impact))
    .map((v) => `${entry.state} (${entry.scheme}): ${v.rule} (${v.impact}) on ${v.targets.join(', ')}: ${v.help}`);
}

/** Serious and critical elements by rule over a set of scans: the figure the note reports. */
export function seriousByRule(states: AxeStateReport[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of states)
    for (const v of s.violations) if (FAILING_IMPACTS.has(v.impact)) out[v.rule] = (out[v.rule] ?? 0) + v.targets.length;
  return out;
}
