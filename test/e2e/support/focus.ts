import { expect, type Locator, type Page } from '@playwright/test';
import type { ElementHandle, Page as FirefoxPage } from 'puppeteer-core';

/**
 * Reaching a control with the keyboard, and whether the focus shows, the same in Chromium (Playwright) and Firefox
 * (puppeteer-core). The in-page predicates are passed to each driver's `evaluate`, so they run in the page and are
 * self-contained (no imports, no outer names).
 */

/** In the page: the focused control shows it, an outline or a ring (box-shadow) while it matches :focus-visible. */
export function focusShown(): boolean {
  const el = document.activeElement;
  if (!el || !el.matches(':focus-visible')) return false;
  const style = getComputedStyle(el);
  return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
}

/** In the page: what has the focus, as a person would say it (its name or words), or "the page". */
export function focusedName(): string {
  const el = document.activeElement;
  if (!el || el === document.body) return 'the page';
  return (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** In the page: `el` has the focus. */
export function hasFocus(el: Element): boolean {
  return el === document.activeElement;
}

/** In the page: the focus is on a control after `el`, so Shift+Tab goes towards it. */
export function focusIsAfter(el: Element): boolean {
  const at = document.activeElement;
  return !!at && at !== document.body && !!(el.compareDocumentPosition(at) & Node.DOCUMENT_POSITION_FOLLOWING);
}

/** A page of either driver: it runs a function in the page. */
interface InPage {
  evaluate(fn: () => boolean): Promise<boolean>;
}

/** Checks the focused control shows where the focus is. */
export async function expectFocusShown(page: InPage): Promise<void> {
  expect(await page.evaluate(focusShown), 'the focused control shows the focus').toBe(true);
}

/** One driver's keyboard on one target: whether the target has the focus, and one key press towards it. */
interface Walk {
  reached(): Promise<boolean>;
  press(): Promise<void>;
}

/** The most key presses to reach a control: a bound, should a control be out of the keyboard's reach. */
const MAX_PRESSES = 150;

/** Presses towards the target until it has the focus (a bounded number of times), then checks it has it and it shows. */
async function pressUntil(page: InPage, walk: Walk, what: string): Promise<void> {
  for (let i = 0; i < MAX_PRESSES && !(await walk.reached()); i++) await walk.press();
  expect(await walk.reached(), `Tab reaches ${what}`).toBe(true);
  await expectFocusShown(page);
}

/** Chromium: presses `key` (Tab or Shift+Tab) until `target` has the focus; the focus shows. */
export async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  await expect(target).toBeVisible();
  await pressUntil(page, { reached: () => target.evaluate(hasFocus), press: () => page.keyboard.press(key) }, String(target));
}

/** Firefox: the control named `name` with this role (puppeteer's ARIA query). */
const ariaIn = (page: FirefoxPage, name: string, role: string) => page.locator(`::-p-aria(${name}[role="${role}"])`);

/** Firefox: whether the control named `name` with this role has the focus (once it is there). */
export async function focusOnInFirefox(page: FirefoxPage, name: string, role: string): Promise<boolean> {
  return (await ariaIn(page, name, role).waitHandle()).evaluate(hasFocus);
}

/**
 * Firefox: presses Tab, or Shift+Tab while the focus is after it, until the control named `name` has the focus; the
 * focus shows. Never past the page's end: Firefox would move the focus to its own toolbar, where keys sent over BiDi
 * do not reach.
 */
export async function tabToInFirefox(page: FirefoxPage, name: string, role: string): Promise<void> {
  await tabToElementInFirefox(page, await ariaIn(page, name, role).waitHandle(), `${role} “${name}”`);
}

/**
 * Firefox: the same, to one element found otherwise (a control inside one card or one notice, whose name the ARIA
 * query cannot single out); `what` names it in the failure.
 */
export async function tabToElementInFirefox(page: FirefoxPage, target: ElementHandle<Element>, what: string): Promise<void> {
  const press = async () => {
    const back = await target.evaluate(focusIsAfter);
    if (back) await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    if (back) await page.keyboard.up('Shift');
  };
  await pressUntil(page, { reached: () => target.evaluate(hasFocus), press }, what);
}
