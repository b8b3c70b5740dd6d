import { describe, expect, it } from 'vitest';
import { errorText } from '@/components/error-text';
import { XApiError } from '@/lib/x/errors';
import { invalidInput, refusedInput } from '@/lib/x/input';
import { createXClient } from '@/lib/x/client';
import { uploadGif } from '@/lib/x/media';
import { BASE, xErrorOf } from './support';
import { readInJapanese } from '../locales/in-japanese';

/**
 * Whose words a failure holds: X's own words (its `detail`, its `errors[].message`) are quoted as X's — «X said: “…”» —
 * and never translated; Perch's own sentences (a check before sending, what it makes of X's media processing) are
 * Perch's: worded in the reader's language, never put in X's field, never quoted as X's.
 */

/** What a screen shows for a failure the background reported (components/error-text.ts). */
const shown = (e: XApiError) => errorText({ kind: e.kind, message: e.message });

const MEDIA_ID = '1880028106020515840';
const gif = new Blob([new TextEncoder().encode('GIF89a')], { type: 'image/gif' });
/** X's chunked upload (initialize, append, finalize) ending with processing failed, with this `processing_info.error`. */
function processingFails(error?: Record<string, unknown>) {
  const answers = [
    { data: { id: MEDIA_ID } },
    {},
    { data: { id: MEDIA_ID, processing_info: { state: 'failed', ...(error ? { error } : {}) } } },
  ];
  const fetch = () => Promise.resolve(new Response(JSON.stringify(answers.shift()), { headers: { 'content-type': 'application/json' } }));
  return { client: createXClient({ baseUrl: BASE, getAccessToken: () => Promise.resolve('t1'), fetch }) };
}
const noWait = { sleep: () => Promise.resolve() };

describe('X’s words', () => {
  it('are quoted as X’s, isolated from the sentence around them', () => {
    const refusal = new XApiError('invalid-request', { status: 400, problem: { detail: 'The text is empty.' } });
    expect(shown(refusal)).toBe('X refused the request. X said: “\u2068The text is empty.\u2069”');
  });

  it('stay X’s, untranslated, when the reader speaks Japanese', () => {
    readInJapanese();
    const refusal = new XApiError('forbidden', { status: 403, problem: { detail: 'You cannot mute yourself.' } });
    expect(shown(refusal)).toBe('Xではこの操作は許可されていません。Xのメッセージ:「\u2068You cannot mute yourself.\u2069」');
  });

  it('are X’s reason for failing to process a file: quoted after Perch’s sentence naming it', async () => {
    const { client } = processingFails({ code: 1, name: 'InvalidMedia', message: 'Unsupported animated GIF.' });
    const error = await xErrorOf(uploadGif(client, gif, 'cat.gif', noWait));
    expect(error.problem.detail).toBe('Unsupported animated GIF.');
    expect(shown(error)).toBe(
      'X could not process “\u2068cat.gif\u2069”, so it was not posted. X said: “\u2068Unsupported animated GIF.\u2069” Your draft is kept as it was, with the file: post again to try once more, or remove the file.',
    );
  });
});

describe('Perch’s words', () => {
  it('are never in the field that carries X’s words, nor quoted as X’s', () => {
    for (const error of [
      invalidInput('A List id must be a string of 1 to 19 digits, not "x".'),
      refusedInput({ kind: 'media-empty', name: 'cat.gif' }),
    ]) {
      expect(error.problem.detail).toBeUndefined();
      expect(error.problem.messages).toBeUndefined();
      expect(shown(error)).not.toContain('X said');
      expect(shown(error)).not.toContain('X refused');
    }
    expect(shown(refusedInput({ kind: 'media-empty', name: 'cat.gif' }))).toBe('“\u2068cat.gif\u2069” is empty.');
  });

  it('say a call Perch would not send in the person’s words, keeping the developer’s for the cause', () => {
    const error = invalidInput('A List id must be a string of 1 to 19 digits, not "x".');
    expect(shown(error)).toBe('Perch did not send this to X: something in it is not what X takes.');
    expect((error.cause as Error).message).toBe('A List id must be a string of 1 to 19 digits, not "x".');
  });

  it('are worded in the reader’s language, X’s words beside them still X’s', async () => {
    readInJapanese();
    expect(shown(invalidInput('A post id must be a string of 1 to 19 digits, not "".'))).toBe(
      'PerchはこれをXに送信しませんでした。Xが受け付けない内容が含まれています。',
    );
    const { client } = processingFails({ message: 'Unsupported animated GIF.' });
    expect(shown(await xErrorOf(uploadGif(client, gif, 'cat.gif', noWait)))).toBe(
      'Xは「\u2068cat.gif\u2069」を処理できなかったため、投稿されていません。Xのメッセージ:「\u2068Unsupported animated GIF.\u2069」下書きはファイルごとそのまま残っています。もう一度投稿するか、ファイルを削除してください。',
    );
    const { client: silent } = processingFails();
    expect(shown(await xErrorOf(uploadGif(silent, gif, 'cat.gif', noWait)))).toBe(
      'Xは「\u2068cat.gif\u2069」を処理できず、理由も示されなかったため、投稿されていません。下書きはファイルごとそのまま残っています。もう一度投稿するか、ファイルを削除してください。',
    );
  });
});
