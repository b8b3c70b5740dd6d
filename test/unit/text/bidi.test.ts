import { describe, expect, it } from 'vitest';
import { FSI, PDI, hasBidiControls, isolateBidi } from '@/lib/text/bidi';

describe('bidi isolation for plain text', () => {
  it('puts a name between FSI and PDI', () => {
    expect(isolateBidi('Evil\u202E')).toBe(`${FSI}Evil\u202E${PDI}`);
    expect(isolateBidi('محمد')).toBe(`${FSI}محمد${PDI}`);
  });

  it('leaves empty text empty', () => {
    expect(isolateBidi('')).toBe('');
  });

  it('drops a stray PDI that would close the isolate early and let an override leak out', () => {
    expect(isolateBidi(`a${PDI}\u202Eb`)).toBe(`${FSI}a\u202Eb${PDI}`);
  });

  it('closes isolates the text opens and never closes, before its own PDI', () => {
    expect(isolateBidi('\u2067x')).toBe(`${FSI}\u2067x${PDI}${PDI}`);
    expect(isolateBidi(`\u2066x${PDI}`)).toBe(`${FSI}\u2066x${PDI}${PDI}`);
  });

  it.each([
    ['RLO', '\u202E', true],
    ['RLM', '\u200F', true],
    ['ALM', '\u061C', true],
    ['an isolate', '\u2068', true],
    ['Arabic letters alone', 'مرحبا', false],
    ['plain text', 'Ada Lovelace', false],
  ])('tells whether text holds bidi controls: %s', (_name, text, expected) => {
    expect(hasBidiControls(text)).toBe(expected);
  });
});
