/**
 * `npm run demo`: Perch in Chromium against the local X API emulator, with a demo account — no X account needed.
 * Headed where a display exists (sign in through the emulator's consent page yourself); otherwise headless, signing
 * in on its own and writing screenshots of every screen, light and dark, at 360 px, to .output/demo/ (test/demo/screens.ts).
 * `--store` (npm run store:screenshots) runs headless and also composes the store's images into .output/store/.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { formatViolations } from '../emulator/contract-registry';
import { startEmulator } from '../emulator/server';
import { launchPerch, registerCallback, signIn } from '../e2e/support/chromium';
import { EmulatorControl } from '../e2e/support/emulator-control';
import { CHROMIUM_PATH, ROOT } from '../e2e/support/paths';
import { captureScreens, composeStoreImages, missingFonts, SCREEN_WIDTH, screenLanguage } from './screens';

const DEMO_PORT = 8788;
const DEMO_CLIENT_ID = 'perch-demo-client';
const ADA_ID = '1585841080431321088';
const BUILD = path.join(ROOT, '.output/chrome-mv3-demo');
const OUT = path.join(ROOT, '.output/demo');
const STORE_OUT = path.join(ROOT, '.output/store');
/** The screens the README opens with (`npm run store:screenshots` refreshes them). */
const README_OUT = path.join(ROOT, 'docs/screenshots');
const README_SHOTS = ['popup-on-a-post-light', 'manager-light'] as const;
/** `--store` (npm run store:screenshots): headless, and the store's images composed from the screens too. */
const STORE = process.argv.includes('--store');
/**
 * `--lang ja` (or `--lang=ja`): Chromium's UI language, which Perch's messages follow (lib/locales/<lang>.yml);
 * headless, the screenshots end in -<lang>. English by default.
 */
function langArg(argv: readonly string[]): string {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return 'en';
  const lang = argv[i]!.includes('=') ? argv[i]!.slice('--lang='.length) : argv[i + 1];
  if (!lang || !existsSync(path.join(ROOT, `lib/locales/${lang}.yml`))) {
    console.error(`--lang needs a language Perch speaks (a file in lib/locales/): got ${lang ?? 'nothing'}.`);
    process.exit(1);
  }
  return lang;
}
const LANG = langArg(process.argv.slice(2));
if (STORE && LANG !== 'en') {
  console.error('The store screenshots are in English: run --store without --lang.');
  process.exit(1);
}
const language = screenLanguage(LANG);

if (!existsSync(CHROMIUM_PATH)) {
  console.error(`Chromium is not installed at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium`);
  process.exit(1);
}
if (!existsSync(BUILD)) {
  console.error('The demo build is missing: run `npm run demo`, which builds it first.');
  process.exit(1);
}

const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && process.env.PERCH_DEMO_HEADLESS !== '1' && !STORE;
const fonts = missingFonts();
if (fonts.length) console.warn(`Emoji and CJK text will show as empty boxes: this machine lacks ${fonts.join(', ')}.`);
const emulator = await startEmulator({ port: DEMO_PORT, seed: 'demo' });
const emu = new EmulatorControl(emulator.url);
console.log(`X API emulator on ${emulator.url} (demo account: Ada Perch, @adaperch)`);
const { perch, close } = await launchPerch({ build: BUILD, headless: !headed, ...(LANG === 'en' ? {} : { lang: LANG }) });
await registerCallback(perch, emu, DEMO_CLIENT_ID);

/** Says what broke X's OpenAPI description during the demo, if anything did (test/emulator/contract-observer.ts). */
function reportContract(): void {
  const violations = emulator.contract.take();
  if (violations.length === 0) return;
  console.error(`X API contract: ${violations.length} violation(s) during the demo:\n${formatViolations(violations)}`);
  process.exitCode = 1;
}

async function shutdown(): Promise<void> {
  await close().catch(() => undefined);
  reportContract();
  await emulator.close();
}

if (headed) {
  await perch.open('options');
  console.log(`Perch is loaded in Chromium. Press “${language.t('header_sign_in')}” to sign in to the emulator’s demo account.`);
  console.log('Close the browser window or press Ctrl+C to stop.');
  process.on('SIGINT', () => void shutdown().then(() => process.exit(process.exitCode ?? 0)));
  perch.context.on('close', () => {
    reportContract();
    void emulator.close().then(() => process.exit(process.exitCode ?? 0));
  });
} else {
  mkdirSync(OUT, { recursive: true });
  const options = await perch.open('options');
  await options.setViewportSize({ width: 960, height: 900 });
  await signIn(perch, options, 'Authorize app', language.t('header_sign_in'));
  // Fill the local copy as the manager's "Sync now" would.
  for (const collection of ['bookmarks', 'bookmarkFolders', 'lists', 'muted', 'blocked']) {
    await options.evaluate((m) => chrome.runtime.sendMessage(m), { type: 'sync.run', accountId: ADA_ID, collection });
  }
  try {
    const files = await captureScreens(perch, options, OUT, language);
    console.log(`No display here, so Perch ran headless. It signed in to the demo account and wrote ${files.length} screenshots`);
    console.log(`(every screen at ${SCREEN_WIDTH} px, light and dark) to ${path.relative(ROOT, OUT)}/, among them:`);
    for (const f of ['popup-on-a-post-light', 'sidepanel-bookmarks-dark', 'manager-light']) {
      console.log(`  ${path.relative(ROOT, path.join(OUT, `${f}${language.suffix}.png`))}`);
    }
    if (STORE) {
      const store = await composeStoreImages(perch, OUT, STORE_OUT);
      console.log(`Store images (store/listing.yml's screenshots at 1280×800, and the 440×280 tile):`);
      for (const f of store) console.log(`  ${path.relative(ROOT, f)}`);
      // The README's own pictures, from the same run: committed, since a README on the web cannot show .output/.
      mkdirSync(README_OUT, { recursive: true });
      for (const f of README_SHOTS) copyFileSync(path.join(OUT, `${f}.png`), path.join(README_OUT, `${f}.png`));
      console.log(`README screenshots: ${README_SHOTS.map((f) => path.relative(ROOT, path.join(README_OUT, `${f}.png`))).join(', ')}`);
    }
  } catch (error) {
    // What each page showed when a step failed, to see why.
    for (const [i, page] of perch.context.pages().entries()) {
      await page.screenshot({ path: path.join(OUT, `failure-${i}.png`) }).catch(() => undefined);
    }
    console.error(`A step failed; what each page showed is in ${path.relative(ROOT, OUT)}/failure-*.png`);
    throw error;
  } finally {
    await shutdown();
  }
}
