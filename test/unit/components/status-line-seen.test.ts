import { describe, expect, it, vi } from 'vitest';
import { createSeenTeller, shownFailure } from '@/components/manager/use-action-row';
import { AWAITING_PERSON, type ActionRow } from '@/lib/db';
import type { FailureNote } from '@/lib/failed-actions';

const row = (over: Partial<ActionRow>): ActionRow => ({
  seq: 7,
  accountId: '1585841080431321088',
  type: 'unbookmark',
  params: { postId: '1460323737035677698' },
  state: 'failed',
  createdAt: '2026-12-02T10:00:00.000Z',
  updatedAt: '2026-12-02T10:00:01.000Z',
  notBefore: 0,
  attempts: 1,
  error: { kind: 'forbidden' },
  ...over,
});
const note = (seq: number, at = '2026-12-02T10:00:01.000Z'): FailureNote => ({
  seq,
  type: 'unbookmark',
  params: { postId: '1460323737035677698' },
  error: { kind: 'forbidden' },
  at,
});

describe('a manager status line showing a failure', () => {
  it('names the failure the toolbar badge counts: refused by X, or waiting for the person', () => {
    expect(shownFailure({ action: row({}) })).toBe(7);
    expect(shownFailure({ action: row({ state: 'queued', notBefore: AWAITING_PERSON, error: { kind: 'usage-capped' } }) })).toBe(7);
  });

  it('names none for an action done, on its way, waiting for X’s reset, or cancelled by the person', () => {
    expect(shownFailure(undefined)).toBeUndefined();
    expect(shownFailure({ action: row({ state: 'done', error: undefined }) })).toBeUndefined();
    expect(shownFailure({ action: row({ state: 'sending', error: undefined }) })).toBeUndefined();
    expect(
      shownFailure({ action: row({ state: 'queued', notBefore: Date.now() + 60_000, error: { kind: 'rate-limited' } }) }),
    ).toBeUndefined();
    expect(shownFailure({ action: row({ error: { kind: 'cancelled' } }) })).toBeUndefined();
  });

  it('follows the undo when the line shows the undo: its refusal, not the action it undid', () => {
    const action = row({ state: 'done', error: undefined, undoneBy: 8 });
    expect(shownFailure({ action, undo: row({ seq: 8, undoOf: 7 }) })).toBe(8);
    expect(shownFailure({ action: row({}), undo: row({ seq: 8, undoOf: 7, state: 'done', error: undefined }) })).toBeUndefined();
  });

  it('tells the background once that the person saw it, and only what it showed while the page was in view', () => {
    const send = vi.fn((_seqs: number[]) => Promise.resolve(null));
    let visible = false;
    const tell = createSeenTeller(send, () => visible);

    // A manager tab left open in another window is not the person looking.
    tell(7, [note(7)]);
    expect(send).not.toHaveBeenCalled();
    visible = true;
    tell(7, [note(7), note(3)]);
    tell(7, [note(7), note(3)]);
    expect(send.mock.calls).toEqual([[[7]]]);

    // Retried and refused again: a new note, news again.
    tell(7, [note(7, '2026-12-02T10:05:00.000Z')]);
    expect(send.mock.calls).toEqual([[[7]], [[7]]]);
  });

  it('tells of a failure whose note is stored after the line moved on to the next action', () => {
    const send = vi.fn((_seqs: number[]) => Promise.resolve(null));
    const tell = createSeenTeller(send, () => true);
    tell(7, []);
    tell(undefined, []);
    tell(undefined, [note(7)]);
    expect(send.mock.calls).toEqual([[[7]]]);
  });

  it('tells again when the background refused the telling', async () => {
    const send = vi.fn((_seqs: number[]) => Promise.resolve(null)).mockRejectedValueOnce(new Error('busy'));
    const tell = createSeenTeller(send, () => true);
    tell(7, [note(7)]);
    await new Promise((r) => setTimeout(r, 0));
    tell(7, [note(7)]);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('tells of every failed row the Activity tab drew, each note once, and again after a refused telling', async () => {
    const send = vi.fn((_seqs: number[]) => Promise.resolve(null)).mockRejectedValueOnce(new Error('busy'));
    const tell = createSeenTeller(send, () => true);
    // Rows 7 and 9 failed; row 3's failure is not drawn yet (below the first screen).
    tell([7, 9], [note(3), note(7), note(9)]);
    expect(send.mock.calls).toEqual([[[7, 9]]]);
    await new Promise((r) => setTimeout(r, 0));
    // The background was busy: the rows are still drawn, so the next update tells them again, then never again.
    tell([7, 9], [note(3), note(7), note(9)]);
    tell([7, 9], [note(3), note(7), note(9)]);
    expect(send.mock.calls).toEqual([[[7, 9]], [[7, 9]]]);
  });
});
