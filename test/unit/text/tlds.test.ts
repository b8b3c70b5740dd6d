import tldsPackage from 'tlds';
import { describe, expect, it } from 'vitest';
import { extractUrls } from '../../../lib/text/parse-post';
import { COUNTRY_TLDS, EXTRA_TLDS, GENERIC_TLDS, decodeTlds } from '../../../lib/text/tlds';

describe('TLDs', () => {
  it.each(tldsPackage)('links a URL ending in .%s (every TLD of the tlds package)', (tld) => {
    expect(extractUrls(`see https://twitter.${tld} now`).map((u) => u.url)).toEqual([`https://twitter.${tld}`]);
  });

  // Where one TLD is a prefix of another, both can match at one place only when the longer one
  // continues with a character the TLD lookahead (?=[^0-9a-zA-Z@+-]|$) lets through.
  it('adds TLDs newer than twitter-text that cannot compete with another TLD at the same place', () => {
    const all = [GENERIC_TLDS, COUNTRY_TLDS, EXTRA_TLDS].flatMap((packed) => decodeTlds(packed));
    const compete = (short: string, long: string) =>
      long.length > short.length && long.startsWith(short) && !/[0-9a-zA-Z@+-]/.test(long.charAt(short.length));
    const clashes = decodeTlds(EXTRA_TLDS).flatMap((extra) => all.filter((tld) => compete(extra, tld) || compete(tld, extra)));
    expect(clashes).toEqual([]);
  });

  it('links a TLD without a protocol only after a known TLD list entry', () => {
    expect(extractUrls('example.kids and example.notatld').map((u) => u.url)).toEqual(['example.kids']);
  });
});
