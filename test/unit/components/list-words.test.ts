import { describe, expect, it } from 'vitest';
import { whyCannotPost } from '@/components/compose-rules';
import { listOf } from '@/components/manager/format';
import { readExport } from '@/lib/bookmarks/import';
import { InvalidTagError } from '@/lib/bookmarks/tags';
import { RefusedError } from '@/lib/refused-error';
import { replyWordsText } from '@/lib/reply-words-text';
import { readInJapanese } from '../locales/in-japanese';
import { caught } from '../support/caught';

/**
 * A list inside a sentence is listed in the reader's language (Intl.ListFormat in the browser's UI language), each
 * item quoted the reader's way where the sentence quotes them: a Japanese sentence lists with 「…」 and 、, never with
 * English quotes and ", ".
 */

/** What the screen says for the refusal `run` throws (the background answers it by kind: lib/reply-words.ts). */
const worded = (run: () => unknown): string => replyWordsText(caught(RefusedError, run).replyWords);

/** A tag as a sentence names it: isolated (FSI…PDI), so a right-to-left tag cannot rearrange the sentence. */
const iso = (tag: string) => `\u2068${tag}\u2069`;

const exportWith = (tags: string[]) =>
  JSON.stringify({ exportedAt: '2026-12-02T00:00:00Z', bookmarks: [{ id: '1460323737035677698', tags }] });

describe('a list in a Japanese sentence', () => {
  it('joins with 、 and quotes tags with 「」', () => {
    readInJapanese();
    expect(listOf(['like.write', 'mute.write', 'block.write'])).toBe('like.write、mute.write、block.write');
    expect(replyWordsText(new InvalidTagError(['c++', 'a/b']).replyWords)).toBe(
      `「${iso('c++')}」、「${iso('a/b')}」はタグとして使えません。タグは文字・数字・_・-の1〜32文字です。`,
    );
  });

  it('names the cashtags over the self-serve limit the Japanese way', () => {
    readInJapanese();
    expect(whyCannotPost([{ text: '$AAPL beats $MSFT and $GOOG', media: [] }])).toBe(
      'Xアプリのプランではポストごとにキャッシュタグは1つまでですが、このポストには3個あります（$AAPL、$MSFT、$GOOG）。',
    );
  });

  it('names the tags an imported file cannot keep the Japanese way', () => {
    readInJapanese();
    expect(worded(() => readExport(exportWith(['ok', 'c++', 'a/b'])))).toBe(
      `このファイルの1件目に、タグとして使えないものがあります: 「${iso('c++')}」、「${iso('a/b')}」。`,
    );
  });
});

describe('a list in an English sentence', () => {
  it('joins as English does, and one item stands alone', () => {
    expect(listOf(['like.write', 'mute.write', 'block.write'])).toBe('like.write, mute.write, and block.write');
    expect(listOf(['like.write'])).toBe('like.write');
    expect(worded(() => readExport(exportWith(['c++', 'a/b'])))).toBe(
      `Entry 1 of this file has tags Perch cannot keep: “${iso('c++')}” and “${iso('a/b')}”.`,
    );
    expect(worded(() => readExport(exportWith(['c++'])))).toBe(`Entry 1 of this file has a tag that is not one: “${iso('c++')}”.`);
  });
});
