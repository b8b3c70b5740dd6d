import { expect, type Page } from '@playwright/test';
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

/** In the page, with axe-core injected: each visible control's words and accessible name. */
function controlsHere(): NamedControl[] {
  type Axe = {
    setup(node: Element): unknown;
    teardown(): void;
    utils: { getNodeFromTree(el: Element): unknown };
    commons: { text: { accessibleTextVirtual(v: unknown): string } };
  };
  const axe = (window as unknown as { axe: Axe }).axe;
  const ROLES = ['button', 'link', 'checkbox', 'menuitem', 'menuitemradio', 'menuitemcheckbox', 'tab', 'switch', 'radio', 'textbox'];
  const query = ['button', 'a[href]', 'input:not([type="hidden"])', 'textarea', 'select', 'summary', ...ROLES.map((r) => `[role="${r}"]`)];
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
  axe.setup(document.documentElement);
  try {
    // An open modal dialog leaves the rest of the page inert: only its own controls are there for a person.
    const scope = document.querySelector('dialog:modal') ?? document;
    return [...scope.querySelectorAll<HTMLElement>(query.join(','))]
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

/** How many visible controls a page state has, and each one not named for the words it shows, one line apiece. */
export interface NameCheck {
  checked: number;
  misnamed: string[];
}

/**
 * Reads every visible control on the page (only an open modal dialog's, when one is open) and lists the ones whose
 * accessible name does not start with the words they show, and those showing no words that have no name at all:
 * "button showing “開く” is named “下書きを開く”".
 */
export async function misnamedControls(page: Page | FirefoxPage): Promise<NameCheck> {
  // Either driver's page: a function or axe-core's source run in it (neither bound by the page's CSP).
  const run = page as { evaluate<R>(fn: (() => R) | string): Promise<R> };
  if (!(await run.evaluate(() => 'axe' in window))) await run.evaluate(AXE_SOURCE);
  const controls = await run.evaluate(controlsHere);
  const misnamed = controls
    .filter((c) => (c.words ? !c.name.startsWith(c.words) : !/\S/.test(c.name)))
    .map((c) => `${c.kind} showing “${c.words}” is named “${c.name}”`);
  return { checked: controls.length, misnamed };
}

/**
 * Checks (softly, so the test goes on to its next state) that each visible control on the page is named for the
 * words it shows, and that a control showing none has a name all the same. Returns how many controls it checked.
 */
export async function expectNamesStartWithLabels(page: Page | FirefoxPage, state: string): Promise<number> {
  const { checked, misnamed } = await misnamedControls(page);
  expect.soft(misnamed, `controls on "${state}" not named for what they show`).toEqual([]);
  return checked;
}
