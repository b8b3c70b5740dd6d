import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Firefox answers `browser.i18n` in its app locale, negotiated from `intl.locale.requested` against the locales it
 * has: Debian's firefox-esr ships en-US only (its language packs are separate packages), so the pref alone leaves
 * Perch in English. A language pack registers a locale; installed as a temporary add-on it needs no signature, and
 * it needs no strings of Firefox's own for the extension's locale to follow (the browser's chrome falls back to
 * en-US). This writes the smallest one Firefox accepts, for `lang`, and returns its folder.
 */
export async function writeLangpack(lang: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `perch-langpack-${lang}-`));
  await mkdir(path.join(dir, 'browser/localization', lang), { recursive: true });
  const manifest = {
    manifest_version: 2,
    name: `Language: ${lang} (Perch tests)`,
    version: '1.0',
    langpack_id: lang,
    languages: { [lang]: { chrome_resources: {}, version: '1' } },
    sources: { browser: { base_path: 'browser/' } },
    browser_specific_settings: { gecko: { id: `langpack-${lang}@perch.test`, strict_min_version: '115.0', strict_max_version: '999.*' } },
  };
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}
