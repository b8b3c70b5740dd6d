import 'fake-indexeddb/auto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { afterAll, afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { assertNoLiveViolations, operationsSeenInProcess } from '../emulator/contract-registry';

/**
 * WXT's fake browser has no `browser.i18n.getMessage`; `i18n.t()` from #i18n calls it. This one serves
 * lib/locales/en.yml the way the extension does: converted to _locales/en/messages.json as @wxt-dev/i18n's
 * build does it, then read back the way Chrome's `i18n.getMessage` does. `i18n.t()` itself stays the real one,
 * so plural forms are picked by its own code.
 */
const EN_MESSAGES_FILE = fileURLToPath(new URL('../../lib/locales/en.yml', import.meta.url));

interface ChromeMessage {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const CHROME_MESSAGE_KEYS = new Set(['message', 'description', 'placeholders']);

/** The messages.json entries @wxt-dev/i18n's build makes from a messages file (`generateChromeMessages`). */
function toChromeMessages(file: unknown): Record<string, ChromeMessage> {
  const out: Record<string, ChromeMessage> = {};
  const walk = (path: string[], value: unknown, depth: number): void => {
    if (['string', 'number', 'boolean', 'bigint'].includes(typeof value)) {
      out[path.join('_')] = { message: String(value) };
    } else if (typeof value !== 'object' || value === null) {
      throw new Error(`Messages file should not contain \`${String(value)}\` (found at "${path.join('.')}")`);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk([...path, String(i)], item, depth + 1));
    } else if (Object.keys(value).every((k) => k === 'n' || isFinite(Number(k)))) {
      // Plural forms: "0", "1", … then "n", joined for `i18n.t()` to split on " | ".
      out[path.join('_')] = { message: Object.values(value).join(' | ') };
    } else if (depth === 1 && Object.keys(value).every((k) => CHROME_MESSAGE_KEYS.has(k))) {
      const { message, placeholders } = value as ChromeMessage;
      out[path.join('_')] = { message, ...(placeholders ? { placeholders } : {}) };
    } else {
      for (const [key, item] of Object.entries(value)) walk([...path, key], item, depth + 1);
    }
  };
  walk([], file, 0);
  return out;
}

/** Chrome, loading messages.json: names are case-insensitive, `$name$` placeholders are filled in once. */
function loadMessages(messages: Record<string, ChromeMessage>): Map<string, string> {
  const loaded = new Map<string, string>();
  for (const [name, { message, placeholders }] of Object.entries(messages)) {
    const filled = Object.entries(placeholders ?? {}).reduce(
      (text, [placeholder, { content }]) => text.replaceAll(new RegExp(`\\$${placeholder}\\$`, 'gi'), content),
      message,
    );
    loaded.set(name.toLowerCase(), filled);
  }
  return loaded;
}

const PREDEFINED: Record<string, string> = {
  '@@ui_locale': 'en',
  '@@bidi_dir': 'ltr',
  '@@bidi_reversed_dir': 'rtl',
  '@@bidi_start_edge': 'left',
  '@@bidi_end_edge': 'right',
};

/**
 * Chrome's `i18n.getMessage`: "" for an unknown name; `$1`…`$9` take the substitutions (nothing when one is
 * missing), a run of `$`s loses one (`$$` is a literal `$`), and a `$` before anything else is dropped with it.
 */
function makeGetMessage(messages: Map<string, string>) {
  return (name: string, substitutions?: string | (string | number)[], options?: { escapeLt?: boolean | undefined }): string => {
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions.map(String) : [String(substitutions)];
    if (subs.length > 9) throw new Error('i18n.getMessage takes at most 9 substitutions');
    const key = name.toLowerCase();
    let message = key === '@@extension_id' ? fakeBrowser.runtime.id : (PREDEFINED[key] ?? messages.get(key) ?? '');
    if (options?.escapeLt) message = message.replaceAll('<', '&lt;');
    return message.replace(/\$(\$+|[\s\S]?)/g, (_, after: string) =>
      after.startsWith('$') ? after : /^[1-9]$/.test(after) ? (subs[Number(after) - 1] ?? '') : '',
    );
  };
}

const enMessages = loadMessages(toChromeMessages(load(readFileSync(EN_MESSAGES_FILE, 'utf8'))));
const getMessage = makeGetMessage(enMessages);

function installI18n() {
  fakeBrowser.i18n.getMessage = getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'en';
}

installI18n();

beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
});

/**
 * X's OpenAPI description as the contract: every emulator this file started checked each request and answer
 * (test/emulator/contract-observer.ts); a violation fails the test that caused it, naming the operationId and rule.
 * A test that sends a bad request on purpose claims the violation first with `emu.contract.take({ rule })`.
 */
afterEach(() => assertNoLiveViolations());
afterAll(() => assertNoLiveViolations("the file's setup or teardown"));

/** The operations this test file's emulators were asked for, one file per test file (test/summary.ts merges them). */
const OPERATIONS_SEEN_DIR = fileURLToPath(new URL('../../.reports/operations-seen-unit/', import.meta.url));
afterAll(() => {
  if (operationsSeenInProcess.size === 0) return;
  mkdirSync(OPERATIONS_SEEN_DIR, { recursive: true });
  const name = `${process.pid}-${Math.random().toString(36).slice(2)}.json`;
  writeFileSync(OPERATIONS_SEEN_DIR + name, JSON.stringify([...operationsSeenInProcess].sort()));
});
