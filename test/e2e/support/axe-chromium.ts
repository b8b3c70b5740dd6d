import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { AXE_OPTIONS, recordScan, SCHEMES } from './axe';

/**
 * Scans one screen state of a Perch page in Chromium with axe-core, light and dark (`emulateMedia`), records both in
 * .reports/axe.json and fails the test (softly: the test goes on to its next state) on a serious or critical
 * violation. Returns the state's name, so a test can assert which states it scanned.
 */
export async function scan(page: Page, state: string): Promise<string> {
  const problems: string[] = [];
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).options(AXE_OPTIONS).analyze();
    const entry = { browser: 'chromium' as const, test: test.info().titlePath.slice(1).join(' › '), state, scheme };
    problems.push(...recordScan({ ...entry, url: page.url() }, results));
  }
  await page.emulateMedia({ colorScheme: null });
  expect.soft(problems, `axe: serious or critical violations on "${state}"`).toEqual([]);
  return state;
}
