// twitter-text's own conformance data, read in place from ../shared/twitter-text: every case of the
// weighted-length sections that use the v3 config, every URL extraction section, and every TLD.
import { describe, expect, it } from 'vitest';
import { COUNTING_CONFIG, extractUrls, parsePost } from '../../../lib/text/parse-post';
import { COUNTRY_TLDS, GENERIC_TLDS, decodeTlds } from '../../../lib/text/tlds';
import { HAS_TWITTER_TEXT_DATA, TWITTER_TEXT_DIR, readTwitterTextJson, readTwitterTextYaml, rows } from './support';

interface ParseCase {
  description: string;
  text: string;
  expected: Record<string, number | boolean>;
}
interface UrlsCase {
  description: string;
  text: string;
  expected: string[];
}
interface IndicesCase {
  description: string;
  text: string;
  expected: { url: string; indices: [number, number] }[];
}

const validate = readTwitterTextYaml<{ tests: Record<string, ParseCase[]> }>('conformance/validate.yml')?.tests;
const extract = readTwitterTextYaml<{ tests: Record<string, unknown[]> }>('conformance/extract.yml')?.tests;
const tlds = readTwitterTextYaml<{ tests: Record<'country' | 'generic', UrlsCase[]> }>('conformance/tlds.yml')?.tests;
const v3 = readTwitterTextJson<object>('config/v3.json');

describe.skipIf(!HAS_TWITTER_TEXT_DATA)(`twitter-text conformance data (${TWITTER_TEXT_DIR})`, () => {
  it('embeds exactly the v3 weighting config (config/v3.json)', () => {
    expect(COUNTING_CONFIG).toEqual(v3);
  });

  // Both sections are run with the v3 config in twitter-text's own test suite.
  describe.each(['WeightedTweetsWithDiscountedEmojiCounterTest', 'UnicodeDirectionalMarkerCounterTest'])(
    'validate.yml %s (v3 config)',
    (section) => {
      it.each(rows(validate?.[section]))('%s', (_, { text, expected }) => {
        const parsed = parsePost(text) as unknown as Record<string, unknown>;
        const actual = Object.fromEntries(Object.keys(expected).map((key) => [key, parsed[key]]));
        expect(actual).toEqual(expected);
      });
    },
  );

  describe.each(['urls', 'tco_urls_with_params'])('extract.yml %s', (section) => {
    it.each(rows(extract?.[section] as UrlsCase[] | undefined))('%s', (_, { text, expected }) => {
      expect(extractUrls(text).map((u) => u.url)).toEqual(expected);
    });
  });

  describe.each(['urls_with_indices', 'urls_with_directional_markers'])('extract.yml %s', (section) => {
    it.each(rows(extract?.[section] as IndicesCase[] | undefined))('%s', (_, { text, expected }) => {
      expect(extractUrls(text)).toEqual(expected);
    });
  });

  describe.each(['country', 'generic'] as const)('tlds.yml %s', (section) => {
    it.each(rows(tlds?.[section]))('%s', (_, { text, expected }) => {
      expect(extractUrls(text).map((u) => u.url)).toEqual(expected);
    });

    it(`embeds exactly tlds.yml's ${section} TLDs`, () => {
      const fromYaml = (tlds?.[section] ?? []).map((c) => c.text.replace('https://twitter.', ''));
      const embedded = decodeTlds(section === 'country' ? COUNTRY_TLDS : GENERIC_TLDS);
      expect([...embedded].sort()).toEqual([...fromYaml].sort());
    });
  });
});
