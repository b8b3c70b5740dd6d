import { describe, expect, it } from 'vitest';
import { composeWordsText, errorWords, ownSaidText } from '@/lib/error-words';
import { XApiError } from '@/lib/x/errors';
import { readInJapanese } from '../locales/in-japanese';

/**
 * Two sentences side by side (Perch's own, or Perch's and X's words quoted): a space between them in English, none in
 * Japanese, whose sentences end with 。 or 」.
 */

describe('two sentences side by side', () => {
  const refusedReply = { kind: 'reply-refused', post: 3 } as const;

  it('have a space between them in English', () => {
    expect(composeWordsText(refusedReply, 'Replies are closed.')).toBe(
      'X refused post 3 of your thread as a reply to post 2. X said: “\u2068Replies are closed.\u2069” Posts 1 to 2 are on X; post 3 ' +
        'and the ones after it are kept as your draft. You can post them as separate posts instead.',
    );
    expect(ownSaidText({ kind: 'not-sent' }, 'Bad id.')).toBe(
      'Perch did not send this to X: something in it is not what X takes. X said: “\u2068Bad id.\u2069”',
    );
  });

  it('have none after 。 or 」 in Japanese', () => {
    readInJapanese();
    expect(composeWordsText(refusedReply, 'Replies are closed.')).toBe(
      'Xはスレッドの3件目のポストを2件目への返信として受け付けませんでした。Xのメッセージ:「\u2068Replies are closed.\u2069」' +
        '2件目までのポストはXに投稿済みです。3件目以降は下書きとして保存されています。代わりに別々のポストとして投稿することもできます。',
    );
    expect(composeWordsText(refusedReply)).not.toContain(' ');
    expect(ownSaidText({ kind: 'not-sent' }, 'Bad id.')).toBe(
      'PerchはこれをXに送信しませんでした。Xが受け付けない内容が含まれています。Xのメッセージ:「\u2068Bad id.\u2069」',
    );
    expect(errorWords({ kind: 'invalid-request', own: { kind: 'not-sent' }, said: 'Bad id.' }, String)).toBe(
      'PerchはこれをXに送信しませんでした。Xが受け付けない内容が含まれています。Xのメッセージ:「\u2068Bad id.\u2069」',
    );
  });

  it('have none in Japanese in X’s error’s own message either', () => {
    readInJapanese();
    const error = new XApiError('invalid-request', {
      ownWords: { kind: 'processing-failed', name: 'cat.gif' },
      problem: { messages: ['Unsupported animated GIF.'] },
    });
    expect(error.message).toBe(
      'Xは「\u2068cat.gif\u2069」を処理できなかったため、投稿されていません。Xのメッセージ:「\u2068Unsupported animated GIF.\u2069」下書きはファイルごとそのまま残っています。もう一度投稿するか、ファイルを削除してください。',
    );
    expect(new XApiError('forbidden', { problem: { detail: 'No.' } }).message).toBe(
      'Xではこの操作は許可されていません。Xのメッセージ:「\u2068No.\u2069」',
    );
  });
});
