import { describe, expect, it } from 'vitest';
import { actionPhase, phaseNote } from '@/components/action-phase';
import { phaseWords } from '@/components/manager/action-state';
import { readAction } from '@/components/manager/stored-rows';
import { AWAITING_PERSON } from '@/lib/db/rows';
import { timeOf } from '@/lib/reader-locale';

/**
 * A stored action whose times are numbers no Date holds (past ±8.64e15 ms: a store edited by hand, a reset X gave
 * thousands of years ahead): the Activity tab and the popup word it without a RangeError, which blanked the whole
 * Activity tab to its "could not be drawn" box. Such a time is read as none: no wait, no reset.
 */

const NOW = Date.UTC(2026, 11, 7, 12);
const row = (over: object) =>
  readAction({
    seq: 7,
    accountId: '1',
    type: 'like',
    params: { postId: '20' },
    state: 'queued',
    createdAt: '2026-12-07T11:00:00.000Z',
    updatedAt: '2026-12-07T11:00:00.000Z',
    notBefore: 0,
    attempts: 1,
    ...over,
  })!;

describe('a stored action with a time no Date holds', () => {
  it.each([
    ['a wait past the year 275760', { notBefore: 9e15 }],
    ['X’s reset past the year 275760', { notBefore: NOW + 60_000, error: { kind: 'rate-limited', reset: 9e12 } }],
  ])('%s is worded for the Activity tab and the popup', (_, over) => {
    const phase = actionPhase(row(over), undefined, NOW);
    expect(() => [phaseWords(phase), phaseNote(phase)]).not.toThrow();
  });

  it('is read as no wait and no reset; a time a Date holds, and the mark of an action waiting for you, are kept', () => {
    expect(row({ notBefore: 9e15 }).notBefore).toBe(0);
    expect(row({ notBefore: AWAITING_PERSON }).notBefore).toBe(AWAITING_PERSON);
    expect(actionPhase(row({ state: 'queued', notBefore: AWAITING_PERSON }), undefined, NOW)).toMatchObject({ awaitingPerson: true });
    expect(row({ error: { kind: 'rate-limited', reset: 9e12 } }).error).toStrictEqual({ kind: 'rate-limited' });
    expect(row({ notBefore: NOW + 60_000, error: { kind: 'rate-limited', reset: NOW / 1000 + 60 } })).toMatchObject({
      notBefore: NOW + 60_000,
      error: { kind: 'rate-limited', reset: NOW / 1000 + 60 },
    });
  });
});

describe('a clock time of a moment no Date holds', () => {
  it('is said as no time, not thrown', () => {
    expect(timeOf(9e15)).toBe('—');
    expect(timeOf(Number.NaN)).toBe('—');
    expect(timeOf(NOW)).toMatch(/\d\d:\d\d/);
  });
});
