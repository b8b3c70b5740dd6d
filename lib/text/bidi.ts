/**
 * Bidirectional-text isolation for X's text (names, usernames, list names, bios, post text) in plain-text places
 * — badge titles, CSV, Markdown — where no `<bdi>` element can do it. Without it a display name ending in
 * U+202E (RIGHT-TO-LEFT OVERRIDE) reverses whatever follows it on the line ("Evil\u202E @paypal_support"), and a
 * right-to-left name reorders the numbers and punctuation beside it (Unicode UAX #9, "Explicit Directional
 * Isolates"; W3C "Inline markup and bidirectional text in HTML").
 */

/** FIRST STRONG ISOLATE: opens an isolate whose direction follows its first strong character. */
export const FSI = '\u2068';
/** POP DIRECTIONAL ISOLATE: closes the nearest open isolate, and every embedding or override opened inside it. */
export const PDI = '\u2069';

const ISOLATE_OPENERS = new Set(['\u2066', '\u2067', '\u2068']);

/** Unicode's explicit bidi formatting characters (LRM, RLM, ALM and the embeddings, overrides and isolates). */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/**
 * `text` without its explicit bidi formatting characters: for an accessible name (a label read aloud, or searched by
 * voice control), where they are invisible characters, not words; the visible text keeps them, inside a `<bdi>`.
 */
export function withoutBidiControls(text: string): string {
  return text.replace(new RegExp(BIDI_CONTROLS.source, 'g'), '');
}

/** Whether `text` holds any explicit bidi formatting character (which could reach beyond it unless isolated). */
export function hasBidiControls(text: string): boolean {
  return BIDI_CONTROLS.test(text);
}

/**
 * `text` between FSI and PDI, so nothing in it changes the order of what is around it. Balanced first: a stray
 * PDI in the text (which would close Perch's isolate early and let a following override leak out) is dropped,
 * and isolates the text opens but never closes are closed before Perch's own PDI. Empty text stays empty.
 */
export function isolateBidi(text: string): string {
  if (!text) return text;
  let depth = 0;
  let body = '';
  for (const ch of text) {
    if (ISOLATE_OPENERS.has(ch)) depth++;
    else if (ch === PDI) {
      if (depth === 0) continue;
      depth--;
    }
    body += ch;
  }
  return `${FSI}${body}${PDI.repeat(depth)}${PDI}`;
}
