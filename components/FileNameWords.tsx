import { Fragment } from 'react';
import { withoutBidiControls } from '@/lib/text/bidi';

/** Where the file name goes in the words before it is set in a `<bdi>`: a private-use character no message holds. */
const SLOT = '\uE000';

/**
 * Words Perch says of a file, on screen: `words(name)` with the file's name in a `<bdi>`, so a right-to-left name, or
 * one carrying an override (U+202E), reorders nothing around it. The isolation is the element's, not FSI/PDI
 * characters, so a name worked out from these words (a button's, a label's) holds no invisible characters beside the
 * file's own — and {@link spokenFileWords} leaves those out too.
 */
export function FileNameWords({ words, name }: { words: (name: string) => string; name: string }) {
  const parts = words(SLOT).split(SLOT);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i ? <bdi>{name}</bdi> : null}
          {part}
        </Fragment>
      ))}
    </>
  );
}

/** The same words as an accessible name: the file's name without its bidi formatting characters. */
export function spokenFileWords(words: (name: string) => string, name: string): string {
  return words(withoutBidiControls(name));
}
