import { describe, expect, it } from 'vitest';
import { FAILURE_NOTES_MAX, withChange, type FailureNote } from '@/lib/failed-actions';
import type { ActionChange } from '@/lib/services/outbox-feed';

/** The unseen failures of an account stay bounded in storage.local however many actions fail unseen. */

const refused = (seq: number): ActionChange => ({
  accountId: '1',
  seq,
  type: 'like',
  state: 'failed',
  notBefore: 0,
  error: { kind: 'forbidden' },
});

function afterFailures(count: number): FailureNote[] {
  let notes: FailureNote[] = [];
  for (let seq = 1; seq <= count; seq++) {
    notes = withChange(notes, refused(seq), { type: 'like', params: { postId: String(seq) } }, '2026-12-04T00:00:00Z');
  }
  return notes;
}

describe('the failure notes of one account', () => {
  it('keep every failure up to the bound', () => {
    expect(afterFailures(FAILURE_NOTES_MAX)).toHaveLength(FAILURE_NOTES_MAX);
  });

  it('keep only the newest past the bound, the latest failure among them', () => {
    const count = FAILURE_NOTES_MAX + 50;
    const notes = afterFailures(count);
    expect(notes).toHaveLength(FAILURE_NOTES_MAX);
    expect(notes[0]!.seq).toBe(count - FAILURE_NOTES_MAX + 1);
    expect(notes.at(-1)).toMatchObject({ seq: count, params: { postId: String(count) } });
  });
});
