import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  type DynamicKey,
  type Locale,
  extraKeys,
  halfWidthBrackets,
  identicalToBase,
  keyTemplates,
  labelNotInName,
  missingKeys,
  parseLocale,
  placeholderMismatches,
  pluralMismatches,
  readLocale,
  readSources,
  unusedKeys,
} from './locale-check';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const LOCALES = `${ROOT}lib/locales`;
const en = readLocale(`${LOCALES}/en.yml`);
const others = readdirSync(LOCALES)
  .filter((f) => f.endsWith('.yml') && f !== 'en.yml')
  .map((f) => ({ name: f.replace(/\.yml$/, ''), messages: readLocale(`${LOCALES}/${f}`) }));
const sources = readSources(ROOT, ['entrypoints', 'components', 'lib', 'wxt.config.ts']);

/**
 * Keys the code builds at run time: each template exactly as it is passed to `i18n.t`, with every value its `${…}`
 * takes. A new template in the code fails "lists every key the code builds" until it is listed here.
 */
const RELATION_KEYS = [
  'title',
  'count',
  'sync_label',
  'syncing',
  'add_label',
  'add_short',
  'add',
  'already',
  'search_label',
  'list_label',
  'loading',
  'no_results',
  'export_title',
  'exported',
  'view_error',
];
const DYNAMIC: DynamicKey[] = [
  // entrypoints/options/AppCheck.tsx: a line's mark.
  { template: 'app_check_mark_${line.mark}', values: ['ok', 'problem', 'unknown'] },
  // components/manager/action-state.ts: an action's phase.
  {
    template: 'action_phase_${p.kind}',
    values: ['queued', 'queued_until', 'sending', 'done', 'failed', 'undoing', 'undone', 'undo_failed'],
  },
  // components/manager/relation-texts.ts: the Muted and Blocked tabs share one view.
  ...RELATION_KEYS.map((suffix) => ({ template: `\${r}_${suffix}`, values: ['muted', 'blocked'] })),
];

/**
 * Messages that are the same in every language: names, figures, notation. Anything else identical to English is a
 * message nobody translated.
 */
const SAME_IN_EVERY_LANGUAGE = new Set([
  'extName', // the product's name
  'popup_nav_label', // "Perch"
  'menu_title', // "Perch: $1"
  'popup_note_named', // "$1: $2", a button's label and what its action is doing
  'popup_meta_separator', // " · "
  'options_callback_pending', // "…"
  'lists_counter', // "{count}/{max}"
  'bookmarks_media_gif', // "GIF"
  'media_alt_badge', // "ALT", X's own badge on a described picture, in Japanese too
  'options_oauth', // "OAuth 2.0", X's name for it
  'options_native_app', // "Native App", as X's developer console names the app type
  'app_check_mark_ok', // "OK:"
]);

describe('the locales in lib/locales', () => {
  it('include Japanese', () => {
    expect(others.map((o) => o.name)).toContain('ja');
  });

  describe.each(others)('$name', ({ messages }) => {
    it('has every key of en.yml, and no other', () => {
      expect(missingKeys(en, messages)).toEqual([]);
      expect(extraKeys(en, messages)).toEqual([]);
    });

    it('uses the same placeholders as English in each message', () => {
      expect(placeholderMismatches(en, messages)).toEqual([]);
    });

    it('has plural forms the library picks right', () => {
      expect(pluralMismatches(en, messages)).toEqual([]);
    });

    it('names each control starting with its visible label, where English does', () => {
      expect(labelNotInName(en, messages)).toEqual([]);
    });

    it('translates every message outside the allow-list', () => {
      expect(identicalToBase(en, messages, SAME_IN_EVERY_LANGUAGE)).toEqual([]);
    });
  });

  it('have no key the code never uses', () => {
    expect(unusedKeys(en, sources, DYNAMIC)).toEqual([]);
  });

  it('lists every key the code builds at run time', () => {
    expect(keyTemplates(sources)).toEqual([...new Set(DYNAMIC.map((d) => d.template))].sort());
  });

  it('write Japanese brackets full-width', () => {
    expect(halfWidthBrackets(others.find((o) => o.name === 'ja')!.messages)).toEqual([]);
  });

  it('allow only messages that are in fact the same in Japanese', () => {
    const ja = others.find((o) => o.name === 'ja')!.messages;
    expect([...SAME_IN_EVERY_LANGUAGE].filter((k) => JSON.stringify(ja[k]) !== JSON.stringify(en[k]))).toEqual([]);
  });
});

/** Canaries: each check fed a locale that must make it fire. */
describe('the locale checks', () => {
  const base = parseLocale(`
greeting: 'Hello, $1'
named: 'Mute {who}'
price: '$$0.005 for $1'
count:
  1: 1 post
  n: $1 posts
nobody:
  0: nobody
  1: 1 account
  n: $1 accounts
`);
  const good = parseLocale(`
greeting: 'こんにちは、$1'
named: '{who}さんをミュート'
price: '$1件で$$0.005'
count:
  n: $1件のポスト
nobody:
  0: いません
  1: $1件
  n: $1件
`);
  const without = (l: Locale, key: string): Locale => Object.fromEntries(Object.entries(l).filter(([k]) => k !== key));

  it('pass a complete, translated locale', () => {
    expect(missingKeys(base, good)).toEqual([]);
    expect(placeholderMismatches(base, good)).toEqual([]);
    expect(pluralMismatches(base, good)).toEqual([]);
    expect(identicalToBase(base, good, new Set())).toEqual([]);
  });

  it('find a missing key and a key English does not have', () => {
    expect(missingKeys(base, without(good, 'named'))).toEqual(['named']);
    expect(extraKeys(base, { ...good, stray: 'x' })).toEqual(['stray']);
  });

  it.each([
    ['a dropped $1', { greeting: 'こんにちは' }, 'greeting'],
    ['a $2 English does not have', { greeting: 'こんにちは、$1と$2' }, 'greeting'],
    ['a renamed {name}', { named: '{whom}さんをミュート' }, 'named'],
    ['$$ read as $1', { price: '$$0.005' }, 'price'],
  ])('find %s', (_, change, key) => {
    expect(placeholderMismatches(base, { ...good, ...change })).toEqual([expect.stringMatching(new RegExp(`^${key}:`))]);
  });

  it.each([
    ['two forms where English has three', { nobody: { 0: 'いません', n: '$1件' } }, 'nobody'],
    ['text where English has forms', { count: '$1件のポスト' }, 'count'],
    ['forms where English has text', { greeting: { n: 'こんにちは、$1' } }, 'greeting'],
  ])('find %s', (_, change, key) => {
    expect(pluralMismatches(base, { ...good, ...change })).toEqual([expect.stringMatching(new RegExp(`^${key}:`))]);
  });

  it('find half-width brackets in Japanese text, in any plural form', () => {
    expect(halfWidthBrackets(good)).toEqual([]);
    expect(halfWidthBrackets({ ...good, named: '{who}さんをミュート(1件)', count: { n: '$1件のポスト (下書き)' } })).toEqual([
      'named',
      'count',
    ]);
  });

  it('find a message left in English, unless allowed', () => {
    const untranslated = { ...good, greeting: 'Hello, $1' };
    expect(identicalToBase(base, untranslated, new Set())).toEqual(['greeting']);
    expect(identicalToBase(base, untranslated, new Set(['greeting']))).toEqual([]);
  });

  it('find an accessible name that no longer starts with its visible label', () => {
    const english = parseLocale(
      "pin_short: Pin\npin: 'Pin {name}'\nretry: Retry\nretry_label: 'Retry: $1'\nsave: Save\nsave_named: 'Keep $1'",
    );
    expect(labelNotInName(english, parseLocale("pin_short: 固定\npin: '固定: {name}'\nretry: 再試行\nretry_label: '再試行: $1'"))).toEqual(
      [],
    );
    expect(labelNotInName(english, parseLocale("pin_short: 固定\npin: '{name}を固定'\nretry: 再試行\nretry_label: '$1を再試行'"))).toEqual([
      'pin does not start with pin_short',
      'retry_label does not start with retry',
    ]);
    // English's own "Keep $1" for "Save" is not a label-in-name pair, so no translation of it is held to one.
    expect(labelNotInName(english, parseLocale("save: 保存\nsave_named: '$1を残す'"))).toEqual([]);
  });

  it('find a key no code names, and count a key named or built by a listed template as used', () => {
    const code = [
      { path: 'a.ts', text: "i18n.t('greeting'); i18n.t(`${r}_posts`); const k = 'price';" },
      { path: 'b.ts', text: "name: '__MSG_named__'" },
    ];
    expect(unusedKeys({ ...base, count: 'x', nobody: 'x' }, code, [])).toEqual(['count', 'nobody']);
    expect(unusedKeys(base, code, [{ template: 'no${x}', values: ['body'] }])).toEqual(['count']);
  });

  it('find a template key the list does not name', () => {
    expect(keyTemplates([{ path: 'a.ts', text: "i18n.t(`menu_${kind}`); i18n.t('plain'); i18n.t(`plain`)" }])).toEqual(['menu_${kind}']);
  });

  it('refuse a file @wxt-dev/i18n would not read as messages', () => {
    expect(() => parseLocale('- a list')).toThrow();
    expect(() => parseLocale('key:\n  one: x')).toThrow(/plural/);
  });
});
