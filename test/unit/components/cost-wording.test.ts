import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

/**
 * Prices live in one place, the settings' Costs section (entrypoints/options/Costs.tsx). The everyday screens —
 * popup, side panel, manager, composer — speak of no price or billing, with one exception: the composer's
 * once-per-account note of a link post's price (components/LinkCostNote.tsx). X's "out of credits" refusal is an
 * error, not a price, and stays.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ALLOWED = new Set(['composer_link_cost']);
/** A literal dollar ($$ in a browser message) or words of price and billing. */
const COST_WORDS = /\$\$|\b(?:costs?|pric(?:e|es|ed|ing)|bill(?:s|ed|ing)?|charge[sd]?|pay-per-use)\b/i;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every message of en.yml by key; a plural message's forms joined. */
function messagesOf(yaml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(load(yaml) as Record<string, unknown>)) {
    out.set(key, typeof value === 'object' && value !== null ? Object.values(value).join(' | ') : String(value));
  }
  return out;
}

/** The keys a source names: any quoted word that is a message key (i18n.t('…') and tables of keys alike). */
function keysIn(source: string, messages: Map<string, string>): string[] {
  return [...source.matchAll(/['"`]([a-z][a-z0-9_]*)['"`]/g)].map((m) => m[1]!).filter((k) => messages.has(k));
}

/** The messages an everyday screen shows that speak of money, as `file: key: text`. */
function costWordsOn(files: { name: string; source: string }[], messages: Map<string, string>): string[] {
  return files.flatMap(({ name, source }) =>
    [...new Set(keysIn(source, messages))]
      .filter((key) => !ALLOWED.has(key) && COST_WORDS.test(messages.get(key)!))
      .map((key) => `${name}: ${key}: ${messages.get(key)}`),
  );
}

const MESSAGES = messagesOf(readFileSync(join(ROOT, 'lib/locales/en.yml'), 'utf8'));
/** Every screen but the settings page, where the Costs section is. */
const EVERYDAY = [...walk(join(ROOT, 'components')), ...walk(join(ROOT, 'entrypoints'))]
  .filter((path) => !relative(ROOT, path).startsWith('entrypoints/options/'))
  .map((path) => ({ name: relative(ROOT, path), source: readFileSync(path, 'utf8') }));

describe('prices on the everyday screens', () => {
  it('are named only by the composer’s link note', () => {
    expect(EVERYDAY.length).toBeGreaterThan(30);
    expect(costWordsOn(EVERYDAY, MESSAGES)).toEqual([]);
  });

  it('are all in the settings’ Costs section, X’s link post price included', () => {
    const costs = readFileSync(join(ROOT, 'entrypoints/options/Costs.tsx'), 'utf8');
    const priced = keysIn(costs, MESSAGES).filter((key) => MESSAGES.get(key)!.includes('$$'));
    expect(priced.length).toBeGreaterThan(10);
    expect(priced.map((key) => MESSAGES.get(key))).toContain('$$0.200');
  });

  it('fire for a price or billing words on an everyday screen (canary)', () => {
    const messages = new Map([
      ['lists_members_note', 'X bills every account it returns.'],
      ['popup_price', 'This costs $$0.005.'],
      ['popup_fine', 'Your app is out of credits.'],
    ]);
    const file = { name: 'components/Stray.tsx', source: "i18n.t('lists_members_note'); const k = 'popup_price'; i18n.t('popup_fine');" };
    expect(costWordsOn([file], messages)).toEqual([
      'components/Stray.tsx: lists_members_note: X bills every account it returns.',
      'components/Stray.tsx: popup_price: This costs $$0.005.',
    ]);
  });
});
