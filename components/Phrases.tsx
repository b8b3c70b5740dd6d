import { Fragment, type ReactNode } from 'react';

/**
 * Perch's own Japanese sentences where the browser has no phrase breaking (Firefox: no `word-break: auto-phrase`).
 * There components/base.css keeps every Japanese word of Perch's whole (`word-break: keep-all`): a line breaks only at
 * a space or after punctuation, and a run too long for its line would break anywhere, in the middle of a word
 * (「プロフィ」 / 「ール」). <Phrases> gives such a sentence a place to break (<wbr>, which adds no text: its words, its
 * copy and its accessible name stay the same) before each phrase: a word in kanji, katakana or Latin letters after a
 * Japanese one, with the kana that follow it (「アカウントを」「ブロックしている」). Chromium, which breaks between phrases
 * itself, and every other language get the text as it is.
 */

const JAPANESE_END = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}\u30FC\u30FB]$/u;
const PHRASE_START = /^[\p{Script=Katakana}\p{Script=Han}\p{Script=Latin}\p{Nd}（「『]/u;
const KATAKANA = /[\p{Script=Katakana}\u30FC]/u;

/** Whether `at` falls inside one of the places `whole` names in `text` (not at its start or end). */
function inside(text: string, whole: readonly string[], at: number): boolean {
  return whole.some((part) => {
    if (!part) return false;
    for (let from = text.indexOf(part); from !== -1; from = text.indexOf(part, from + 1))
      if (at > from && at < from + part.length) return true;
    return false;
  });
}

/**
 * Where in `text` a phrase starts that a line may start with (never 0): the places <Phrases> may break. Never inside
 * one of `whole`: someone's or a List's name in the sentence (山田太郎 is two kanji words to the segmenter, not two phrases).
 */
export function phraseStarts(text: string, whole: readonly string[] = []): number[] {
  const starts: number[] = [];
  let previous = '';
  for (const { segment, index } of new Intl.Segmenter('ja', { granularity: 'word' }).segment(text)) {
    const last = previous.at(-1) ?? '';
    // Never between two katakana words (「デベロッパー」「コンソール」 read as one name), nor after an honorific 「ご」「お」.
    const joined = (KATAKANA.test(last) && KATAKANA.test(segment[0]!)) || previous === 'ご' || previous === 'お';
    if (index > 0 && JAPANESE_END.test(previous) && PHRASE_START.test(segment) && !joined && !inside(text, whole, index))
      starts.push(index);
    previous = segment;
  }
  return starts;
}

/** Whether this page needs the breaks: Japanese, in a browser without phrase breaking. */
function needed(): boolean {
  return (
    typeof document !== 'undefined' &&
    document.documentElement.lang.startsWith('ja') &&
    typeof CSS !== 'undefined' &&
    !CSS.supports('word-break', 'auto-phrase')
  );
}

/**
 * A sentence of Perch's (a locale string), with a place to break before each phrase where the browser needs one;
 * nothing when there is none (an empty live region). The names it holds (`whole`: X's text, a person's or a List's)
 * get no break inside.
 */
export function Phrases({ text, whole }: { text: string | undefined; whole?: readonly string[] }): ReactNode {
  if (!text || !needed()) return text;
  const starts = phraseStarts(text, whole);
  if (!starts.length) return text;
  return [0, ...starts].map((start, i) => (
    <Fragment key={start}>
      {i ? <wbr /> : null}
      {text.slice(start, starts[i])}
    </Fragment>
  ));
}
