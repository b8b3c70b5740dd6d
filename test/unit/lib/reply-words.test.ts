import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { errorText, thrownText } from '@/components/error-text';
import { db, type ActionRow } from '@/lib/db';
import { handle, type Handlers, type RequestOf } from '@/lib/message-contract';
import { MessageError, type ErrorReply } from '@/lib/messaging';
import { replyWordsOf } from '@/lib/reply-words';
import { ACTIONS } from '@/lib/services/actions';
import { draftWindowUrl } from '@/lib/services/drafts-open';
import { Outbox } from '@/lib/services/outbox';
import { saveClientId } from '@/lib/settings';
import { readInJapanese } from '../locales/in-japanese';
import { freshDb } from '../services/support';

/**
 * Issue 13, "Two languages": the background's own refusals (the outbox's undo, cancel and retry, a draft gone, a
 * Client ID that is none) reach the screen as kinds, made while the worker speaks English and read in Japanese by a
 * Japanese reader; a reply whose words are not Perch's reads as any failure.
 */

const ACCOUNT = '1585841080431321088';
const box = new Outbox({ defs: ACTIONS, clientFor: () => Promise.reject(new Error('offline')), wakeAt: () => undefined });

/** The background's handlers these tests ask: the outbox's three, reopening a draft, saving a Client ID. */
const handlers = {
  'action.undo': async ({ accountId, seq }: RequestOf<'action.undo'>) => ({ seq: (await box.undo(accountId, seq)).seq! }),
  'action.cancel': async ({ accountId, seq }: RequestOf<'action.cancel'>) => box.cancel(accountId, seq).then(() => null),
  'action.retry': async ({ accountId, seq }: RequestOf<'action.retry'>) => box.retry(accountId, seq).then(() => null),
  'draft.open': async ({ accountId, context }: RequestOf<'draft.open'>) => draftWindowUrl(accountId, context).then(() => null),
  'settings.setClientId': ({ clientId }: RequestOf<'settings.setClientId'>) => saveClientId(clientId),
} as unknown as Handlers;

/** What the background answers `message` with, its words made while the worker speaks English. */
async function refusal(message: Record<string, unknown>): Promise<ErrorReply> {
  const reply = await handle(handlers, message);
  if (reply.ok) throw new Error(`expected a refusal of ${String(message.type)}`);
  return reply.error;
}

/** An action stored in the log, in `state`. */
async function logged(state: ActionRow['state'], extra: Partial<ActionRow> = {}): Promise<number> {
  const at = '2026-12-03T07:00:00.000Z';
  return db().actions.add({
    accountId: ACCOUNT,
    type: 'bookmark',
    params: { postId: '1460323737035677698' },
    state,
    createdAt: at,
    updatedAt: at,
    notBefore: 0,
    attempts: 0,
    ...extra,
  });
}

beforeEach(async () => {
  await freshDb();
});

describe('a refusal the background made in English, read by a Japanese reader', () => {
  it.each([
    ['undo of an action no longer in the log', async () => ({ type: 'action.undo', seq: 999 }), 'その操作はもう履歴にありません。'],
    [
      'undo of an action not finished',
      async () => ({ type: 'action.undo', seq: await logged('queued', { notBefore: 8e15 }) }),
      '取り消せるのは完了した操作だけです。',
    ],
    [
      'undo of an action already undone',
      async () => ({ type: 'action.undo', seq: await logged('done', { undoneBy: 7 }) }),
      'その操作はすでに取り消されています。',
    ],
    [
      'cancel of an action already done',
      async () => ({ type: 'action.cancel', seq: await logged('done') }),
      'キャンセルできるのは待機中の操作だけです。',
    ],
    ['cancel of an action being sent', async () => ({ type: 'action.cancel', seq: await logged('sending') }), 'いまXに送信中です。'],
    [
      'retry of an action that did not fail',
      async () => ({ type: 'action.retry', seq: await logged('done') }),
      'もう一度送信できるのは、一時的な理由で失敗した操作だけです。',
    ],
  ])('words the %s in Japanese', async (_name, request, japanese) => {
    const error = await refusal({ accountId: ACCOUNT, ...(await request()) });
    // Made in English, carried as a kind: no sentence in the worker's language goes with it.
    expect(error.message).toBe('');
    readInJapanese();
    expect(thrownText(new MessageError(error))).toBe(japanese);
    expect(errorText(error)).toBe(japanese);
  });

  it('words a draft no longer saved in Japanese, and in English for an English reader', async () => {
    const error = await refusal({ type: 'draft.open', accountId: ACCOUNT, context: 'compose' });
    expect(error).toMatchObject({ kind: 'no-draft', message: '', replyWords: { kind: 'draft-gone' } });
    expect(new MessageError(error).message).toBe('This draft is no longer saved.');
    readInJapanese();
    expect(new MessageError(error).message).toBe('この下書きはもう保存されていません。');
  });

  it('words a Client ID that is none in Japanese', async () => {
    const error = await refusal({ type: 'settings.setClientId', clientId: 'not a client id' });
    readInJapanese();
    expect(thrownText(new MessageError(error))).toBe(
      'XのクライアントIDではないようです。Xアプリの「Keys and tokens」ページからコピーしてください。',
    );
  });

  it('words a page not yet clicked in, in Japanese', () => {
    readInJapanese();
    const error = new MessageError({ kind: 'bad-request', message: '', replyWords: { kind: 'gate-refused' } });
    expect(thrownText(error)).toBe('Perchは、このウィンドウでクリックされるまで、Xへの問い合わせも保存も行いません。');
  });

  it('words an action type Perch does not know, naming it, in Japanese', async () => {
    const error = await box.enqueue(ACCOUNT, 'teleport', {}).catch((e: unknown) => e);
    const reply = await handle({ 'action.undo': () => Promise.reject(error) } as unknown as Handlers, {
      type: 'action.undo',
      accountId: ACCOUNT,
      seq: 1,
    });
    readInJapanese();
    expect(thrownText(new MessageError((reply as { error: ErrorReply }).error))).toBe('Perchは「teleport」という操作に対応していません。');
  });

  it('says the message layer’s own failures in the reader’s language, without the browser’s cause', () => {
    readInJapanese();
    expect(new MessageError({ kind: 'unreachable', message: '' }).message).toBe(
      'Perchのバックグラウンドに接続できませんでした。もう一度お試しください。',
    );
    expect(new MessageError({ kind: 'bad-request', message: '' }).message).toBe(
      'Perchはこのリクエストを理解できませんでした。もう一度試すか、このページを再読み込みしてください。',
    );
  });
});

describe('a reply whose words are not Perch’s', () => {
  const generic = 'Something went wrong. Please try again.';

  it.each([
    ['an unknown kind', { kind: 'from-another-page' }],
    ['a sentence in place of an action type', { kind: 'unknown-action', type: 'Click here to win a prize!' }],
    ['an action type on another kind', { kind: 'not-in-log', type: 'like' }],
    ['a field Perch does not send', { kind: 'draft-gone', message: 'Your draft was sold.' }],
    ['no object', 'draft-gone'],
  ])('shows the generic words for %s, never the sentence that came with it', (_name, replyWords) => {
    const reply = { kind: 'cannot-undo', message: 'An English sentence from elsewhere.', replyWords } as unknown as ErrorReply;
    expect(replyWordsOf(replyWords)).toBeUndefined();
    expect(thrownText(new MessageError(reply))).toBe(generic);
    expect(errorText(reply)).toBe(generic);
  });

  it('shows the generic words for a reply of an unknown kind with no words at all', () => {
    const reply = { kind: 'from-a-newer-background', message: '' } as unknown as ErrorReply;
    expect(new MessageError(reply).message).toBe(generic);
    expect(thrownText(new MessageError(reply))).toBe(generic);
  });

  it('never throws on a malformed reply', () => {
    const odd = [null, 42, [], { kind: 7 }, { kind: 'draft-gone', type: {} }];
    for (const replyWords of odd) {
      expect(() => new MessageError({ kind: 'no-draft', message: '', replyWords } as unknown as ErrorReply)).not.toThrow();
    }
  });
});
