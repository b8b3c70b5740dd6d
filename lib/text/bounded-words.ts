import { hasBidiControls, isolateBidi } from './bidi';

/**
 * The longest sentence shown as it came: room for the background's sentence and X's words quoted after it
 * (lib/compose-words.ts `SAID_MAX`, 2000). Anything longer is not a sentence for a screen.
 */
export const SENTENCE_MAX = 4000;

/**
 * `value` when it is words to show as they came: a string with something other than white space in it, of at most
 * `max` UTF-16 units (default {@link SENTENCE_MAX}); between FSI and PDI when it holds a direction control, so it
 * cannot reorder what is shown around it (lib/text/bidi.ts). Undefined for anything else, never a value of another
 * kind. For words Perch did not write on this screen and cannot vouch for: a row an older version stored, a message a
 * reply carried unchecked. Plain code, no wording: the worker and the screens both call it. Never throws.
 */
export function boundedWords(value: unknown, max: number = SENTENCE_MAX): string | undefined {
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) return undefined;
  return hasBidiControls(value) ? isolateBidi(value) : value;
}
