import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

/**
 * Perch in Japanese says one thing one way: the same word for the same thing on every screen, the counter Japanese
 * uses for what is counted, Japanese parentheses around Japanese words, and one colon between a label and its text.
 * Each row here is a variant that crept in beside the word the rest of ja.yml uses.
 */

const file = fileURLToPath(new URL('../../../lib/locales/ja.yml', import.meta.url));
const ja = load(readFileSync(file, 'utf8')) as Record<string, string | Record<string, string>>;
const messages = Object.entries(ja).flatMap(([key, v]) =>
  typeof v === 'string' ? [{ key, text: v }] : Object.entries(v).map(([form, text]) => ({ key: `${key}.${form}`, text })),
);
const using = (re: RegExp) => messages.filter(({ text }) => re.test(text)).map(({ key }) => key);

describe('Perch in Japanese', () => {
  it.each([
    ['この端末 (this device)', /デバイス/u],
    ['わかる (can tell), in kana', /分か[らりるれろっ]/u],
    ['固定 (pin a List), as the Lists tab says it', /ピン留め/u],
    ['〜件目 (the nth entry of a file or thread)', /番目/u],
    ['GIF 1つ, 動画1本 (a GIF, a video)', /GIF ?1件|動画1件/u],
    ['この端末 (this computer too)', /パソコン/u],
    ['履歴 (the Activity tab and what it lists), as the tab is named', /アクティビティ/u],
    ['取り消す (undo; 「この操作は取り消せません」), as the Undo button says it', /元に戻[せさしす]/u],
    ['ポスト (a post), as X says it', /件の投稿/u],
    ['Xの制限 (X’s limit) on everyday screens', /^(?!レート制限: ).*レート制限/u],
    ['文字・数字 (a tag’s letters, of any script: 「東京」 is a tag), never 英数字', /タグ.*英数字|英数字.*タグ/u],
  ])('says %s one way', (_, variant) => {
    expect(using(variant)).toEqual([]);
  });

  // Another person found by @username is 「@{username}さん」 when added or already there, on the Lists tab as on the
  // Muted and Blocked tabs (「追加: @graceを…」 and 「@graceはすでにメンバーです」 stood beside 「@graceさん」).
  it.each(['muted_add', 'blocked_add', 'lists_add', 'muted_already', 'blocked_already', 'lists_already_member'])(
    'calls the person %s names @nameさん',
    (key) => {
      expect(messages.find((m) => m.key === key)?.text).toContain('@{username}さん');
    },
  );

  // A control named 「label: whom」 names the person straight after the colon, where it goes after a label: 「ブロック解除:
  // x.comで@graceさん」 read as "Unblock: on x.com @grace"; 「ブロック解除: @graceさん（x.comで）」 reads whole.
  it('names whom a control acts on straight after its label’s colon', () => {
    expect(using(/: (?:x\.com|X)で@/u)).toEqual([]);
  });

  it('puts Japanese words in Japanese parentheses', () => {
    expect(using(/\([^()]*[\u3040-\u30ff\u4e00-\u9fff][^()]*\)/u)).toEqual([]);
  });

  // A List's name is the person's own words, often Japanese: bare inside a sentence it ran into it (「@ユーザー名で東京の
  // 友だち 🗼にアカウントを追加」). Inside a sentence it stands in 「」, as 「「{name}」を固定」 already did.
  it('quotes a List’s name in 「」 where a sentence goes on after it', () => {
    expect(using(/(?<!「)\{name\}[\u3040-\u30ff\u4e00-\u9fff]/u)).toEqual([]);
  });

  // As 「Xアプリ」, 「Perchの設定」 and 「@$1さん」: a Latin word or a number runs straight into the Japanese beside it
  // (「Perch マネージャー」 and 「@$1 として」 stood apart). A number filled in is such a word: 「ミュート中 3件」 stood apart too.
  it('sets no space between a Latin word and Japanese', () => {
    expect(using(/[A-Za-z0-9] [\u3040-\u30ff\u4e00-\u9fff]|[\u3040-\u30ff\u4e00-\u9fff] [A-Za-z0-9$]/u)).toEqual([]);
  });

  // 「いいね: Xに送信中…」, as 「ポスト2: …」 and 「GET /2/users/me: …」: a half-width colon and a space, never 「：」.
  it('joins a label and its text with ": "', () => {
    expect(using(/：/u)).toEqual([]);
  });
});
