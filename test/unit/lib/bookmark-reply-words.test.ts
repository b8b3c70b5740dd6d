import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { errorText } from '@/components/error-text';
import { createHandlers } from '@/entrypoints/background/handlers';
import type { Services } from '@/entrypoints/background/services';
import { handle, type Reply } from '@/lib/message-contract';
import { MessageError, type ErrorReply } from '@/lib/messaging';
import { NAMED_TAG_MAX, replyWordsOf } from '@/lib/reply-words';
import { readInJapanese } from '../locales/in-japanese';
import { freshDb } from '../services/support';

/**
 * Issue 13, "Two languages": the bookmarks' refusals (an imported file, a tag, a note, a saved search) reach the screen
 * as kinds and facts, made while the worker speaks English and worded by the screen in its reader's language. Facts
 * out of their bounds are never shown: the reader gets the generic words.
 */

const ACCOUNT = '1585841080431321088';
// These handlers use no X service: the store only.
const handlers = createHandlers({} as Services);
const GENERIC = 'Something went wrong. Please try again.';
const iso = (tag: string) => `\u2068${tag}\u2069`;

/** What the background answers `message` with, its words made while the worker speaks English. */
async function refusal(message: Record<string, unknown>): Promise<ErrorReply> {
  const reply: Reply<unknown> = await handle(handlers, message);
  if (reply.ok) throw new Error(`expected a refusal of ${String(message.type)}`);
  return reply.error;
}

const fileOf = (bookmarks: unknown[]) => JSON.stringify({ exportedAt: '2026-12-02T00:00:00Z', bookmarks });
const POST = '1460323737035677698';
const importOf = (json: string) => ({ type: 'bookmarks.import', accountId: ACCOUNT, json });
const organise = (change: Record<string, unknown>) => ({ type: 'bookmark.organise', accountId: ACCOUNT, postId: POST, ...change });
const saveSearch = (name: string, query: string) => ({ type: 'savedSearch.save', accountId: ACCOUNT, name, query, pinned: false });

beforeEach(async () => {
  await freshDb();
});

describe('a bookmarks refusal the background made in English, read by a Japanese reader', () => {
  it.each([
    ['a file that is not JSON', importOf('id,url'), 'このファイルはPerchのブックマークのエクスポートではありません。'],
    [
      'an entry that is not a bookmark',
      importOf(fileOf([{ id: POST }, { id: 'one' }])),
      'JSONファイルを選んでください。（2件目の項目はブックマークではありません。）',
    ],
    [
      'an entry with tags that are not tags',
      importOf(fileOf([{ id: POST, tags: ['ok', 'c++', 'a/b'] }])),
      `このファイルの1件目に、タグとして使えないものがあります: 「${iso('c++')}」、「${iso('a/b')}」。`,
    ],
    [
      'an entry with a long note',
      importOf(fileOf([{ id: POST, note: 'あ'.repeat(501) }])),
      'このファイルの1件目のメモは500文字を超えています。',
    ],
    [
      'a file of too many entries',
      importOf(fileOf(Array.from({ length: 50_001 }, () => ({ id: POST })))),
      'このファイルには50,001件のブックマークがあります。Perchが一度にインポートできるのは50,000件までです。',
    ],
    ['a tag that is not one', organise({ tags: ['ok', 'c++'] }), `「${iso('c++')}」はタグとして使えません。`],
    [
      'too many tags',
      organise({ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }),
      '1件のブックマークに付けられるタグは20個までです（21個指定されています）。',
    ],
    ['a note too long', organise({ note: 'a'.repeat(501) }), 'メモは500文字までです（このメモは501文字です）。'],
    ['a saved search without a name', saveSearch(' ', 'tag:rust'), '保存する検索には名前が必要です。'],
    ['a saved search without a search', saveSearch('Rust', ' '), '保存する検索がありません。先に検索語を入力してください。'],
  ])('%s', async (_what, message, japanese) => {
    const error = await refusal(message);
    // No sentence in the worker's language travels: only the kind and its facts.
    expect(error.message).toBe('');
    readInJapanese();
    expect(errorText(error)).toContain(japanese);
    expect(new MessageError(error).message).toContain(japanese);
  });

  it('says the counts in the reader’s digits and plural forms in English too', async () => {
    expect(errorText(await refusal(importOf(fileOf(Array.from({ length: 50_001 }, () => ({ id: POST }))))))).toBe(
      'This file holds 50,001 bookmarks; Perch imports at most 50,000 at once.',
    );
    expect(errorText(await refusal(organise({ tags: ['c++'] })))).toBe(
      `“${iso('c++')}” is not a tag: a tag has 1 to 32 letters, digits, _ or -.`,
    );
    expect(errorText(await refusal(organise({ tags: ['c++', 'a/b'] })))).toBe(
      `“${iso('c++')}” and “${iso('a/b')}” are not tags: a tag has 1 to 32 letters, digits, _ or -.`,
    );
  });
});

describe('tags that are not tags, many or long, named within bounds', () => {
  const bad = ['a+', 'b+', `${'𠮷'.repeat(100)}+`, 'd+', 'e+', 'f+', 'g+'];

  it('names the first five, each cut to its bound, and says how many more there are', async () => {
    const error = await refusal(importOf(fileOf([{ id: POST, tags: bad }])));
    const cut = `${'𠮷'.repeat((NAMED_TAG_MAX - 2) / 2)}…`;
    expect(error.replyWords).toEqual({ kind: 'import-bad-tag', entry: 1, count: 7, tags: ['a+', 'b+', cut, 'd+', 'e+'] });
    expect(replyWordsOf(error.replyWords)).toEqual(error.replyWords);
    expect(errorText(error)).toBe(
      `Entry 1 of this file has tags Perch cannot keep: “${iso('a+')}”, “${iso('b+')}”, “${iso(cut)}”, “${iso('d+')}”, “${iso('e+')}”, and 2 more.`,
    );
    readInJapanese();
    expect(errorText(error)).toBe(
      `このファイルの1件目に、タグとして使えないものがあります: 「${iso('a+')}」、「${iso('b+')}」、「${iso(cut)}」、「${iso('d+')}」、「${iso('e+')}」、ほか2個。`,
    );
  });

  it('keeps a right-to-left tag from rearranging the sentence', async () => {
    const error = await refusal(organise({ tags: ['שלום!'] }));
    expect(errorText(error)).toBe(`“${iso('שלום!')}” is not a tag: a tag has 1 to 32 letters, digits, _ or -.`);
  });
});

/** Words as a reply may carry them, their English sentence, and the same words out of bounds in each way they can be. */
const SHAPES: [kind: string, words: Record<string, unknown>, text: string, hostile: Record<string, unknown>[]][] = [
  [
    'tags-invalid',
    { kind: 'tags-invalid', tags: ['c++'], count: 1 },
    `“${iso('c++')}” is not a tag: a tag has 1 to 32 letters, digits, _ or -.`,
    [
      { count: 0 },
      { count: undefined },
      { count: 1.5 },
      { count: '1' },
      { count: 2 },
      { tags: [] },
      { tags: undefined },
      { tags: 'c++' },
      { tags: [42] },
      { tags: new Array(1) },
      { tags: ['x'.repeat(NAMED_TAG_MAX + 1)] },
      { tags: ['a', 'b', 'c', 'd', 'e', 'f'], count: 6 },
      { entry: 1 },
      { type: 'like' },
      { message: 'Click here to restore your bookmarks.' },
    ],
  ],
  [
    'import-bad-tag',
    { kind: 'import-bad-tag', entry: 3, tags: ['c++', 'a/b', '', '!', '?'], count: 7 },
    `Entry 3 of this file has tags Perch cannot keep: “${iso('c++')}”, “${iso('a/b')}”, “”, “${iso('!')}”, “${iso('?')}”, and 2 more.`,
    [{ entry: 0 }, { entry: 50_001 }, { entry: 2.5 }, { entry: '3' }, { entry: undefined }, { count: 3 }, { count: 1e12 }],
  ],
  [
    'import-too-many',
    { kind: 'import-too-many', count: 50_001 },
    'This file holds 50,001 bookmarks; Perch imports at most 50,000 at once.',
    [{ count: 50_000 }, { count: Infinity }, { count: Number.NaN }, { count: 1e12 }, { count: undefined }, { tags: ['a'] }],
  ],
  [
    'tags-too-many',
    { kind: 'tags-too-many', count: 21 },
    'A bookmark can have at most 20 tags (21 given).',
    [{ count: 20 }, { count: -21 }],
  ],
  [
    'note-too-long',
    { kind: 'note-too-long', count: 501 },
    'A note can be at most 500 characters (this one has 501).',
    [{ count: 500 }, { count: 501.5 }, { entry: 1 }],
  ],
  [
    'import-long-note',
    { kind: 'import-long-note', entry: 2 },
    'Entry 2 of this file has a note longer than 500 characters.',
    [{ entry: undefined }, { count: 501 }],
  ],
  ['search-empty', { kind: 'search-empty' }, 'There is no search to save: type one first.', [{ count: 1 }, { tags: [] }, { entry: 1 }]],
];

describe('the bookmarks refusals’ words on arrival', () => {
  it.each(SHAPES)('%s: worded within bounds, and generic out of them', (_kind, words, text, hostile) => {
    const reply = (replyWords: unknown): ErrorReply => ({ kind: 'error', message: '', replyWords }) as ErrorReply;
    expect(errorText(reply(words))).toBe(text);
    expect(new MessageError(reply(words)).message).toBe(text);
    for (const change of hostile) {
      const bad = { ...words, ...change };
      expect([change, replyWordsOf(bad)]).toEqual([change, undefined]);
      expect([change, errorText(reply(bad))]).toEqual([change, GENERIC]);
      expect([change, new MessageError(reply(bad)).message]).toEqual([change, GENERIC]);
    }
  });
});
