import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load } from 'js-yaml';

/**
 * The locale checks behind test/unit/locales/locales.test.ts, as pure functions so each one can be fed a fixture
 * that must make it fire (its canary).
 *
 * A message is what @wxt-dev/i18n reads from lib/locales/<locale>.yml: a string, or a plural object whose keys are
 * counts and `n` (`{1: …, n: …}`). The library joins a plural's forms with " | " and picks one by how many there are:
 * one form for every count, two forms for 1 and the rest, three for 0, 1 and the rest.
 */
export type Message = string | Readonly<Record<string, string>>;
export type Locale = Readonly<Record<string, Message>>;

/** Parses a locale file's YAML text into its messages; throws on anything @wxt-dev/i18n would not read as one. */
export function parseLocale(text: string): Locale {
  const raw = load(text);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('a locale file must be a mapping of keys');
  const out: Record<string, Message> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value === 'string') out[key] = value;
    else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const forms: Record<string, string> = {};
      for (const [form, text] of Object.entries(value as Record<string, unknown>)) {
        if (form !== 'n' && !Number.isInteger(Number(form))) throw new Error(`${key}: "${form}" is not a plural form`);
        if (typeof text !== 'string') throw new Error(`${key}.${form} is not text`);
        forms[form] = text;
      }
      out[key] = forms;
    } else throw new Error(`${key} is neither text nor plural forms`);
  }
  return out;
}

/** Reads and parses lib/locales/<name>.yml (or any path). */
export function readLocale(path: string): Locale {
  return parseLocale(readFileSync(path, 'utf8'));
}

function texts(message: Message): string[] {
  return typeof message === 'string' ? [message] : Object.values(message);
}

/** The placeholders a message uses: positional `$1`…`$9` (not the literal `$$`) and named `{name}`, sorted. */
export function placeholders(message: Message): string[] {
  const found = new Set<string>();
  for (const text of texts(message)) {
    for (const m of text.replaceAll('$$', '').matchAll(/\$(\d)/g)) found.add(`$${m[1]}`);
    for (const m of text.matchAll(/\{(\w+)\}/g)) found.add(`{${m[1]}}`);
  }
  return [...found].sort();
}

/** Keys of `base` that `other` lacks. */
export function missingKeys(base: Locale, other: Locale): string[] {
  return Object.keys(base).filter((k) => !(k in other));
}

/** Keys of `other` that `base` (the default locale, which the types are made from) does not have. */
export function extraKeys(base: Locale, other: Locale): string[] {
  return missingKeys(other, base);
}

/** Keys whose placeholder set in `other` differs from `base`'s, with both sets. */
export function placeholderMismatches(base: Locale, other: Locale): string[] {
  const out: string[] = [];
  for (const [key, message] of Object.entries(base)) {
    const theirs = other[key];
    if (theirs === undefined) continue;
    const a = placeholders(message).join(' ');
    const b = placeholders(theirs).join(' ');
    if (a !== b) out.push(`${key}: [${a}] ≠ [${b}]`);
  }
  return out;
}

/**
 * Keys whose plural forms in `other` would be picked wrongly: a plural must stay a plural, and have either one form
 * (`n` alone, right for languages without grammatical number, such as Japanese) or exactly `base`'s forms — two forms
 * would make the library read them as "1" and "the rest", whatever they are called.
 */
export function pluralMismatches(base: Locale, other: Locale): string[] {
  const out: string[] = [];
  for (const [key, message] of Object.entries(base)) {
    const theirs = other[key];
    if (theirs === undefined) continue;
    if (typeof message === 'string') {
      if (typeof theirs !== 'string') out.push(`${key}: plural forms where the default locale has text`);
      continue;
    }
    if (typeof theirs === 'string') {
      out.push(`${key}: text where the default locale has plural forms`);
      continue;
    }
    const forms = Object.keys(theirs).sort().join(',');
    if (forms !== 'n' && forms !== Object.keys(message).sort().join(',')) out.push(`${key}: forms ${forms}`);
  }
  return out;
}

/**
 * Keys whose message in `other` is the same as in `base`, except those in `allowed` (a name, a URL, "@$1"…):
 * a message left in English.
 */
export function identicalToBase(base: Locale, other: Locale, allowed: ReadonlySet<string>): string[] {
  return Object.keys(base).filter(
    (k) => !allowed.has(k) && other[k] !== undefined && JSON.stringify(texts(other[k])) === JSON.stringify(texts(base[k]!)),
  );
}

/** One file of source code, its path relative to the project. */
export interface Source {
  path: string;
  text: string;
}

/** Every .ts/.tsx file under the given folders of `root` (tests excluded), and any single files named. */
export function readSources(root: string, paths: readonly string[]): Source[] {
  const out: Source[] = [];
  const walk = (path: string): void => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path)) if (name !== 'node_modules' && name !== 'locales') walk(join(path, name));
    } else if (/\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path)) {
      out.push({ path: relative(root, path), text: readFileSync(path, 'utf8') });
    }
  };
  for (const p of paths) walk(join(root, p));
  return out;
}

/**
 * A key built at run time, in a template literal passed to `i18n.t`: the template exactly as written in the code, and
 * the values its `${…}` part takes. Listed by hand, so a new dynamic key is a decision the check sees.
 */
export interface DynamicKey {
  template: string;
  values: readonly string[];
}

/** The templates passed to `i18n.t(`…${…}…`)` in the sources, each once. */
export function keyTemplates(sources: readonly Source[]): string[] {
  const found = new Set<string>();
  for (const s of sources) for (const m of s.text.matchAll(/i18n\.t\(\s*`([^`]*)`/g)) if (m[1]!.includes('${')) found.add(m[1]!);
  return [...found].sort();
}

/** The keys a listed template makes, one per value. */
export function expand(dynamic: readonly DynamicKey[]): string[] {
  return dynamic.flatMap((d) => d.values.map((v) => d.template.replace(/\$\{[^}]*\}/, v)));
}

/**
 * Keys of `base` the code never names: neither as a whole quoted string ('key', "key", `key`, or the manifest's
 * `__MSG_key__`) anywhere in the sources, nor made by a listed dynamic template.
 */
export function unusedKeys(base: Locale, sources: readonly Source[], dynamic: readonly DynamicKey[]): string[] {
  const named = new Set<string>(expand(dynamic));
  for (const s of sources) {
    for (const m of s.text.matchAll(/(['"`])([A-Za-z][A-Za-z0-9_]*)\1/g)) named.add(m[2]!);
    for (const m of s.text.matchAll(/__MSG_(\w+?)__/g)) named.add(m[1]!);
  }
  return Object.keys(base).filter((k) => !named.has(k));
}

/**
 * Pairs of a control's visible label and its longer accessible name, by key name: `x_short` shows and `x` names it,
 * or `x` shows and `x_label` / `x_named` names it. Where English's name starts with its label (WCAG 2.5.3, label in
 * name: a person who says what they see can press it), `other`'s must too; returns the pairs where it does not.
 */
export function labelNotInName(base: Locale, other: Locale): string[] {
  const pairs: [string, string][] = [];
  for (const key of Object.keys(base)) {
    if (key.endsWith('_short')) pairs.push([key, key.slice(0, -'_short'.length)]);
    for (const suffix of ['_label', '_named']) pairs.push([key, key + suffix]);
  }
  return pairs
    .filter(([label, name]) => {
      const [bl, bn, ol, on] = [base[label], base[name], other[label], other[name]];
      if (typeof bl !== 'string' || typeof bn !== 'string' || !bn.startsWith(bl)) return false;
      return typeof ol === 'string' && typeof on === 'string' && !on.startsWith(ol);
    })
    .map(([label, name]) => `${name} does not start with ${label}`);
}

/**
 * Keys of a Japanese locale whose text uses half-width brackets, "(" or ")": Japanese text takes full-width ones,
 * 「（4件）」, as ja.yml's own headings and notes write them.
 */
export function halfWidthBrackets(locale: Locale): string[] {
  return Object.keys(locale).filter((k) => texts(locale[k]!).some((t) => /[()]/.test(t)));
}
