/**
 * The demo's screenshots (`npm run demo` without a display) and the store's (`npm run store:screenshots`), taken from
 * the running demo so they never go stale.
 *
 * Every screen a person meets, at 360 px wide, in the light and the dark scheme (prefers-color-scheme emulated):
 * the popup on a post, on a profile and on any other page; the side panel's Bookmarks, Lists, Muted, Blocked and
 * Activity tabs; the settings page. Then the manager in a 1280×800 tab. Written to .output/demo/<screen>-<scheme>.png.
 *
 * The store's images are composed from those: each screenshot store/listing.yml names, at 1280×800 (the size both
 * stores take) with its caption from the listing, and the 440×280 promotional tile. Written to .output/store/.
 * Chrome's Web Store wants them without an alpha channel, so they are JPEG; each is checked for its size.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import type { Page } from 'playwright-core';
import { SEED_POSTS } from '../emulator/seed';
import type { Perch } from '../e2e/support/chromium';
import { ROOT } from '../e2e/support/paths';
import { readListing } from '../build/listing';

export const SCREEN_WIDTH = 360;
const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];

/**
 * Perch's words in one of its languages (lib/locales/<lang>.yml), to find its controls by their visible labels as a
 * person reading that language would. @throws for a key the locale lacks.
 */
export function wordsIn(lang: string): (key: string) => string {
  const messages = load(readFileSync(path.join(ROOT, `lib/locales/${lang}.yml`), 'utf8')) as Record<string, unknown>;
  return (key) => {
    const text = messages[key];
    if (typeof text !== 'string') throw new Error(`lib/locales/${lang}.yml has no message ${key}`);
    return text;
  };
}

/** Which language the screens are in; the files of any language but English end in -<lang>. */
export interface ScreenLanguage {
  lang: string;
  t: (key: string) => string;
  suffix: string;
}

/** The screens' language: English unless asked. */
export function screenLanguage(lang = 'en'): ScreenLanguage {
  return { lang, t: wordsIn(lang), suffix: lang === 'en' ? '' : `-${lang}` };
}

/** Shoots one page in both schemes; returns the files written. */
async function shoot(page: Page, out: string, name: string, fullPage: boolean, suffix = ''): Promise<string[]> {
  const files: string[] = [];
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    // Let the scheme's colours settle (transitions, images).
    await page.waitForTimeout(150);
    const file = path.join(out, `${name}-${scheme}${suffix}.png`);
    await page.screenshot({ path: file, fullPage });
    files.push(file);
  }
  await page.emulateMedia({ colorScheme: null });
  return files;
}

/** The popup aimed at a tab's address, clicked through its "opened by another page" gate as a person would. */
async function popupOn(perch: Perch, url: string, t: ScreenLanguage['t']): Promise<Page> {
  const page = await perch.context.newPage();
  await page.setViewportSize({ width: SCREEN_WIDTH, height: 600 });
  await page.goto(`chrome-extension://${perch.id}/popup.html?url=${encodeURIComponent(url)}&title=${encodeURIComponent('A page')}`);
  await page
    .getByRole('region', { name: t('gate_label') })
    .getByRole('button')
    .click();
  return page;
}

/**
 * Takes every screen, light and dark, with Perch signed in and synced. `options` is the settings page the demo
 * signed in from. Returns the files written, and leaves one action (a bookmark) in the Activity tab.
 */
export async function captureScreens(perch: Perch, options: Page, out: string, language = screenLanguage()): Promise<string[]> {
  mkdirSync(out, { recursive: true });
  const files: string[] = [];
  const { t, suffix } = language;

  const onPost = await popupOn(perch, `https://x.com/gracehop/status/${SEED_POSTS.gracePhoto}`, t);
  // The post's actions are drawn once Like (or Unlike, if the demo account liked it already) is there.
  const like = onPost
    .getByRole('button', { name: t('popup_like'), exact: true })
    .or(onPost.getByRole('button', { name: t('popup_unlike'), exact: true }));
  await like.waitFor();
  files.push(...(await shoot(onPost, out, 'popup-on-a-post', true, suffix)));
  // One action for the Activity tab to show.
  const next = (await like.textContent())?.includes(t('popup_unlike')) ? t('popup_like') : t('popup_unlike');
  await like.click();
  await onPost.getByRole('button', { name: next, exact: true }).waitFor();
  await onPost.close();

  const onProfile = await popupOn(perch, 'https://x.com/gracehop', t);
  await onProfile.getByRole('button', { name: t('popup_mute'), exact: true }).waitFor();
  files.push(...(await shoot(onProfile, out, 'popup-on-a-profile', true, suffix)));
  await onProfile.close();

  const elsewhere = await popupOn(perch, 'https://example.com/article', t);
  await elsewhere.getByRole('textbox').first().waitFor();
  files.push(...(await shoot(elsewhere, out, 'popup-elsewhere', true, suffix)));
  await elsewhere.close();

  const panel = await perch.open('sidepanel');
  await panel.setViewportSize({ width: SCREEN_WIDTH, height: 720 });
  for (const tab of ['bookmarks', 'lists', 'muted', 'blocked', 'activity']) {
    const name = t(`manager_tab_${tab}`);
    await panel.getByRole('tab', { name }).click();
    await panel.getByRole('tab', { name, selected: true }).waitFor();
    await panel.getByRole('tabpanel', { name }).waitFor();
    // The tab reads its rows from the local copy: let them and their pictures arrive.
    await panel.waitForLoadState('networkidle');
    await panel.waitForTimeout(1000);
    files.push(...(await shoot(panel, out, `sidepanel-${tab}`, false, suffix)));
  }
  await panel.close();

  await options.setViewportSize({ width: SCREEN_WIDTH, height: 800 });
  await options.reload();
  await options.getByText('@adaperch').first().waitFor();
  files.push(...(await shoot(options, out, 'options', true, suffix)));

  const manager = await perch.open('manager');
  await manager.setViewportSize({ width: 1280, height: 800 });
  await manager.getByRole('tab', { name: t('manager_tab_bookmarks'), selected: true }).waitFor();
  await manager.waitForTimeout(800);
  files.push(...(await shoot(manager, out, 'manager', false, suffix)));
  await manager.close();
  return files;
}

/** Which demo screenshot each store screenshot of store/listing.yml shows. */
export const STORE_SOURCES: Record<string, { screen: string; scheme: Scheme }> = {
  '1-popup-on-a-post.jpg': { screen: 'popup-on-a-post', scheme: 'light' },
  '2-bookmarks.jpg': { screen: 'sidepanel-bookmarks', scheme: 'light' },
  '3-lists.jpg': { screen: 'sidepanel-lists', scheme: 'dark' },
  '4-activity.jpg': { screen: 'sidepanel-activity', scheme: 'light' },
  '5-settings.jpg': { screen: 'options', scheme: 'dark' },
};

const dataUrl = (file: string, type: string) => `data:${type};base64,${readFileSync(file).toString('base64')}`;
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A JPEG's width and height, from its start-of-frame marker. */
export function jpegSize(bytes: Buffer): { width: number; height: number } {
  let i = 2;
  while (i < bytes.length) {
    const marker = bytes[i + 1]!;
    const length = bytes.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xc3) return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
    i += 2 + length;
  }
  throw new Error('not a JPEG with a frame header');
}

/**
 * Composes the store's images from the demo's screenshots in `shots`: 1280×800 with the listing's captions, and the
 * 440×280 tile. @throws when the listing names a screenshot with no source here, or an image comes out another size.
 */
export async function composeStoreImages(perch: Perch, shots: string, out: string): Promise<string[]> {
  mkdirSync(out, { recursive: true });
  const listing = readListing();
  const icon = dataUrl(path.join(ROOT, 'public/icon/128.png'), 'image/png');
  const page = await perch.context.newPage();
  const files: string[] = [];
  const render = async (file: string, width: number, height: number, body: string) => {
    await page.setViewportSize({ width, height });
    await page.setContent(
      `<!doctype html><html><head><style>
        * { box-sizing: border-box; }
        body { margin: 0; width: ${width}px; height: ${height}px; overflow: hidden; display: flex; align-items: center;
          font-family: system-ui, 'Noto Sans', sans-serif; color: #f7f9f9;
          background: radial-gradient(circle at 20% 20%, #1d4f7a, #0b1620 70%); }
        .brand { display: flex; align-items: center; gap: 16px; font-size: 26px; font-weight: 600; }
        .text { flex: 1; }
        h1 { font-size: 46px; line-height: 1.2; margin: 28px 0 0; font-weight: 700; }
        .shot { max-height: 720px; max-width: 620px; border-radius: 14px; box-shadow: 0 18px 60px rgba(0,0,0,.55); }
      </style></head><body>${body}</body></html>`,
    );
    await page
      .locator('img')
      .last()
      .evaluate((img: HTMLImageElement) => img.decode());
    const target = path.join(out, file);
    await page.screenshot({ path: target, type: 'jpeg', quality: 92 });
    const size = jpegSize(readFileSync(target));
    if (size.width !== width || size.height !== height) throw new Error(`${file} came out ${size.width}×${size.height}`);
    files.push(target);
  };

  for (const { file, caption } of listing.screenshots) {
    const source = STORE_SOURCES[file];
    if (!source) throw new Error(`store/listing.yml names ${file}, which no demo screen makes (test/demo/screens.ts)`);
    const shot = dataUrl(path.join(shots, `${source.screen}-${source.scheme}.png`), 'image/png');
    await render(
      file,
      1280,
      800,
      `<div style="display:flex;align-items:center;gap:72px;padding:0 88px;width:100%">
        <div class="text"><div class="brand"><img src="${icon}" width="56" height="56" alt="">${escapeHtml(listing.name)}</div>
        <h1>${escapeHtml(caption)}</h1></div>
        <img class="shot" src="${shot}" alt=""></div>`,
    );
  }
  await render(
    listing.tile.file,
    440,
    280,
    `<div style="display:flex;flex-direction:column;justify-content:center;gap:14px;padding:0 36px;width:100%">
      <div class="brand" style="font-size:30px"><img src="${icon}" width="64" height="64" alt="">${escapeHtml(listing.name)}</div>
      <div style="font-size:20px;line-height:1.3;opacity:.92">${escapeHtml(listing.tile.tagline)}</div></div>`,
  );
  await page.close();
  return files;
}

/** Names the emoji and CJK fonts the screenshots need that this machine lacks (Debian: fonts-noto-color-emoji, -cjk). */
export function missingFonts(): string[] {
  let families = '';
  try {
    families = execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' });
  } catch {
    return ['fontconfig (fc-list)'];
  }
  return [
    ['Noto Color Emoji', 'fonts-noto-color-emoji'],
    ['Noto Sans CJK', 'fonts-noto-cjk'],
  ]
    .filter(([family]) => !families.includes(family!))
    .map(([family, pkg]) => `${family} (apt-get install -y ${pkg})`);
}
