import { expect, type Page as PlaywrightPage } from '@playwright/test';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { measureLayout, nameRoom, type Layout } from './layout-measure';

/**
 * The checks test/e2e/chromium/layout-oversize.spec.ts and test/e2e/firefox/layout-oversize.spec.ts make on a page of
 * Perch's, with the measures of ./layout-measure.ts: the same words whether Playwright or Puppeteer drives the page.
 */

/** A page of Perch's in Chromium (Playwright) or in Firefox (Puppeteer). */
type MeasuredPage = PlaywrightPage | PuppeteerPage;

/** Runs `fn` in the page: both drivers take a function and its arguments alike, their types differ. */
const run = <A extends unknown[], R>(page: MeasuredPage, fn: (...args: A) => R, ...args: A): Promise<R> =>
  (page.evaluate as unknown as (f: typeof fn, ...a: A) => Promise<R>).call(page, fn, ...args);

/**
 * The page never scrolls sideways, every control is whole inside the window and not covered, and text either wraps
 * or is cut with an ellipsis and its whole text kept. `shot` names the picture (/tmp/layout-<shot>.png) and the log.
 */
export async function expectLaidOut(page: MeasuredPage, shot: string): Promise<void> {
  await page.screenshot({ path: `/tmp/layout-${shot}.png`, fullPage: true }).catch(() => undefined);
  const seen: Layout = await run(page, measureLayout);
  console.log(`${shot}: ${JSON.stringify(seen)}`);
  expect.soft(seen.scrolls, `${shot}: the page scrolls sideways`).toBe('');
  expect.soft(seen.outside, `${shot}: controls outside the window`).toEqual([]);
  expect.soft(seen.covered, `${shot}: controls covered`).toEqual([]);
  expect.soft(seen.spills, `${shot}: text past the window`).toEqual([]);
  expect.soft(seen.unreachable, `${shot}: text cut, whole text not reachable`).toEqual([]);
}

/** The list named `listLabel` shows at least eight characters' worth of the account's name. */
export async function expectNameShown(page: MeasuredPage, listLabel: string, name: string, shot: string): Promise<void> {
  const seen = await run(page, nameRoom, [listLabel, name]);
  expect(seen, `${shot}: ${name} in ${listLabel}`).toBeDefined();
  expect
    .soft(seen!.shown, `${shot}: the name shows ${seen!.shown} px, eight characters take ${seen!.eight} px`)
    .toBeGreaterThanOrEqual(seen!.eight);
}
