import type { Page } from '@playwright/test';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { AXE_SOURCE } from './axe';

/**
 * Every control a person sees on a screen state is named for the words it shows: its accessible name STARTS with its
 * visible label (WCAG 2.5.3 Label in Name, as a speech user says what they see). The keyboard walks (tab-walk.ts) check
 * this for the stops Tab reaches; this checks every visible control of a state at once, open menus and dialogs
 * included, in either browser, with axe-core's own name computation (the one its `label-content-name-mismatch` rule
 * reads, which asks only that the name CONTAIN the words: 「$1の下書きを開く」 for 「開く」 passes it, and fails here).
 */

/** One visible control: its role (or tag), the words it shows, and the name it has. */
export interface NamedControl {
  kind: string;
  words: string;
  name: string;
}

const ROLES = ['button', 'link', 'checkbox', 'menuitem', 'menuitemradio', 'menuitemcheckbox', 'tab', 'switch', 'radio', 'textbox'];

/** What the check counts as a control: each element a person can press, pick, open or type in. */
export const CONTROL_QUERY = [
  'button',
  'a[href]',
  'input:not([type="hidden"])',
  'textarea',
  'select',
  'summary',
  ...ROLES.map((r) => `[role="${r}"]`),
].join(',');

/** In the page, with axe-core injected: each visible control's (matching `query`) words and accessible name. */
function controlsHere(query: string): NamedControl[] {
  type Axe = {
    setup(node: Element): unknown;
    teardown(): void;
    utils: { getNodeFromTree(el: Element): unknown };
    commons: { text: { accessibleTextVirtual(v: unknown): string } };
  };
  const axe = (window as unknown as { axe: Axe }).axe;
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
  axe.setup(document.documentElement);
  try {
    // An open modal dialog leaves the rest of the page inert: only its own controls are there for a person.
    const scope = document.querySelector('dialog:modal') ?? document;
    return [...scope.querySelectorAll<HTMLElement>(query)]
      .filter((el) => el.checkVisibility({ visibilityProperty: true }) && !el.closest('[inert], [aria-hidden="true"]'))
      .map((el) => {
        // As tab-walk.ts reads them: a field's words are its label's, or none (what is typed in it does not name it);
        // drawn-only marks (aria-hidden) and words for screen readers alone (.visually-hidden) are not seen.
        const labels = (el as HTMLInputElement).labels;
        const field = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;
        const source = labels && labels.length ? labels[0]! : field || el.getAttribute('role') === 'textbox' ? null : el;
        const copy = (source ?? document.createElement('span')).cloneNode(true) as HTMLElement;
        for (const hidden of copy.querySelectorAll('[aria-hidden="true"], .visually-hidden, select, input, textarea')) hidden.remove();
        const kind = el.getAttribute('role') ?? el.tagName.toLowerCase();
        return {
          kind,
          words: squash(copy.textContent ?? ''),
          name: squash(axe.commons.text.accessibleTextVirtual(axe.utils.getNodeFromTree(el))),
        };
      });
  } finally {
    axe.teardown();
  }
}

/** How many visible controls a screen state has, and each one not named for the words it shows, one line apiece. */
export interface NameCheck {
  checked: number;
  misnamed: string[];
}

/**
 * Reads every visible control on the page (only an open modal dialog's, when one is open) and tells what a screen
 * state fails on for control names, one line each ("popup, sign out?: button showing “Cancel” is named “Close”"):
 * each visible control whose accessible name does not start with the words it shows, and each showing no words that
 * has no name at all; and how many controls it checked. The shared scans (axe-chromium.ts, axe-firefox.ts) fail on
 * the misnamed ones with axe's own findings. A state with no control passes (the privacy page has none), so a query
 * that found nothing would pass every scan: names-start-canary.spec.ts pins `checked` on a page it knows, and fails
 * then. `query` is there for that canary to show it.
 */
export async function namingProblems(page: Page | FirefoxPage, state: string, query = CONTROL_QUERY): Promise<NameCheck> {
  // Either driver's page: a function (with its one argument) or axe-core's source run in it (neither bound by the
  // page's CSP).
  const run = page as { evaluate<R, A>(fn: ((arg: A) => R) | string, arg?: A): Promise<R> };
  if (!(await run.evaluate(() => 'axe' in window))) await run.evaluate(AXE_SOURCE);
  const controls = await run.evaluate(controlsHere, query);
  const misnamed = controls
    .filter((c) => (c.words ? !c.name.startsWith(c.words) : !/\S/.test(c.name)))
    .map((c) => `${state}: ${c.kind} showing “${c.words}” is named “${c.name}”`);
  return { checked: controls.length, misnamed };
}
