import { describe, expect, it } from 'vitest';
import { actionErrorText, actionLabel, actionWhat } from '@/lib/action-words';
import type { ActionRow } from '@/lib/db';

/**
 * Rows stored before issue 13 kept the background's English words (`label`, `error.message`), and the Activity log
 * shows them as they are. A row from another version or a corrupted store may hold anything there: the log shows
 * only words that are one (a string, within bounds, isolated when it holds direction controls), else words of its own.
 */

const FSI = '\u2068';
const PDI = '\u2069';

const row = (type: string, extra: Partial<ActionRow> = {}): ActionRow => ({
  seq: 1,
  accountId: '1',
  type,
  params: {},
  state: 'done',
  createdAt: '2026-03-01T11:00:00.000Z',
  updatedAt: '2026-03-01T11:00:00.000Z',
  attempts: 0,
  notBefore: 0,
  ...extra,
});

describe('the Activity log, for an action of a type this version does not know', () => {
  it('shows the words stored with it', () => {
    expect(actionLabel(row('retweet.v1', { label: 'Repost a post by @ada' }))).toBe('Repost a post by @ada');
  });

  it('isolates stored words that hold a direction control, so they cannot reorder the line around them', () => {
    expect(actionLabel(row('retweet.v1', { label: 'Repost \u202Eada@' }))).toBe(`${FSI}Repost \u202Eada@${PDI}`);
  });

  it.each([
    ['stored words too long to be a label', 'x'.repeat(5000)],
    ['stored words that are not a string', ['Repost'] as unknown as string],
    ['blank stored words', '   '],
  ])('names the type instead of %s', (_case, label) => {
    expect(actionWhat(row('retweet.v1', { label }))).toBe('retweet.v1');
  });

  it('says it does not know the action when neither its words nor its type can be shown', () => {
    expect(actionLabel(row(`retweet${'.v1'.repeat(200)}`))).toBe('An action this version of Perch does not know');
    expect(actionLabel(row('retweet\u202E1v.'))).toBe('An action this version of Perch does not know');
  });
});

describe('why a stored action failed, from a row stored before issue 13', () => {
  it('shows the stored sentence', () => {
    expect(actionErrorText({ kind: 'forbidden', message: 'X does not allow this, said the old version.' })).toBe(
      'X does not allow this, said the old version.',
    );
  });

  it.each([
    ['not a string', { text: 'No' } as unknown as string],
    ['too long to be a sentence', 'No. '.repeat(2000)],
  ])('words it from its kind when the stored sentence is %s', (_case, message) => {
    expect(actionErrorText({ kind: 'forbidden', message })).toBe('X does not allow this.');
  });
});
