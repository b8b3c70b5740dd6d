// Cashtags as X counts them: twitter-text's conformance cases (extract.yml, read in place) and a property test
// against twitter-text's own extractCashtags.
import fc from 'fast-check';
import twitterText from 'twitter-text';
import { describe, expect, it } from 'vitest';
import { extractCashtags } from '../../../lib/text/cashtags';
import { HAS_TWITTER_TEXT_DATA, TWITTER_TEXT_DIR, readTwitterTextYaml, rows } from './support';

interface CashtagsCase {
  description: string;
  text: string;
  expected: string[];
}
interface IndicesCase {
  description: string;
  text: string;
  expected: { cashtag: string; indices: [number, number] }[];
}

const extract = readTwitterTextYaml<{ tests: { cashtags: CashtagsCase[]; cashtags_with_indices: IndicesCase[] } }>(
  'conformance/extract.yml',
)?.tests;

describe.skipIf(!HAS_TWITTER_TEXT_DATA)(`twitter-text conformance: cashtags (${TWITTER_TEXT_DIR})`, () => {
  it.each(rows(extract?.cashtags))('%s', (_, { text, expected }) => {
    expect(extractCashtags(text)).toEqual(expected);
  });
  it.each(rows(extract?.cashtags_with_indices))('%s', (_, { text, expected }) => {
    expect(extractCashtags(text)).toEqual(expected.map((e) => e.cashtag));
  });
});

describe('extractCashtags', () => {
  it.each([
    ['one ticker', 'Buying $AAPL today', ['AAPL']],
    ['two tickers', '$AAPL and $MSFT.', ['AAPL', 'MSFT']],
    ['a price is not a cashtag', 'It costs $5 or $5.99', []],
    ['after a line break', 'first\n$TSLA', ['TSLA']],
    ['after an ideographic space', 'x\u3000$BTC', ['BTC']],
    ['glued to a word', 'pay$NOW', []],
  ])('%s', (_, text, expected) => {
    expect(extractCashtags(text)).toEqual(expected);
  });
});

const PIECES = [
  '$',
  '$',
  '$',
  'AAPL',
  'ab',
  'a.b',
  'x_yz',
  'TOOLONGTAG',
  'abcdefg',
  'ABCDEF',
  'T.TT',
  '12',
  ' ',
  ' ',
  '\n',
  '.',
  '_',
  ',',
  '!',
  '-',
  '@',
  'é',
  '株',
  '\u3000',
  '\u00A0',
  '#',
  '(',
  ')',
  '\\',
  '/',
];

describe('extractCashtags against twitter-text', () => {
  it('finds the same cashtags as twitter-text 3.1.0 on generated text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(extractCashtags(text)).toEqual(twitterText.extractCashtags(text));
      }),
      { numRuns: 2000 },
    );
  });
});
