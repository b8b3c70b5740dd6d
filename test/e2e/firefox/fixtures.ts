import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ADA, TEST_CLIENT_ID, TEST_EMULATOR_PORT } from '../support/emulator-control';
import { emulatorTest } from '../support/emulator-test';
import { writeLangpack } from '../support/firefox-langpack';
// Puppeteer's waitForFunction (and so every Locator click) polls from Node in Firefox: see the file.
import '../support/firefox-wait';
import { FIREFOX_BUILD, FIREFOX_PATH } from '../support/paths';

/**
 * Firefox ESR driven by puppeteer-core over WebDriver BiDi. BiDi may not navigate to moz-extension:// URLs,
 * but it can drive an extension page the extension opened itself; such a tab is reported with a stale
 * about:blank URL, so pages are told apart by their real `location.href`.
 */
export interface FirefoxPerch {
  browser: Browser;
  /** moz-extension://<uuid> */
  origin: string;
  /** The options page Perch opens on install. */
  options: Page;
  /** Opens another Perch page in a tab, from the options page. */
  open: (name: PerchPage, search?: string) => Promise<Page>;
  consoleLines: string[];
  /** This Firefox's own downloads folder (an export's file lands here, not in the machine's ~/Downloads). */
  downloads: string;
  /** Quits Firefox (see closeFirefox) and removes its downloads folder. */
  close: () => Promise<void>;
}

/** Perch's pages, by file name (privacy.html is the policy the settings page links to). */
export type PerchPage = 'popup' | 'sidepanel' | 'options' | 'manager' | 'privacy';

/** scheme://host (URL.origin is "null" for moz-extension: in Node). */
function originOf(href: string): string {
  const u = new URL(href);
  return `${u.protocol}//${u.host}`;
}

async function hrefOf(page: Page): Promise<string> {
  return page.evaluate(() => location.href).catch(() => '');
}

/** Waits for a page whose real location matches, and returns it. */
export async function findPage(browser: Browser, match: (href: string) => boolean, timeoutMs = 15_000): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) if (match(await hrefOf(page))) return page;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('no such page appeared');
}

/**
 * Launches Firefox ESR with Perch installed; `prefs` adds Firefox preferences (the axe scan's dark theme); `lang`
 * makes Firefox speak that language (its app locale, which `browser.i18n` follows) before Perch is installed.
 */
export async function launchFirefoxPerch(prefs: Record<string, unknown> = {}, lang?: string): Promise<FirefoxPerch> {
  const downloads = mkdtempSync(path.join(tmpdir(), 'perch-ff-downloads-'));
  const driver = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: {
      'datareporting.policy.dataSubmissionEnabled': false,
      // Saved without asking, into this Firefox's own folder (2: the folder `browser.download.dir` names).
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      ...(lang ? { 'intl.locale.requested': lang } : {}),
      ...prefs,
    },
  });
  if (lang) await driver.installExtension(await writeLangpack(lang));
  const consoleLines: string[] = [];
  driver.on('targetcreated', (t) => {
    void t.page().then((p) => p?.on('console', (m) => consoleLines.push(m.text())));
  });
  for (const p of await driver.pages()) p.on('console', (m) => consoleLines.push(m.text()));
  await driver.installExtension(FIREFOX_BUILD);
  const options = await findPage(driver, (h) => h.startsWith('moz-extension://') && h.endsWith('/options.html'));
  options.on('console', (m) => consoleLines.push(m.text()));
  const origin = originOf(await hrefOf(options));
  let opened = 0;
  const open = async (name: PerchPage, search = ''): Promise<Page> => {
    // A tab BiDi already knows, marked so Perch's options page can find it, then turned into a Perch page by
    // the extension itself (tabs.update from its own page): the one way BiDi may drive an extension page.
    const marker = `perch-open-${++opened}`;
    const page = await driver.newPage();
    page.on('console', (m) => consoleLines.push(m.text()));
    await page.goto(`http://127.0.0.1:${TEST_EMULATOR_PORT}/#${marker}`).catch(() => undefined);
    await options.evaluate(
      async (m, n) => {
        const [tab] = (await browser.tabs.query({})).filter((t) => t.url?.includes(m));
        if (tab?.id === undefined) throw new Error(`no tab marked ${m}`);
        await browser.tabs.update(tab.id, { url: browser.runtime.getURL('/') + n });
      },
      marker,
      `${name}.html${search}`,
    );
    await expect.poll(() => hrefOf(page)).toBe(`${origin}/${name}.html${search}`);
    return page;
  };
  const close = async () => {
    await closeFirefox(driver);
    rmSync(downloads, { recursive: true, force: true });
  };
  return { browser: driver, origin, options, open, consoleLines, downloads, close };
}

/** A normal quit takes 1 to 4 s here; one still running after this is stuck. */
const QUIT_MS = 15_000;

/**
 * Quits Firefox, and kills its process group if it has not quit within QUIT_MS. Asked to quit while a download is
 * still being written (a test that ends right after an Export), Firefox ESR asks "cancel the download?" in a chrome
 * window (DownloadIntegration's quit-application-requested prompt, confirmEx) that WebDriver BiDi cannot answer: the
 * quit waits on it, and `browser.close()` waits for Puppeteer's protocol timeout (180 s), past the test's.
 */
export async function closeFirefox(browser: Browser): Promise<void> {
  const child = browser.process();
  const closed = browser.close();
  let timer: NodeJS.Timeout | undefined;
  const stuck = new Promise<true>((resolve) => (timer = setTimeout(() => resolve(true), QUIT_MS)));
  try {
    if ((await Promise.race([closed, stuck])) !== true || !child?.pid) return;
  } finally {
    clearTimeout(timer);
  }
  console.warn(`Firefox did not quit in ${QUIT_MS / 1000} s (a prompt?): killing it.`);
  const exited = new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve(0) : child.once('exit', resolve),
  );
  try {
    // Puppeteer starts Firefox as the leader of its own process group: this ends its content processes with it.
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
  await exited;
  // The connection closes with the process, which ends the pending browser.close.
  await closed;
}

/**
 * Sets a page's viewport. Puppeteer's setViewport sends BiDi's setViewport and setScreenOrientationOverride together;
 * Firefox ESR 140.12 does not know the second ("unknown command") though it applied the first, so that one refusal is
 * let through, and the page's own width is checked instead.
 */
export async function setViewportSize(page: Page, width: number, height: number): Promise<void> {
  await page.setViewport({ width, height }).catch((error: unknown) => {
    if (!String(error).includes('unknown command emulation.setScreenOrientationOverride')) throw error;
  });
  await expect.poll(() => page.evaluate(() => [innerWidth, innerHeight])).toEqual([width, height]);
}

/** Clicks "Sign in with X" (`label`, in the language Perch speaks) on a Perch page and answers the emulator's consent page. */
export async function signIn(
  ff: FirefoxPerch,
  page: Page,
  button: 'Authorize app' | 'Cancel' = 'Authorize app',
  label = 'Sign in with X',
): Promise<void> {
  await page.locator(`::-p-aria(${label}[role="button"])`).click();
  const consent = await findPage(ff.browser, (h) => h.includes('/i/oauth2/authorize'));
  await consent.locator(`::-p-aria(${button}[role="button"])`).click();
  if (button === 'Authorize app') await page.locator(`::-p-text(@${ADA.username})`).wait();
}

/** A right-click entry chosen on a link on x.com, delivered to Perch's background for a plain web tab. */
export async function menuClick(ff: FirefoxPerch, menuItemId: string, linkUrl: string): Promise<void> {
  const page = await ff.browser.newPage();
  await page.goto(`http://127.0.0.1:${TEST_EMULATOR_PORT}/#x-home`).catch(() => undefined);
  await ff.options.evaluate(
    async (id, link) => {
      const [tab] = (await browser.tabs.query({})).filter((t) => t.url?.includes('x-home'));
      const hooks = ((await browser.runtime.getBackgroundPage()) as unknown as typeof globalThis).perchTest;
      if (!hooks) throw new Error('not a test build');
      await hooks.menuClick({ menuItemId: id, linkUrl: link, pageUrl: 'https://x.com/home' }, tab);
    },
    menuItemId,
    linkUrl,
  );
  await page.close();
}

/** The text of the first element matching a selector, or '' when there is none. */
export async function textOf(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (e) => e.textContent ?? '').catch(() => '');
}

/** Ticks "My X app is on the Enterprise plan" in settings, as a person does, and waits for settings to say so. */
export async function sayEnterprisePlan(ff: FirefoxPerch): Promise<void> {
  await ff.options.bringToFront();
  await ff.options.locator('::-p-aria(My X app is on the Enterprise plan[role="checkbox"])').click();
  await expect.poll(() => textOf(ff.options, 'p.status')).toBe('Perch now replies, quotes and blocks through your app.');
}

export const test = emulatorTest.extend<{ ff: FirefoxPerch; firefoxPrefs: Record<string, unknown>; lang: string | undefined }>({
  firefoxPrefs: [{}, { option: true }],
  /** Firefox's UI language (`ja`), which Perch's words follow; undefined: Firefox's own, en-US. */
  lang: [undefined, { option: true }],
  ff: async ({ emu, firefoxPrefs, lang }, use) => {
    const ff = await launchFirefoxPerch(firefoxPrefs, lang);
    // The callback URL as the options page shows it (Firefox: https://<hash>.extensions.allizom.org/).
    await expect.poll(() => textOf(ff.options, 'code.callback')).toMatch(/^https:\/\/[0-9a-f]+\.extensions\.allizom\.org\/$/);
    await emu.registerClient(TEST_CLIENT_ID, [await textOf(ff.options, 'code.callback')]);
    await use(ff);
    await ff.close();
  },
});

export { expect };
