import { expect, type Page } from '@playwright/test';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { expectFocusShown } from './focus';

/** One Tab stop: its role as the page declares it (or its tag) and the words a person sees on it. */
export interface TabStop {
  kind: string;
  words: string;
}

/**
 * In the page: the focused control's kind and the words a person sees on it (a field's are its label's), once it is
 * a control this walk has not met yet; undefined once the focus comes back round or falls to the page itself.
 */
function stopHere(): TabStop | undefined {
  const el = document.activeElement as HTMLElement | null;
  const w = window as unknown as { perchWalkSeen?: WeakSet<Element> };
  const seen = (w.perchWalkSeen ??= new WeakSet());
  if (!el || el === document.body || seen.has(el)) return undefined;
  seen.add(el);
  const labels = (el as HTMLInputElement).labels;
  // The words seen: a copy without what is drawn for the eye alone (a ▾) or read by screen readers alone. A field's
  // are its label's, or none: the text typed into a text box is not what names it.
  const field = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement;
  const copy = (labels && labels.length ? labels[0]! : field ? document.createElement('span') : el).cloneNode(true) as HTMLElement;
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"], .visually-hidden')) hidden.remove();
  const words = (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
  return { kind: el.getAttribute('role') ?? el.tagName.toLowerCase(), words };
}

/** The stops that are controls, by role or tag: each is named for the words it shows. */
const CONTROLS = new Set([
  'button',
  'a',
  'tab',
  'menuitem',
  'menuitemradio',
  'menuitemcheckbox',
  'summary',
  'input',
  'textarea',
  'select',
  'switch',
  'checkbox',
  'radio',
  'link',
]);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** In the page: the focused control's name as the page gives it (aria-labelledby, aria-label, its label, its text). */
function nameHere(): string {
  const el = document.activeElement as HTMLElement;
  const by = el.getAttribute('aria-labelledby');
  const labels = (el as HTMLInputElement).labels;
  const name = by
    ? by
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ')
    : (el.getAttribute('aria-label') ?? (labels && labels.length ? labels[0]!.textContent : el.textContent) ?? '');
  return name.replace(/\s+/g, ' ').trim();
}

/** A page of either driver: a function run in the page, and Tab pressed. */
interface WalkedPage {
  evaluate(fn: () => TabStop | undefined): Promise<TabStop | undefined>;
  evaluate(fn: () => boolean): Promise<boolean>;
  keyboard: { press(key: 'Tab'): Promise<void> };
}

/**
 * Presses Tab from the top of the page through every stop, once round, checking at each that the focus shows and,
 * with `named`, that the control is named for the words it shows. Returns the stops in order.
 */
async function walk(page: WalkedPage, max: number, named: (stop: TabStop) => Promise<void>): Promise<TabStop[]> {
  // From the page's top: the body focused for a moment (a blur alone leaves Tab's starting point where it was).
  await page.evaluate(() => {
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute('tabindex');
    delete (window as unknown as { perchWalkSeen?: unknown }).perchWalkSeen;
    return true;
  });
  const stops: TabStop[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(stopHere);
    if (!stop) break;
    await expectFocusShown(page);
    // A control is named for the words on it; a panel or a line that takes the focus (a tab panel) is named otherwise.
    if (CONTROLS.has(stop.kind)) await named(stop);
    stops.push(stop);
  }
  return stops;
}

/**
 * Presses Tab from the top of the page through every stop, once round, checking at each that the focus shows and that
 * the control's accessible name begins with the words it shows (a control showing none, an icon or a field with no
 * label, has a name all the same). Returns the stops in order, for the test to check the order a person meets.
 */
export async function walkTabStops(page: Page, max = 80): Promise<TabStop[]> {
  return walk(page, max, async (stop) => {
    await expect(page.locator(':focus'), `the ${stop.kind} “${stop.words}” is named for what it shows`).toHaveAccessibleName(
      stop.words ? new RegExp(`^${escape(stop.words)}`) : /\S/,
    );
  });
}

/**
 * Firefox (puppeteer over BiDi, which has no query for an element's accessible name): the same walk, each control's
 * name read from what the page gives it (aria-labelledby, aria-label, its label, its text) and checked the same way.
 * It stops at the page's end, where Firefox would take the focus into its own toolbar.
 */
export async function walkTabStopsInFirefox(page: FirefoxPage, max = 80): Promise<TabStop[]> {
  return walk(page, max, async (stop) => {
    const name = await page.evaluate(nameHere);
    if (stop.words)
      expect(name, `the ${stop.kind} “${stop.words}” is named for what it shows`).toMatch(new RegExp(`^${escape(stop.words)}`));
    else expect(name, `the ${stop.kind} showing no words has a name`).toMatch(/\S/);
  });
}

/** In the page: the focus is on the page itself, dropped after the control that had it went away. */
export const focusDropped = (page: { evaluate(fn: () => boolean): Promise<boolean> }): Promise<boolean> =>
  page.evaluate(() => !document.activeElement || document.activeElement === document.body);
