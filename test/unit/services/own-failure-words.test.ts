import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { actionErrorText, failureSentence } from '@/lib/action-words';
import { db } from '@/lib/db';
import { withChange } from '@/lib/failed-actions';
import { ACTIONS } from '@/lib/services/actions';
import { Outbox } from '@/lib/services/outbox';
import type { ActionChange } from '@/lib/services/outbox-feed';
import type { XClient } from '@/lib/x/client';
import { readInJapanese } from '../locales/in-japanese';
import { withEmptyStore } from '../support/store';

/**
 * A queued action Perch refused to send (a bug in Perch: XApiError's own words, lib/x/input.ts `invalidInput`) is
 * stored with which sentence it was, not the sentence: the popup's line and the Activity tab word it in the reader's
 * language — "Perch did not send this to X…", not a generic "X refused the request." it never was.
 */

const ACCOUNT = '1585841080431321088';
const now = 1_800_000_000_000;
let published: ActionChange[] = [];

withEmptyStore();
beforeEach(() => {
  published = [];
});

/** A mute of an id no X user has: Perch's check before sending refuses it, and X is asked nothing. */
async function failedMute() {
  const request = vi.fn(() => Promise.resolve({ body: {}, status: 200, rateLimit: undefined }));
  const box = new Outbox({
    defs: ACTIONS,
    clientFor: async () => ({ request }) as unknown as XClient,
    wakeAt: () => undefined,
    now: () => now,
    publish: (change) => published.push(change),
  });
  const queued = await box.enqueue(ACCOUNT, 'mute', { userId: 'not-an-id', username: 'ewd' });
  await box.idle(ACCOUNT);
  expect(request).not.toHaveBeenCalled();
  const row = (await db().actions.get(queued.seq!))!;
  const change = published.findLast((c) => c.seq === queued.seq)!;
  const [note] = withChange([], change, row, new Date(now).toISOString());
  return { row, note: note! };
}

describe('a queued action Perch itself did not send', () => {
  it('is stored as which of Perch’s sentences it was, no words', async () => {
    const { row, note } = await failedMute();
    expect(row.state).toBe('failed');
    expect(row.error).toEqual({ kind: 'invalid-request', own: { kind: 'not-sent' } });
    expect(note.error).toEqual(row.error);
  });

  it('reads as Perch’s own sentence in the Activity tab and the popup’s line, in English', async () => {
    const { row, note } = await failedMute();
    expect(actionErrorText(row.error)).toBe('Perch did not send this to X: something in it is not what X takes.');
    expect(failureSentence(note)).toBe('Mute @ewd: not done. Perch did not send this to X: something in it is not what X takes.');
  });

  it('reads as Perch’s own sentence in Japanese for a Japanese reader', async () => {
    const { row, note } = await failedMute();
    readInJapanese();
    expect(actionErrorText(row.error)).toBe('PerchはこれをXに送信しませんでした。Xが受け付けない内容が含まれています。');
    expect(failureSentence(note)).toBe(
      '@ewdさんをミュート: 完了しませんでした。PerchはこれをXに送信しませんでした。Xが受け付けない内容が含まれています。',
    );
  });
});
