import { describe, expect, it } from 'vitest';
import { editsLeftText, editTimeLeft, timeLeftText } from '@/components/use-edit-window';

describe('the time left to edit a post', () => {
  const until = '2026-01-15T12:30:00.000Z';
  const at = (iso: string) => Date.parse(iso);

  it.each([
    ['2026-01-15T12:00:00.000Z', 30 * 60_000, '30 min left'],
    ['2026-01-15T12:18:00.000Z', 12 * 60_000, '12 min left'],
    ['2026-01-15T12:18:50.000Z', 11 * 60_000 + 10_000, '12 min left'],
    ['2026-01-15T12:29:00.000Z', 60_000, '1 min left'],
    ['2026-01-15T12:29:30.000Z', 30_000, 'less than a minute left'],
  ])('at %s is %d ms: “%s”', (now, ms, words) => {
    expect(editTimeLeft(until, at(now))).toBe(ms);
    expect(timeLeftText(ms)).toBe(words);
  });

  it('is none once X’s editable_until has passed, or when X gave no date', () => {
    expect(editTimeLeft(until, at('2026-01-15T12:31:00.000Z'))).toBe(0);
    expect(editTimeLeft('not a date', at('2026-01-15T12:00:00.000Z'))).toBe(0);
  });

  it('counts the edits left', () => {
    expect(editsLeftText(5)).toBe('5 edits left');
    expect(editsLeftText(1)).toBe('1 edit left');
    expect(editsLeftText(-1)).toBe('0 edits left');
  });
});
