// The emoji matcher parses sequences structurally from per-code-point properties instead of running
// a `\p{RGI_Emoji}` regex (far too slow). These tests check, on this runtime's Unicode data, that
// the structural rules give exactly the RGI set for every code point, and keep the non-RGI forms
// twitter-text (twemoji-parser 11) also counts.
import { describe, expect, it } from 'vitest';
import { emojiEnd } from '../../../lib/text/emoji';

const RGI = new RegExp('^\\p{RGI_Emoji}$', 'v');
const EMOJI = new RegExp('\\p{Emoji}', 'u');
const MODIFIER_BASE = new RegExp('\\p{Emoji_Modifier_Base}', 'u');

/** Whether the whole string is one emoji for the counter. */
const isOneEmoji = (s: string) => emojiEnd(s, 0) === s.length;

const allCodePoints = (from: number, to: number) => {
  const out: string[] = [];
  for (let cp = from; cp <= to; cp++) if (cp < 0xd800 || cp > 0xdfff) out.push(String.fromCodePoint(cp));
  return out;
};
const emojiCodePoints = allCodePoints(0, 0x1ffff).filter((ch) => EMOJI.test(ch));

// Non-RGI forms twitter-text's emoji parser counts as one emoji.
const PRESENTATION_WITH_VS16 = '⌚⌛◽◾☔☕♈♉♊♋♌♍♎♏♐♑♒♓♿⚓⚡⚪⚫⚽⚾⛄⛅⛔⛪⛲⛳⛵⛺⛽❗⬛⬜⭐⭕🀄🈚🈯';

describe('emoji matching on this runtime’s Unicode data', () => {
  it('finds no Emoji code point outside the BMP and plane 1 (the property tables rely on it)', () => {
    let outside = '';
    for (let cp = 0x20000; cp <= 0x10ffff; cp += 0x1000) {
      outside += allCodePoints(cp, cp + 0xfff).join('');
      if (EMOJI.test(outside)) break;
      outside = '';
    }
    expect(outside).toBe('');
  });

  it('counts a single code point as an emoji exactly when it is RGI', () => {
    const mismatches = emojiCodePoints.filter((ch) => isOneEmoji(ch) !== RGI.test(ch));
    expect(mismatches).toEqual([]);
  });

  it('counts a code point with U+FE0F as one emoji exactly when RGI, or when twitter-text does', () => {
    const mismatches = emojiCodePoints
      .map((ch) => ch + '\uFE0F')
      .filter((s) => isOneEmoji(s) !== (RGI.test(s) || PRESENTATION_WITH_VS16.includes(s.slice(0, -1))));
    expect(mismatches).toEqual([]);
  });

  it('counts a modifier base with each skin tone as one emoji exactly when RGI (or ⛷ as twitter-text does)', () => {
    const tones = ['🏻', '🏼', '🏽', '🏾', '🏿'];
    const mismatches = emojiCodePoints
      .filter((ch) => MODIFIER_BASE.test(ch))
      .flatMap((ch) => tones.map((tone) => ch + tone))
      .filter((s) => isOneEmoji(s) !== (RGI.test(s) || s.startsWith('⛷')));
    expect(mismatches).toEqual([]);
  });

  it('counts every RGI flag and no other pair of regional indicators', () => {
    const letters = allCodePoints(0x1f1e6, 0x1f1ff);
    const mismatches = letters.flatMap((a) => letters.map((b) => a + b)).filter((s) => isOneEmoji(s) !== RGI.test(s));
    expect(mismatches).toEqual([]);
  });

  it.each([
    ['1⃣', 'keycap without U+FE0F'],
    ['⛹️🏻', 'U+FE0F between modifier base and skin tone'],
    ['🕴🏻‍♀️', 'levitating woman in business suit with skin tone'],
    ['👁‍🗨', 'eye in speech bubble without U+FE0F'],
  ])('keeps the twitter-text form %s (%s)', (s) => {
    expect(isOneEmoji(s)).toBe(true);
  });

  it('takes the longest RGI sequence: a ZWJ family stops before a stray U+FE0F', () => {
    const text = '👩‍👧‍👧\uFE0F';
    expect(emojiEnd(text, 0)).toBe(text.length - 1);
  });

  it('takes the longest RGI prefix of an unknown ZWJ chain', () => {
    const text = '👩‍👧‍🦖';
    expect(emojiEnd(text, 0)).toBe('👩‍👧'.length);
  });
});
