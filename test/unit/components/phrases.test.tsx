import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Phrases, phraseStarts } from '@/components/Phrases';

/**
 * Where Perch's Japanese sentences may break in Firefox, which has no phrase breaking (components/Phrases.tsx): between
 * phrases, never inside a katakana word, and often enough that a note fits a 320 px side panel without a word cut.
 */

const JA = load(readFileSync('lib/locales/ja.yml', 'utf8')) as Record<string, string>;

/** The pieces of `text` a line may not break inside: cut at each phrase start and after each 「、」「。」 or space. */
function pieces(text: string): string[] {
  const cuts = new Set(phraseStarts(text));
  for (const m of text.matchAll(/[、。）」 ]/gu)) cuts.add(m.index + 1);
  const sorted = [0, ...[...cuts].sort((a, b) => a - b), text.length];
  return sorted
    .slice(1)
    .map((end, i) => text.slice(sorted[i], end))
    .filter(Boolean);
}

afterEach(() => vi.unstubAllGlobals());

describe('the phrases of Perch’s Japanese sentences', () => {
  it('never starts a phrase inside a katakana word, in any of Perch’s Japanese strings', () => {
    const cut: string[] = [];
    for (const [key, text] of Object.entries(JA)) {
      if (typeof text !== 'string') continue;
      for (const at of phraseStarts(text))
        if (/[\p{Script=Katakana}ー]/u.test(text[at - 1]!) && /[\p{Script=Katakana}ー]/u.test(text[at]!))
          cut.push(`${key}: ${text.slice(at - 4, at)} / ${text.slice(at, at + 4)}`);
    }
    expect(cut).toEqual([]);
  });

  it('cuts the Blocked tab’s note and X’s price rows into pieces that fit a line of a 320 px side panel', () => {
    // 296 px of text at 14 px: 21 full-width characters. The note's 「そのためPerchは各アカウントをx.comのプロフィールに
    // リンクしています。」 had no place to break but its end, and broke 「プロフィ」 / 「ール」.
    for (const key of ['blocked_intro', 'blocked_intro_self_serve', 'costs_read_sync', 'costs_read_sync_price', 'costs_write_post']) {
      const long = pieces(JA[key]!).filter((p) => p.length > 21);
      expect(long, key).toEqual([]);
    }
    expect(pieces('そのためPerchは各アカウントをx.comのプロフィールにリンクしています。')).toContain('プロフィールに');
  });

  it('gives a place to break (<wbr>, no text) in Japanese where the browser has no phrase breaking', () => {
    vi.stubGlobal('document', { documentElement: { lang: 'ja' } });
    vi.stubGlobal('CSS', { supports: () => false });
    const text = JA.blocked_intro_self_serve!;
    const html = renderToStaticMarkup(
      <p>
        <Phrases text={text} />
      </p>,
    );
    expect(html.match(/<wbr\/>/g)?.length).toBe(phraseStarts(text).length);
    // The words are the same: a copy, a search, a screen reader read the sentence as it is.
    expect(html.replace(/<[^>]+>/g, '')).toBe(text.replaceAll('&', '&amp;'));
  });

  it('leaves the sentence as it is where the browser breaks between phrases itself (Chromium), and in English', () => {
    vi.stubGlobal('document', { documentElement: { lang: 'ja' } });
    vi.stubGlobal('CSS', { supports: (property: string, value: string) => property === 'word-break' && value === 'auto-phrase' });
    expect(renderToStaticMarkup(<Phrases text={JA.blocked_intro} />)).not.toContain('<wbr');
    vi.stubGlobal('document', { documentElement: { lang: 'en' } });
    vi.stubGlobal('CSS', { supports: () => false });
    expect(renderToStaticMarkup(<Phrases text="X lets an app block only on its Enterprise plan." />)).not.toContain('<wbr');
  });
});
