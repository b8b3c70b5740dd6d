import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { actionLabel, actionPhase, actionWhat, phaseWords } from '@/components/manager/action-state';
import { dateOf, numberOf, relativeTimeOf, timeOf } from '@/components/manager/format';
import { actionErrorText } from '@/components/error-text';
import { syncErrorText, syncNoticeText } from '@/components/manager/sync-words';
import { db, type ActionRow } from '@/lib/db';
import { Outbox } from '@/lib/services/outbox';
import { ACTIONS } from '@/lib/services/actions';
import type { XClient } from '@/lib/x/client';
import { XApiError } from '@/lib/x/errors';
import { withEmptyStore } from '../support/store';

/**
 * Issue 13, "Two languages": the background stores what happened (an action's type and parameters, a failure's kind,
 * X's reset and X's own words), and the screen words it in its reader's language — so an action taken while the
 * browser spoke English reads in Japanese once it speaks Japanese, and X's words stay X's, quoted.
 */

const ACCOUNT = '1585841080431321088';
const now = Date.parse('2026-03-01T12:00:00Z');

/** A few Japanese messages, as Chrome's `i18n.getMessage` serves them once the browser's UI language is Japanese. */
const JA: Record<string, string> = {
  action_what_mute: '{who} をミュート',
  action_what_like: '{who} のポストにいいね',
  action_what_list_update: 'リスト「{name}」を変更',
  action_what_list_update_logged: '「{name}」を変更',
  action_someone: 'アカウント',
  action_who: '@{username}',
  action_a_list: 'リスト',
  activity_failed: '失敗: $1',
  x_error_forbidden: 'X はこれを許可していません。',
  x_error_rate_limited_until: 'X の上限に達しました。{time} に再び使えます。',
  x_error_said: 'X の返答:「{words}」',
  join_sentences: '{first}{second}',
  sync_what_muted: 'ミュートしたアカウント',
  sync_notice_cap: '{what}が1回の同期で読み込める数({pages}ページ)を超えています。',
};

function readInJapanese() {
  fakeBrowser.i18n.getUILanguage = () => 'ja';
  fakeBrowser.i18n.getMessage = (name: string, subs?: string | (string | number)[]) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return (JA[name] ?? '').replace(/\$([1-9])/g, (_, n: string) => String(list[Number(n) - 1] ?? ''));
  };
}

/** An X that refuses every request with this error. */
const refusing = (error: XApiError): XClient => ({ request: vi.fn(() => Promise.reject(error)) });

async function failedAction(type: keyof typeof ACTIONS, params: Record<string, string>, error: XApiError): Promise<ActionRow> {
  const box = new Outbox({ defs: ACTIONS, clientFor: async () => refusing(error), wakeAt: () => undefined, now: () => now });
  const { seq } = await box.enqueue(ACCOUNT, type, params);
  await box.idle(ACCOUNT);
  return (await db().actions.get(seq!))!;
}

withEmptyStore();

describe('an action taken in English and read in Japanese', () => {
  it('names the action and X’s refusal in Japanese, with X’s own words quoted as X’s', async () => {
    const refusal = new XApiError('forbidden', { status: 403, problem: { detail: 'You cannot mute yourself.' } });
    const row = await failedAction('mute', { userId: '2244994945', username: 'XDevelopers' }, refusal);
    // Read while the browser speaks English: today's words.
    expect(actionLabel(row)).toBe('Mute @XDevelopers');
    expect(actionErrorText(row.error)).toBe('X does not allow this. X said: “\u2068You cannot mute yourself.\u2069”');

    readInJapanese();
    expect(actionLabel(row)).toBe('@XDevelopers をミュート');
    expect(phaseWords(actionPhase(row, undefined, now))).toBe(
      '失敗: X はこれを許可していません。X の返答:「\u2068You cannot mute yourself.\u2069」',
    );
  });

  it('says X’s reset as a time on the reader’s clock, in their language', async () => {
    const reset = Math.floor(now / 1000) + 600;
    const row = await failedAction(
      'like',
      { postId: '1460323737035677698', username: 'gracehop' },
      new XApiError('rate-limited', { status: 429, rateLimitReset: reset }),
    );
    // Waiting for the reset, it keeps X's reset, not a sentence.
    expect(row.error).toEqual({ kind: 'rate-limited', reset });
    readInJapanese();
    expect(actionLabel(row)).toBe('@gracehop のポストにいいね');
    expect(actionErrorText(row.error)).toBe(`X の上限に達しました。${timeOf(reset * 1000)} に再び使えます。`);
  });

  it('keeps the Activity log’s words and the status line’s words apart where they differ', () => {
    const change: Pick<ActionRow, 'type' | 'params'> = { type: 'list.update', params: { listId: '9', listName: 'Cobol fans' } };
    expect(actionLabel(change)).toBe('Change “Cobol fans”');
    expect(actionWhat(change)).toBe('Change the list “Cobol fans”');
    readInJapanese();
    expect(actionLabel(change)).toBe('「Cobol fans」を変更');
    expect(actionWhat(change)).toBe('リスト「Cobol fans」を変更');
  });

  it('names a post action that did not carry its author without an author', () => {
    expect(actionLabel({ type: 'like', params: { postId: '1' } })).toBe('Like a post');
    expect(actionLabel({ type: 'undoRepost', params: { postId: '1' } })).toBe('Undo repost of a post');
  });
});

describe('rows stored before, with the background’s English', () => {
  const old: ActionRow = {
    seq: 4,
    accountId: ACCOUNT,
    type: 'mute',
    params: { userId: '2', username: 'ewd' },
    label: 'Mute @ewd',
    state: 'failed',
    createdAt: '2026-03-01T11:00:00.000Z',
    updatedAt: '2026-03-01T11:00:00.000Z',
    notBefore: 0,
    attempts: 1,
    error: { kind: 'forbidden', message: 'X does not allow this: You cannot mute yourself.' },
  };

  it('still show their message, and a label worded again from the type', () => {
    expect(actionErrorText(old.error)).toBe('X does not allow this: You cannot mute yourself.');
    expect(phaseWords(actionPhase(old, undefined, now))).toBe('Failed: X does not allow this: You cannot mute yourself.');
    expect(actionLabel(old)).toBe('Mute @ewd');
  });

  it('show the stored label of a type this version no longer knows', () => {
    expect(actionLabel({ ...old, type: 'retweet.v1', label: 'Retweet a post by @ewd' })).toBe('Retweet a post by @ewd');
    expect(actionLabel({ type: 'retweet.v1', params: {} })).toBe('retweet.v1');
  });
});

describe('a sync’s result stored in English and read in Japanese', () => {
  it('words the failure and the walk cut short from their kinds, X’s words quoted as X’s', () => {
    const error = { kind: 'forbidden', said: 'You cannot see this.' };
    const notice = { kind: 'cap' as const, pages: 100 };
    expect(syncErrorText(error)).toBe('X does not allow this. X said: “\u2068You cannot see this.\u2069”');
    expect(syncNoticeText('muted', notice)).toBe(
      'You have more muted accounts than Perch reads in one sync (100 pages): the rest is kept as it was.',
    );
    readInJapanese();
    expect(syncErrorText(error)).toBe('X はこれを許可していません。X の返答:「\u2068You cannot see this.\u2069」');
    expect(syncNoticeText('muted', notice)).toBe('ミュートしたアカウントが1回の同期で読み込める数(100ページ)を超えています。');
  });

  it('still shows a row stored before with the background’s English sentence', () => {
    readInJapanese();
    expect(syncErrorText({ kind: 'offline', message: 'You are offline.' })).toBe('You are offline.');
    expect(syncNoticeText('lists', { kind: 'repeat', message: 'X sent the same page twice.' })).toBe('X sent the same page twice.');
  });
});

describe('dates, times and numbers in the reader’s locale', () => {
  it('follow the browser’s UI language, not a fixed English', () => {
    const at = '2026-11-23T05:06:00Z';
    expect(dateOf(at)).toBe('Nov 23, 2026');
    expect(numberOf(12345.5)).toBe('12,345.5');
    expect(relativeTimeOf(new Date(now - 5 * 60_000).toISOString(), now)).toBe('5 minutes ago');

    readInJapanese();
    expect(dateOf(at)).toBe(new Date(at).toLocaleDateString('ja', { day: 'numeric', month: 'short', year: 'numeric' }));
    expect(dateOf(at)).toMatch(/^2026年11月2[34]日$/);
    expect(relativeTimeOf(new Date(now - 5 * 60_000).toISOString(), now)).toBe('5 分前');
    fakeBrowser.i18n.getUILanguage = () => 'de';
    expect(numberOf(12345.5)).toBe('12.345,5');
  });

  it('keep a 24-hour clock for X’s resets, whatever the locale', () => {
    const at = new Date(2026, 2, 1, 9, 5).getTime();
    expect(timeOf(at)).toBe('09:05');
    fakeBrowser.i18n.getUILanguage = () => 'en-US';
    expect(timeOf(new Date(2026, 2, 1, 21, 5).getTime())).toBe('21:05');
    readInJapanese();
    expect(timeOf(at)).toBe('09:05');
  });

  it('fall back to the runtime’s default when the browser gives no usable language', () => {
    fakeBrowser.i18n.getUILanguage = () => 'not a language tag!';
    expect(numberOf(1000)).toBe(new Intl.NumberFormat().format(1000));
  });
});
