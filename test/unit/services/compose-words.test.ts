import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { composeErrorText } from '@/components/compose-error-text';
import { composeWordsOf } from '@/lib/compose-words';
import { resetDb } from '@/lib/db';
import { handle, type Handlers, type Reply } from '@/lib/message-contract';
import { MessageError, readReply } from '@/lib/messaging';
import { attachImage, attachVideo, ComposeError } from '@/lib/services/compose';
import { createXClient } from '@/lib/x/client';
import { uploadGif } from '@/lib/x/media';
import { readInJapanese } from '../locales/in-japanese';

/**
 * Issue 13, "Two languages": the composer's refusals and X's processing of its media leave the background as a kind
 * and the facts they name, never as a sentence in the background's language at that moment; the screen words them
 * in its reader's language, the file's name isolated, and X's own words quoted as X's.
 */

const ACCOUNT = '1585841080431321088';
const NOT_AN_IMAGE = { name: 'notes.txt', type: 'text/plain', bytes: new TextEncoder().encode('not an image') };

afterEach(() => resetDb());

/** The background's answer to one message whose handler does `run`, as the message listener gives it. */
function answerOf(type: 'draft.attachImage' | 'post.publish', run: () => Promise<unknown>): Promise<Reply<unknown>> {
  const handlers = { [type]: run } as unknown as Handlers;
  const message =
    type === 'draft.attachImage'
      ? { type, accountId: ACCOUNT, context: 'compose', name: 'notes.txt', mediaType: 'text/plain', data: 'AAAA' }
      : { type, accountId: ACCOUNT, context: 'compose' };
  return handle(handlers, message);
}

/** An upload whose GIF X fails to process, with `reason` as X's words when given; `post`: which post of a thread. */
async function gifProcessingFails(reason?: string, post?: number): Promise<unknown> {
  const answers = [
    { data: { id: '1880028106020515840' } },
    {},
    { data: { processing_info: { state: 'failed', ...(reason ? { error: { message: reason } } : {}) } } },
  ];
  const fetch = () => Promise.resolve(new Response(JSON.stringify(answers.shift()), { headers: { 'content-type': 'application/json' } }));
  const client = createXClient({ baseUrl: 'https://api.x.test', getAccessToken: () => Promise.resolve('t'), fetch });
  const gif = new Blob([new TextEncoder().encode('GIF89a')], { type: 'image/gif' });
  return uploadGif(client, gif, 'قطة.gif', { sleep: () => Promise.resolve(), post });
}

/** What the screen shows for a reply, as the composer words it. */
async function shown(reply: Reply<unknown>): Promise<string> {
  return composeErrorText(await readReply(Promise.resolve(reply)).catch((e: unknown) => e));
}

describe('the background’s answer to a refused image', () => {
  it('carries the kind and the file’s name, and no sentence', async () => {
    const reply = await answerOf('draft.attachImage', () => attachImage(ACCOUNT, 'compose', NOT_AN_IMAGE));
    expect(reply).toEqual({ ok: false, error: { kind: 'invalid-image', message: '', own: { kind: 'image-type', name: 'notes.txt' } } });
  });

  it('is worded by the screen in its reader’s language, though the background spoke English', async () => {
    const reply = await answerOf('draft.attachImage', () => attachImage(ACCOUNT, 'compose', NOT_AN_IMAGE));
    expect(await shown(reply)).toBe('X takes JPEG, PNG, GIF or WebP images; “\u2068notes.txt\u2069” is not one.');
    readInJapanese();
    expect(await shown(reply)).toBe('Xが受け付ける画像はJPEG、PNG、GIF、WebPです。「\u2068notes.txt\u2069」はどれでもありません。');
  });
});

describe('the background’s answer to a video that did not arrive whole', () => {
  it('carries the kind and the name, worded in Japanese on a Japanese screen', async () => {
    const part = {
      name: 'clip.mp4',
      type: 'video/mp4',
      size: 10,
      durationSecs: 5,
      id: crypto.randomUUID(),
      offset: 4,
      bytes: new Uint8Array(2),
    };
    const reply = await answerOf('post.publish', () => attachVideo(ACCOUNT, 'compose', part));
    expect(reply).toEqual({ ok: false, error: { kind: 'invalid-image', message: '', own: { kind: 'not-whole', name: 'clip.mp4' } } });
    readInJapanese();
    expect(await shown(reply)).toBe('「\u2068clip.mp4\u2069」が最後まで届きませんでした。もう一度追加してください。');
  });
});

describe('the background’s answer when X cannot process a file', () => {
  it('carries Perch’s words by kind and X’s words apart, as X wrote them', async () => {
    const reply = await answerOf('post.publish', () => gifProcessingFails('Bad GIF.'));
    expect(reply).toEqual({
      ok: false,
      error: { kind: 'invalid-request', message: '', own: { kind: 'processing-failed', name: 'قطة.gif' }, said: 'Bad GIF.' },
    });
  });

  it('is worded on a Japanese screen, with X’s words quoted and left untranslated', async () => {
    const reply = await answerOf('post.publish', () => gifProcessingFails('Bad GIF.'));
    readInJapanese();
    expect(await shown(reply)).toBe(
      'Xは「\u2068قطة.gif\u2069」を処理できなかったため、投稿されていません。Xのメッセージ:「\u2068Bad GIF.\u2069」下書きはファイルごとそのまま残っています。もう一度投稿するか、ファイルを削除してください。',
    );
  });

  it('says X gave no reason when it gave none', async () => {
    const reply = await answerOf('post.publish', () => gifProcessingFails());
    expect(await shown(reply)).toBe(
      'X could not process “\u2068قطة.gif\u2069” and gave no reason, so it was not posted. Your draft is kept as it was, with the file: post again to try once more, or remove the file.',
    );
  });
});

describe('the background’s answer when X cannot process the file of a thread’s later post', () => {
  it('says which post was not posted, X’s words, then that the posts before it are on X and the rest is kept', async () => {
    const reply = await answerOf('post.publish', () => gifProcessingFails('Bad GIF.', 3));
    expect(await shown(reply)).toBe(
      'X could not process “\u2068قطة.gif\u2069”, so it was not posted (post 3 of the thread). X said: “\u2068Bad GIF.\u2069” ' +
        'Posts 1 to 2 are on X; post 3 and the ones after it are kept as your draft, with the file: post again to try once ' +
        'more, or remove the file.',
    );
    readInJapanese();
    expect(await shown(reply)).toBe(
      'Xは「\u2068قطة.gif\u2069」を処理できなかったため、投稿されていません（スレッドの3件目）。Xのメッセージ:「\u2068Bad GIF.\u2069」' +
        '2件目までのポストはXに投稿済みです。3件目以降はファイルごと下書きとして残っています。もう一度投稿するか、ファイルを削除してください。',
    );
  });
});

describe('the words when X is still processing a file after Perch’s wait', () => {
  const still = (kind: 'processing-timeout' | 'processing-wait-long'): Reply<unknown> => ({
    ok: false,
    error: { kind: 'unavailable', message: '', own: { kind, name: 'clip.mp4', count: 120 } },
  });

  it.each([
    [
      'processing-timeout' as const,
      'X was still processing “\u2068clip.mp4\u2069” after 120 seconds, so it was not posted.',
      '120秒経ってもXが「\u2068clip.mp4\u2069」を処理中だったため、投稿されていません。',
    ],
    [
      'processing-wait-long' as const,
      'X is still processing “\u2068clip.mp4\u2069” and asked Perch to wait longer than the 120 seconds Perch waits, so it was not posted.',
      'Xは「\u2068clip.mp4\u2069」をまだ処理中で、Perchが待つ120秒より長く待つよう求めたため、投稿されていません。',
    ],
  ])('%s says the draft is kept with the file, in English and Japanese', async (kind, english, japanese) => {
    expect(await shown(still(kind))).toBe(
      `${english} Your draft is kept as it was, with the file: post again to try once more, or remove the file.`,
    );
    readInJapanese();
    expect(await shown(still(kind))).toBe(
      `${japanese}下書きはファイルごとそのまま残っています。もう一度投稿するか、ファイルを削除してください。`,
    );
  });
});

describe('a draft that cannot be published', () => {
  it('answers which post of the thread and by how much, worded on the screen', async () => {
    const refusal = new ComposeError('invalid-post', { kind: 'too-long', count: 3, post: 2 });
    const reply = await answerOf('post.publish', () => Promise.reject(refusal));
    expect(reply).toEqual({ ok: false, error: { kind: 'invalid-post', message: '', own: { kind: 'too-long', count: 3, post: 2 } } });
    expect(await shown(reply)).toBe('The post is 3 characters too long (post 2 of the thread).');
  });

  it('words a refused reply with X’s words quoted between what happened and what stays', async () => {
    const refusal = new ComposeError('reply-refused', { kind: 'reply-refused', post: 3 }, ['1', '2'], { said: 'Replies are closed.' });
    const reply = await answerOf('post.publish', () => Promise.reject(refusal));
    expect(await shown(reply)).toBe(
      'X refused post 3 of your thread as a reply to post 2. X said: “\u2068Replies are closed.\u2069” Posts 1 to 2 are on X; post 3 ' +
        'and the ones after it are kept as your draft. You can post them as separate posts instead.',
    );
  });
});

describe('words crossing the message contract', () => {
  it.each([
    ['an unknown kind', { kind: 'delete-everything' }],
    ['a field no sentence names', { kind: 'no-draft', html: '<b>' }],
    ['a name past the contract’s 300 characters', { kind: 'media-empty', name: 'a'.repeat(301) }],
    ['a post past the thread’s 25', { kind: 'too-long', post: 26, count: 1 }],
    ['a count that is no number', { kind: 'too-long', count: '3' }],
  ])('are refused with %s', (_, raw) => {
    expect(composeWordsOf(raw)).toBeUndefined();
  });

  it('are left out by the screen when out of bounds, which then says something went wrong', async () => {
    const error = new MessageError({ kind: 'invalid-image', message: '', own: { kind: 'gone' } as never, said: 'x' });
    expect(error.own).toBeUndefined();
    expect(error.said).toBeUndefined();
    expect(composeErrorText(error)).toBe('Something went wrong. Please try again.');
  });
});
