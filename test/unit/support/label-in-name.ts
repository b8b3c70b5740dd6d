import { parseHTML } from 'linkedom';
import { withoutBidiControls } from '@/lib/text/bidi';

/** What a person can press or follow, whose name a voice control user says aloud from what they see. */
const CONTROLS = [
  'button',
  'a[href]',
  'summary',
  'input[type="button"]',
  'input[type="submit"]',
  ...['button', 'link', 'tab', 'menuitem', 'checkbox', 'switch', 'option'].map((role) => `[role="${role}"]`),
].join(', ');

const words = (text: string) => withoutBidiControls(text).replace(/\s+/g, ' ').trim();

/** The words an element shows: its text, less what is hidden from sight (`aria-hidden` marks, `.visually-hidden` words). */
export function visibleText(element: Element): string {
  const walk = (node: Node): string => {
    if (node.nodeType === 3) return node.textContent ?? '';
    if (node.nodeType !== 1) return '';
    const el = node as Element;
    if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden') || el.classList.contains('visually-hidden')) return '';
    return [...el.childNodes].map(walk).join('');
  };
  return words(walk(element));
}

/** An element's accessible name, as far as Perch's markup asks for it: `aria-labelledby`, `aria-label`, else its text. */
export function accessibleName(element: Element): string {
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    const doc = element.ownerDocument;
    return words(
      labelledBy
        .split(/\s+/)
        .map((id) => doc.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
  }
  const label = element.getAttribute('aria-label');
  return label !== null ? words(label) : words(element.textContent ?? '');
}

/**
 * Every control in `html` whose accessible name does not start with the words it shows (WCAG 2.5.3, label in name:
 * "Open Reading list" on a button showing "Reading list" fails, "Pin Reading list" on one showing "Pin" passes). A
 * control showing no words (an icon) has nothing to start with and passes.
 */
export function labelMismatches(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return [...document.querySelectorAll(CONTROLS)].flatMap((control) => {
    const shown = visibleText(control);
    const name = accessibleName(control);
    return shown && !name.toLocaleLowerCase().startsWith(shown.toLocaleLowerCase()) ? [`“${name}” does not start with “${shown}”`] : [];
  });
}
