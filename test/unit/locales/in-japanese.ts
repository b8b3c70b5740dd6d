import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * Has the fake browser speak Japanese from lib/locales/ja.yml, as Chrome serves it once the browser's UI language is
 * Japanese: message names matched without regard to case, plural forms joined by " | ", `$1`…`$9` filled.
 * (test/unit/setup.ts puts the fake browser back after each test.)
 */
export function readInJapanese(): void {
  const file = fileURLToPath(new URL('../../../lib/locales/ja.yml', import.meta.url));
  const ja = load(readFileSync(file, 'utf8')) as Record<string, string | Record<string, string>>;
  const messages = new Map(Object.entries(ja).map(([k, v]) => [k.toLowerCase(), typeof v === 'string' ? v : Object.values(v).join(' | ')]));
  fakeBrowser.i18n.getUILanguage = () => 'ja';
  fakeBrowser.i18n.getMessage = (name: string, subs?: string | (string | number)[]) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return (messages.get(name.toLowerCase()) ?? '').replace(/\$([1-9])/g, (_, n: string) => String(list[Number(n) - 1] ?? ''));
  };
}
