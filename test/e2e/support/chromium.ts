import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { ADA, GRACE, TEST_CLIENT_ID, type EmulatorControl } from './emulator-control';
import { CHROME_BUILD, CHROMIUM_ARGS, CHROMIUM_PATH } from './paths';

/** Launching Chromium with Perch loaded, shared by the e2e tests, the benchmarks and the demo. */

export interface Perch {
  id: string;
  context: BrowserContext;
  /** The extension's service worker (re-read after a restart). */
  worker: () => Promise<Worker>;
  /** Opens one of Perch's pages in a tab, with `hash` after its address (the manager's tab: '#blocked'), as Firefox's does. */
  open: (page: 'popup' | 'sidepanel' | 'options' | 'manager', hash?: string) => Promise<Page>;
  /** Every console line of every page and of the worker, for leak checks. */
  consoleLines: string[];
}

export interface LaunchOptions {
  extraExtensions?: string[];
  /** The unpacked build to load; the test build by default. */
  build?: string;
  headless?: boolean;
  /**
   * The browser's UI language (e.g. 'ja'), which chrome.i18n follows: Chromium on Linux takes it from `--lang` and
   * the LANGUAGE environment variable. English when not given.
   */
  lang?: string;
}

export async function launchPerch(options: LaunchOptions = {}): Promise<{ perch: Perch; close: () => Promise<void> }> {
  const extraExtensions = options.extraExtensions ?? [];
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'perch-chromium-'));
  const dirs = [options.build ?? CHROME_BUILD, ...extraExtensions].join(',');
  const context = await chromium.launchPersistentContext(userDataDir, {
    channel: 'chromium',
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${dirs}`,
      `--load-extension=${dirs}`,
      ...(options.lang ? [`--lang=${options.lang}`] : []),
    ],
    ...(options.lang ? { locale: options.lang, env: { ...process.env, LANGUAGE: options.lang } } : {}),
  });
  const consoleLines: string[] = [];
  const watch = (w: Worker) => w.on('console', (m) => consoleLines.push(m.text()));
  context.on('page', (p) => p.on('console', (m) => consoleLines.push(m.text())));
  context.on('serviceworker', watch);
  const workers = [...context.serviceWorkers()];
  while (workers.length < 1 + extraExtensions.length) workers.push(await context.waitForEvent('serviceworker'));
  workers.forEach(watch);
  let id: string | undefined;
  for (const w of workers) {
    if ((await w.evaluate(() => chrome.i18n.getMessage('extName'))) === 'Perch for X') id = new URL(w.url()).host;
  }
  if (!id) throw new Error('Perch did not load');
  const prefix = `chrome-extension://${id}/`;
  // Perch opens its options page on install; let that tab appear first so it cannot take over a tab a test opens.
  if (!context.pages().some((p) => p.url() === `${prefix}options.html`)) {
    await context.waitForEvent('page', { predicate: (p) => p.url().startsWith(prefix), timeout: 5000 }).catch(() => undefined);
  }
  const perchWorker = async (): Promise<Worker> =>
    context.serviceWorkers().find((w) => w.url().startsWith(prefix)) ??
    context.waitForEvent('serviceworker', (w) => w.url().startsWith(prefix));
  const perch: Perch = {
    id: id,
    context,
    consoleLines,
    worker: perchWorker,
    open: async (name, hash = '') => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/${name}.html${hash}`);
      return page;
    },
  };
  return {
    perch,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Signs in through the emulator's consent page, starting from a Perch page. `signInLabel` is the sign-in button's
 * visible label in the language Perch runs in.
 */
export async function signIn(
  perch: Perch,
  page: Page,
  button: 'Authorize app' | 'Cancel' = 'Authorize app',
  signInLabel = 'Sign in with X',
): Promise<void> {
  const consent = perch.context.waitForEvent('page', (p) => p.url().includes('/i/oauth2/authorize'));
  await page.getByRole('button', { name: signInLabel }).click();
  const consentPage = await consent;
  await consentPage.getByRole('button', { name: button }).click();
  if (button === 'Authorize app') await page.getByText(`@${ADA.username}`).waitFor();
}

/**
 * Signs `user` in (one of the emulator's seeded accounts) from Perch's settings, and returns the settings page once it
 * names them. `signInLabel` is the sign-in button's visible label in the language Perch runs in.
 */
export async function signInAs(
  perch: Perch,
  emu: EmulatorControl,
  user: { id: string; username: string },
  signInLabel = 'Sign in with X',
): Promise<Page> {
  await emu.setSessionUser(user.id);
  const options = await perch.open('options');
  const consent = perch.context.waitForEvent('page', (p) => p.url().includes('/i/oauth2/authorize'));
  await options.getByRole('button', { name: signInLabel }).click();
  await (await consent).getByRole('button', { name: 'Authorize app' }).click();
  await options.getByText(`@${user.username}`).first().waitFor();
  return options;
}

/** Signs Grace in (the emulator's second account: no bookmarks, blocks no one, no drafts): signInAs for her. */
export const signInAsGrace = (perch: Perch, emu: EmulatorControl): Promise<Page> => signInAs(perch, emu, GRACE);

/**
 * The popup aimed at `url`, as when Perch is opened on that tab, clicked through its "Opened by another page" gate:
 * opened by a test, not by Perch, the popup waits for a click before asking X anything (lib/popup-gate.ts). The gate
 * is found by its role, in any language Perch runs in: the one region in the popup's main region while it waits.
 * `title`: the tab's title (none by default). `show`: the gate button's label, where a test checks what it offers
 * ("Show this list"); any button by default. `viewport`: the page's size, where a scan or a layout wants the popup's
 * own.
 */
export async function popupOn(
  perch: Perch,
  url: string,
  { title = '', show, viewport }: { title?: string; show?: string; viewport?: { width: number; height: number } } = {},
): Promise<Page> {
  const page = await perch.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(`chrome-extension://${perch.id}/popup.html?url=${encodeURIComponent(url)}&title=${encodeURIComponent(title)}`);
  await page
    .getByRole('main')
    .getByRole('region')
    .getByRole('button', show === undefined ? {} : { name: show })
    .click();
  return page;
}

/** The redirect URL Perch shows on its options page, registered with the emulator as the X app's callback. */
export async function registerCallback(perch: Perch, emu: EmulatorControl, clientId = TEST_CLIENT_ID): Promise<void> {
  await emu.registerClient(clientId, [`https://${perch.id}.chromiumapp.org/`]);
}
