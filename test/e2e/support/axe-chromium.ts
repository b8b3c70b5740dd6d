import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { AXE_OPTIONS, recordScan, SCHEMES } from './axe';
import { namingProblems } from './names-start';

/**
 * What one screen state of a Perch page in Chromium fails on: axe-core's serious and critical violations, light and
 * dark (`emulateMedia`), both recorded in .reports/axe.json; then each visible control not named for the words it
 * shows (test/e2e/support/names-start.ts). One line each. A state with no control passes the names check (some have
 * none); names-start-canary.spec.ts counts the controls checked on a page it knows, so a query finding none fails there.
 */
export async function scanProblems(page: Page, state: string): Promise<string[]> {
  const problems: string[] = [];
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).options(AXE_OPTIONS).analyze();
    const entry = { browser: 'chromium' as const, test: test.info().titlePath.slice(1).join(' › '), state, scheme };
    problems.push(...recordScan({ ...entry, url: page.url() }, results));
  }
  await page.emulateMedia({ colorScheme: null });
  problems.push(...(await namingProblems(page, state)).misnamed);
  return problems;
}

/**
 * Scans one screen state of a Perch page in Chromium (scanProblems: axe light and dark, and every control named for
 * its label) and fails the test softly on what it finds: the test goes on to its next state. Returns the state's
 * name, so a test can assert which states it scanned.
 */
export async function scan(page: Page, state: string): Promise<string> {
  expect.soft(await scanProblems(page, state), `axe and control names on "${state}"`).toEqual([]);
  return state;
}
