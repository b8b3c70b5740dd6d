import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { AuthError } from '@/lib/auth/errors';
import { authWordsText } from '@/lib/auth-words-text';
import { readExport } from '@/lib/bookmarks/import';
import { InvalidTagError } from '@/lib/bookmarks/tags';
import { RefusedError } from '@/lib/refused-error';
import { replyWordsText } from '@/lib/reply-words-text';
import { whyVideoRefused } from '@/lib/services/compose';
import { composeWordsText } from '@/lib/error-words';
import { readInJapanese } from './in-japanese';
import { caught } from '../support/caught';

/**
 * Issue 13, "Two languages": every sentence the background makes reaches a screen in the reader's language, so the
 * worker's code words them through the locales (`i18n.t`), never as English literals. This guard reads the source of
 * every file the worker bundles (entrypoints/background/index.ts and all it imports) and fails on a sentence-like
 * string literal that is not in ALLOWED below, each of which says why it never reaches a person.
 */

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const ENTRY = join(ROOT, 'entrypoints/background/index.ts');

/**
 * The files the worker imports, transitively, from its entry (relative and `@/` imports; packages are not ours). With
 * `bundled`, only what the bundle holds: an `import type` (or one of types only) brings in no code.
 */
function workerFiles(entry: string, { bundled = false } = {}): string[] {
  const resolve = (from: string, spec: string): string | undefined => {
    const base = spec.startsWith('@/') ? join(ROOT, spec.slice(2)) : spec.startsWith('.') ? join(dirname(from), spec) : undefined;
    if (base === undefined) return undefined;
    return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((f) => /\.tsx?$/.test(f) && existsSync(f));
  };
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    const specs = bundled ? valueImports(source) : ts.preProcessFile(source, true, true).importedFiles.map((i) => i.fileName);
    for (const spec of specs) {
      const found = resolve(file, spec);
      if (found) todo.push(found);
    }
  }
  return [...seen].map((f) => relative(ROOT, f)).sort();
}

/** The modules `source` imports or re-exports code from: not those it imports only types from. */
function valueImports(source: string): string[] {
  const file = ts.createSourceFile('f.ts', source, ts.ScriptTarget.Latest);
  return file.statements.flatMap((node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const typesOnly =
        clause?.isTypeOnly ||
        (clause && !clause.name && bindings && ts.isNamedImports(bindings) && bindings.elements.every((e) => e.isTypeOnly));
      return typesOnly ? [] : [(node.moduleSpecifier as ts.StringLiteral).text];
    }
    if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) return [(node.moduleSpecifier as ts.StringLiteral).text];
    return [];
  });
}

interface Sentence {
  file: string;
  line: number;
  text: string;
}

/**
 * A literal that reads as a sentence for a person: three words or more, and either starting with a capital (or an
 * opening quote) or ending as a sentence ends. `${…}` counts as a word. Identifiers, keys, paths, Dexie index lists
 * and the like do not match.
 */
function isSentence(text: string): boolean {
  const t = text.trim();
  const words = t.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w) || w === '${}');
  if (words.length < 3) return false;
  return /^[\p{Lu}“"]/u.test(t) || /[.!?]["”)]?$/u.test(t);
}

/** The sentence-like string and template literals of one source file (the parts of a template joined by `${}`). */
function sentencesIn(file: string, source: string): Sentence[] {
  const src = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const out: Sentence[] = [];
  const visit = (node: ts.Node): void => {
    let text: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node)) text = node.head.text + node.templateSpans.map((s) => `\${}${s.literal.text}`).join('');
    const inImport = ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent);
    if (text !== undefined && !inImport && isSentence(text)) {
      out.push({ file, line: src.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(src, visit);
  return out;
}

/**
 * Sentences the worker keeps in English, each because no person reads it: [file, the literal's start, why].
 */
const ALLOWED: [file: string, startsWith: string, why: string][] = [
  ['entrypoints/background/services.ts', 'The user did not approve access.', 'Chrome’s own words, so isCancelledFlowError reads it'],
  ['entrypoints/background/menus.ts', 'Perch: a menu action failed', 'the worker console’s log line; the icon says menu_failed'],
  ['lib/config.ts', 'X issues a refresh token only with it', 'why a scope is asked for: read by the scopes test and developers'],
  ['lib/config.ts', 'Block and unblock', 'why a scope is asked for: read by the scopes test and developers'],
  // lib/x's checks guard Perch's own calls: the message contract, the composer and lib/services check what a person
  // gives first (names, lengths, types), so these fire only on a bug in Perch, and say it to a developer.
  ['lib/x/input.ts', '${} must be a string of 1 to 19 digits', 'guards Perch’s own calls (the contract checks ids first)'],
  ['lib/x/input.ts', 'Between 1 and ${}', 'guards Perch’s own calls (batches are built by Perch)'],
  ['lib/x/input.ts', 'A username is 1 to 15 letters', 'guards Perch’s own calls (the contract checks usernames first)'],
  ['lib/x/blocks.ts', 'A target user id', 'names an id for checkId, for a developer'],
  ['lib/x/follows.ts', 'A target user id', 'names an id for checkId, for a developer'],
  ['lib/x/mutes.ts', 'A target user id', 'names an id for checkId, for a developer'],
  ['lib/x/bookmarks.ts', 'A bookmark folder id', 'names an id for checkId, for a developer'],
  ['lib/x/lists.ts', 'A List name is 1 to', 'guards Perch’s own calls (the contract checks a list name first)'],
  ['lib/x/lists.ts', 'A List description is at most', 'guards Perch’s own calls (the list form checks it first)'],
  ['lib/x/lists.ts', 'A List is private (true)', 'guards Perch’s own calls: a boolean Perch builds'],
  ['lib/x/lists.ts', 'A new List needs a name.', 'guards Perch’s own calls (the contract checks a list name first)'],
  ['lib/x/lists.ts', 'Nothing to change:', 'guards Perch’s own calls (the list form sends a change)'],
  ['lib/x/pages.ts', 'This endpoint does not take', 'guards Perch’s own paging calls: fields Perch chose'],
  ['lib/x/pages.ts', '`${}` is not a field name.', 'guards Perch’s own paging calls: fields Perch chose'],
  ['lib/x/pages.ts', 'max_results must be', 'guards Perch’s own paging calls: a page size Perch chose'],
  ['lib/x/pages.ts', 'This endpoint returns everything', 'guards Perch’s own paging calls'],
  ['lib/x/pages.ts', 'A pagination token is', 'guards Perch’s own paging calls: a token X gave'],
  ['lib/x/media.ts', '“${}” is a GIF: X takes GIFs only', 'guards Perch’s own upload calls (compose checks the type first)'],
  ['lib/x/media.ts', '“${}” is not a JPEG, PNG or WebP', 'guards Perch’s own upload calls (compose checks the type first)'],
  ['lib/x/media.ts', '“${}” is not a GIF.', 'guards Perch’s own upload calls (compose checks the type first)'],
  ['lib/x/media.ts', '“${}” is not an MP4 or QuickTime', 'guards Perch’s own upload calls (compose checks the type first)'],
  ['lib/x/media.ts', 'The media id ${} is not one X gives.', 'guards Perch’s own calls: an id X gave'],
  ['lib/x/media.ts', 'An image description cannot be blank.', 'guards Perch’s own calls (compose checks it first)'],
  ['lib/x/media.ts', 'An image description is at most', 'guards Perch’s own calls (compose checks it first)'],
];

const allowed = (s: Sentence): boolean => ALLOWED.some(([file, start]) => file === s.file && s.text.startsWith(start));

describe('the words the background makes', () => {
  const files = workerFiles(ENTRY);
  const sentences = files.flatMap((file) => sentencesIn(file, readFileSync(join(ROOT, file), 'utf8')));

  it('are found in every file the worker bundles', () => {
    expect(files).toContain('lib/services/compose.ts');
    expect(files).toContain('lib/auth/errors.ts');
    expect(files.length).toBeGreaterThan(40);
  });

  it('bundle no screen code: nothing from components/ or another entrypoint', () => {
    expect(
      files.filter((f) => f.startsWith('components/') || (f.startsWith('entrypoints/') && !f.startsWith('entrypoints/background/'))),
    ).toEqual([]);
  });

  it('bundle no screen wording: no lib/*-words-text.ts, which words replies in the reader’s language', () => {
    const bundled = workerFiles(ENTRY, { bundled: true });
    expect(bundled).toContain('lib/error-words.ts');
    expect(bundled.filter((f) => /^lib\/[^/]+-words-text\.ts$/.test(f))).toEqual([]);
  });

  it('bundle what is imported as code, not as types only (the canary)', () => {
    const source = [
      "import type { A } from './types-only';",
      "import { type B } from './types-too';",
      "import { c, type D } from './code';",
      "export { e } from './re-exported';",
    ].join('\n');
    expect(valueImports(source)).toEqual(['./code', './re-exported']);
  });

  it('go through the locales: no English sentence outside the allow-list', () => {
    expect(sentences.filter((s) => !allowed(s)).map((s) => `${s.file}:${s.line}: ${s.text}`)).toEqual([]);
  });

  it('keep no stale allow-list entry', () => {
    expect(ALLOWED.filter(([file, start]) => !sentences.some((s) => s.file === file && s.text.startsWith(start)))).toEqual([]);
  });
});

/**
 * The locale keys of Perch's refusals that go as kinds (lib/reply-words.ts): worded only on a screen, by
 * lib/reply-words-text.ts (but its fallback, the generic words any failure may have). lib/error-words.ts words a stored
 * action's failure ('action_error_unknown') for a screen too.
 */
const REPLY_WORDING = 'lib/reply-words-text.ts';
const SCREEN_WORDING = new Set([REPLY_WORDING, 'lib/error-words.ts']);
const replyKeys = [...new Set([...readFileSync(join(ROOT, REPLY_WORDING), 'utf8').matchAll(/i18n\.t\('(\w+)'/g)].map((m) => m[1]!))].filter(
  (key) => key !== 'error_generic',
);

/** Where a file words one of the refusals' keys itself: `file:line: key`. */
function replyKeysIn(file: string, source: string): string[] {
  return source
    .split('\n')
    .flatMap((line, i) => replyKeys.filter((key) => line.includes(`i18n.t('${key}'`)).map((key) => `${file}:${i + 1}: ${key}`));
}

describe('the refusals the background answers by kind', () => {
  const files = workerFiles(ENTRY).filter((f) => !SCREEN_WORDING.has(f));

  it('are read from their wording', () => {
    expect(replyKeys).toContain('outbox_not_in_log');
    expect(replyKeys).toContain('drafts_open_gone');
    // The bookmarks' refusals: an imported file, tags, a note, a saved search (lib/bookmarks/).
    expect(replyKeys).toEqual(
      expect.arrayContaining([
        'bookmarks_import_not_export',
        'bookmarks_import_bad_tag',
        'bookmarks_tags_invalid',
        'bookmarks_tag_quoted',
        'bookmarks_tags_too_many',
        'bookmarks_note_too_long',
        'bookmarks_search_needs_name',
      ]),
    );
    expect(replyKeys.length).toBeGreaterThan(20);
  });

  it('are worded by no file the worker bundles but the screens’ wording', () => {
    expect(files.flatMap((file) => replyKeysIn(file, readFileSync(join(ROOT, file), 'utf8')))).toEqual([]);
  });

  it('flag a refusal worded in the worker (the canary)', () => {
    const canary = [
      "if (!row) throw new ComposeError('no-draft', i18n.t('drafts_open_gone'));",
      "if (bad.length) throw new ImportError(i18n.t('bookmarks_import_bad_tag', { n: String(i + 1), tags: tagList(bad) }));",
      "  super(i18n.t('bookmarks_tags_invalid', tags.length, { tags: tagList(tags), max: String(TAG_MAX) }));",
    ].join('\n');
    expect(replyKeysIn('canary.ts', canary)).toEqual([
      'canary.ts:1: drafts_open_gone',
      'canary.ts:2: bookmarks_import_bad_tag',
      'canary.ts:3: bookmarks_tags_invalid',
    ]);
  });
});

describe('the sentence guard', () => {
  it('flags an English sentence in a throw or a template (the canary)', () => {
    const canary = [
      "throw new Error('This draft is no longer saved.');",
      'const m = `The post is ${over} characters too long${where}.`;',
      "const t = { title: 'Sign-in was cancelled' };",
    ].join('\n');
    expect(sentencesIn('canary.ts', canary).map((s) => s.line)).toEqual([1, 2, 3]);
  });

  it('lets keys, identifiers, paths and index lists pass', () => {
    const fine = [
      "i18n.t('drafts_open_gone');",
      "const p = '/2/users/{id}/blocking';",
      "const idx = '[accountId+id], accountId, [accountId+username]';",
      "const kind = 'invalid-request';",
      "import { i18n } from '#i18n';",
    ].join('\n');
    expect(sentencesIn('fine.ts', fine)).toEqual([]);
  });
});

describe('a background refusal in a Japanese browser', () => {
  it('carries a sign-in failure as words a Japanese screen words in Japanese, with no sentence of its own', () => {
    const error = new AuthError('cancelled');
    expect(error.message).toBe('cancelled');
    readInJapanese();
    expect(authWordsText(error.words)).toBe('ログインはキャンセルされました。何も変更されていません。');
  });

  it('words a refused video in Japanese, keeping the file’s name, isolated', () => {
    readInJapanese();
    expect(composeWordsText(whyVideoRefused({ name: 'clip.webm', type: 'video/webm', size: 10, durationSecs: 3 })!)).toBe(
      'Xが受け付ける動画はMP4とMOVです。「\u2068clip.webm\u2069」はどちらでもありません。',
    );
  });

  it('carries a file that is not an export as words a Japanese screen words in Japanese, with no sentence', () => {
    const error = caught(RefusedError, () => readExport('not json'));
    expect(error.message).toBe('error: import-not-export');
    readInJapanese();
    expect(replyWordsText(error.replyWords)).toBe(
      'このファイルはPerchのブックマークのエクスポートではありません。ブックマークタブの「エクスポート → JSON」で保存したJSONファイルを選んでください。',
    );
  });

  it('carries several tags that are not tags as words, listed, quoted and isolated the Japanese way on screen', () => {
    const error = new InvalidTagError(['a b', 'c d']);
    expect(error.message).toBe('error: tags-invalid');
    readInJapanese();
    expect(replyWordsText(error.replyWords)).toBe(
      '「\u2068a b\u2069」、「\u2068c d\u2069」はタグとして使えません。タグは文字・数字・_・-の1〜32文字です。',
    );
  });
});
