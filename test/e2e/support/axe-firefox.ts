import { expect, test } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'puppeteer-core';
import { AXE_OPTIONS, AXE_SOURCE, recordScan, type ColorScheme } from './axe';
import { namingProblems } from './names-start';

declare const axe: { run: (context: Document, options: RunOptions) => Promise<AxeResults> };

/**
 * Firefox preferences for a dark run: Firefox over WebDriver BiDi cannot emulate `prefers-color-scheme` per page,
 * so the dark scans launch a Firefox whose content prefers dark (0 = dark, 1 = light).
 */
export const FIREFOX_DARK_PREFS = { 'layout.css.prefers-color-scheme.content-override': 0 };

/**
 * Scans one screen state of a Perch page in Firefox: axe-core's source injected through puppeteer (WebDriver
 * BiDi's script.evaluate is not bound by the page's CSP), in the colour scheme the page is shown in, recorded in
 * .reports/axe.json; and each visible control checked to be named for the words it shows (names-start.ts). Fails the
 * test softly on a serious or critical violation or a misnamed control. Returns the state's name and scheme.
 */
export async function scanFirefox(page: Page, state: string): Promise<string> {
  if (!(await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object'))) await page.evaluate(AXE_SOURCE);
  const scheme: ColorScheme = (await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)) ? 'dark' : 'light';
  const results = await page.evaluate((options) => axe.run(document, options), AXE_OPTIONS);
  const entry = { browser: 'firefox' as const, test: test.info().titlePath.slice(1).join(' › '), state, scheme };
  const problems = recordScan({ ...entry, url: await page.evaluate(() => location.href) }, results);
  problems.push(...(await namingProblems(page, state)).misnamed);
  expect.soft(problems, `axe and control names on "${state}" (${scheme})`).toEqual([]);
  return `${state} (${scheme})`;
}
