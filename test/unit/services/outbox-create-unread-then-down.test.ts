import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { actionPhase, phaseNote, phaseSentence } from '@/components/manager/action-state';
import { badgeTitle, failureSentence } from '@/lib/action-words';
import { db, type ActionRow } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { MAX_ATTEMPTS, Outbox } from '@/lib/services/outbox';
import { createXClient } from '@/lib/x/client';
import { readInJapanese } from '../locales/in-japanese';
import { activityRowText, popupNoteText } from '../support/action-words-page';
import { withEmptyStore } from '../support/store';

/**
 * A new List X answered 200 unreadably (JSON cut short) may have been made on X: a 2xx is X saying it did the request
 * (x-api--fundamentals--response-codes-and-errors). Perch keeps that fact (`mayBeDone`), but when a later try's look for
 * the List on X was answered 503 (X not answering), the Activity tab and the popup said only "X is not answering right
 * now", and nothing of X having perhaps made it. They now say both.
 */

const ACCOUNT = '1585841080431321088';
const HOUR = 60 * 60_000;
const NOT_ANSWERING = 'X is not answering right now. Try again in a moment.';
// A wait's words say when Perch tries again (components/manager/action-state.ts).
const WAITS_ON_X = /X is not answering/;
const EARLIER = 'An earlier try was answered, but Perch could not read the answer, so X may have done it. Check on X.';

const cut = () => new Response('{"data":{"id":"19000000000', { status: 200, headers: { 'content-type': 'application/json' } });
const down = () => new Response('', { status: 503 });

withEmptyStore();

/**
 * The List's create sent through the outbox, `tries` times: X answers POST /2/lists with `cut`, every look on X with
 * `down`.
 */
async function createdThenDown(tries: number): Promise<ActionRow> {
  let now = 1_800_000_000_000;
  const fetch = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => (init?.method === 'POST' ? cut() : down()));
  const client = createXClient({ baseUrl: 'https://api.x.com', getAccessToken: async () => 'token', fetch });
  const box = new Outbox({ defs: ACTIONS, clientFor: async () => client, wakeAt: () => undefined, now: () => now, random: () => 0.5 });
  const { seq } = await box.enqueue(ACCOUNT, 'list.create', { tempId: 'new-1', name: 'Birds' });
  await box.idle(ACCOUNT);
  for (let i = 1; i < tries; i++) {
    now += 2 * HOUR;
    await box.wake();
    await box.idle(ACCOUNT);
  }
  // Sent once; every later try looked for it on X, which did not answer.
  expect(fetch.mock.calls.filter(([, init]) => init?.method === 'POST')).toHaveLength(1);
  expect(fetch.mock.calls).toHaveLength(tries);
  return (await db().actions.get(seq!))!;
}

/**
 * The failure as the toolbar badge's title, the popup's failure line (lib/action-words.ts) and a status line
 * (components/manager/action-state.ts) word it.
 */
function failureWords(action: ActionRow): string[] {
  const note = { seq: action.seq!, type: action.type, params: { name: 'Birds' }, error: action.error!, at: '2027-01-15T08:00:00.000Z' };
  return [badgeTitle([note]), failureSentence(note), phaseSentence('New list “Birds”', actionPhase(action, undefined, 0))];
}

/** The Activity tab's row for the stored action, as a person reads it. */
const activityRow = () => activityRowText(ACCOUNT);

/** The popup's note for the action, as ActionNotes words an action the background published. */
const popupNote = (action: ActionRow) => popupNoteText(action, 'note-list');

describe('a new List X answered unreadably, waiting to be tried again', () => {
  it('says in the Activity row and the popup that X may have made it, not only when it is tried again', async () => {
    const row = await createdThenDown(1);
    expect(row).toMatchObject({ state: 'queued', error: { kind: 'malformed', mayBeDone: true } });
    const text = await activityRow();
    expect(text).toMatch(/Queued until /);
    expect(text).toContain(`: ${EARLIER}`);
    expect(await popupNote(row)).toMatch(/Queued until .+\. An earlier try was answered/);
  });
});

describe('a new List X answered unreadably once, then X stopped answering', () => {
  it('says both in the Activity row and the popup while it waits to try again', async () => {
    const row = await createdThenDown(2);
    expect(row).toMatchObject({ state: 'queued', error: { kind: 'unavailable', mayBeDone: true } });
    for (const text of [await activityRow(), await popupNote(row)]) {
      expect(text).toMatch(WAITS_ON_X);
      expect(text).toContain(EARLIER);
    }
  });

  it('still says X may have made it after its last try', async () => {
    const row = await createdThenDown(MAX_ATTEMPTS);
    expect(row).toMatchObject({ state: 'failed', error: { kind: 'unavailable', mayBeDone: true } });
    const [activity, popup] = [await activityRow(), await popupNote(row)];
    for (const text of [activity, popup]) {
      expect(text).toContain(`${NOT_ANSWERING} ${EARLIER}`);
      // Not "Failed: …" nor "… failed: …", which the last sentence contradicts.
      expect(text).not.toMatch(/failed/i);
    }
    expect(activity).toContain(`Not confirmed: ${NOT_ANSWERING}`);
    expect(popup).toContain(`: not confirmed. ${NOT_ANSWERING}`);
    // The popup's List panel words it through phaseNote.
    expect(phaseNote(actionPhase(row, undefined, 0))).toBe(`Not confirmed: ${NOT_ANSWERING} ${EARLIER}`);
  });

  it('says it is not confirmed, never "not done", in the badge title, the failure line and the status line', async () => {
    const row = await createdThenDown(MAX_ATTEMPTS);
    for (const text of failureWords(row)) {
      expect(text).toContain(`: not confirmed. ${NOT_ANSWERING} ${EARLIER}`);
      expect(text).not.toContain('not done');
    }
  });

  it('says both in Japanese too', async () => {
    readInJapanese();
    const row = await createdThenDown(MAX_ATTEMPTS);
    expect(await activityRow()).toContain(
      'Xが応答していません。少し待ってからもう一度お試しください。以前の試行ではXから応答がありましたが、Perchはその内容を読み取れませんでした。Xでは完了しているかもしれません。Xで確認してください。',
    );
    expect(await activityRow()).toContain('未確認: Xが応答していません。');
    expect(await popupNote(row)).toContain(': 完了したか確認できていません。Xが応答していません。');
    expect(await popupNote(row)).not.toContain('失敗');
    expect(await popupNote(row)).toContain('以前の試行ではXから応答がありましたが');
    for (const text of failureWords(row)) expect(text).toContain(': 完了したか確認できていません。Xが応答していません。');
  });
});
