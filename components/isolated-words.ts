import { createElement, Fragment, type ReactNode } from 'react';

/** Stand-ins for X's text inside a sentence of Perch's: private-use characters no translation holds. */
const mark = (i: number) => `\uE000${i}\uE001`;
const MARKS = /\uE000(\d+)\uE001/;

/**
 * A sentence of Perch's with X's text in it (names, usernames, list names), each piece of X's text in its own
 * `<bdi>`: a name ending in U+202E (RIGHT-TO-LEFT OVERRIDE) or written right to left cannot reorder the words around
 * it ("By Evil\u202E (@grace)"). `sentence` words it with the stand-ins it is given, e.g.
 * `(m) => i18n.t('popup_list_owner', [m(0), m(1)])`. The accessible name is the sentence's words, no controls added.
 */
export function isolatedWords(sentence: (m: (i: number) => string) => string, xText: readonly string[]): ReactNode {
  const parts = sentence(mark).split(MARKS);
  return createElement(
    Fragment,
    null,
    ...parts.map((part, i) => (i % 2 === 0 ? part : createElement('bdi', { key: i }, xText[Number(part)] ?? ''))),
  );
}
