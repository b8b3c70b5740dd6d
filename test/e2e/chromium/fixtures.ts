import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, test as base, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { startEmulator, type Emulator } from '../../emulator/server';
import { ADA, EmulatorControl, TEST_CLIENT_ID, TEST_EMULATOR_PORT } from '../support/emulator-control';
import { CHROME_BUILD, CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/paths';

export interface Perch {
  id: string;
  context: BrowserContext;
  /** The extension's service worker (re-read after a restart). */
  worker: () => Promise<Worker>;
  /** Opens one of Perch's pages in a tab: 'popup' | 'sidepanel' | 'options'. */
  open: (page: 'popup' | 'sidepanel' | 'options') => Promise<Page>;
  /** Every console line of every page and of the worker, for leak checks. */
  consoleLines: string[];
}

export async function launchPerch(extraExtensions: string[] = []): Promise<{ perch: Perch; close: () => Promise<void> }> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'perch-chromium-'));
  const dirs = [CHROME_BUILD, ...extraExtensions].join(',');
  const context = await chromium.launchPersistentContext(userDataDir, {
    channel: 'chromium',
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${dirs}`, `--load-extension=${dirs}`],
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
    if ((await w.evaluate(() => chrome.runtime.getManifest().name)) === 'Perch for X') id = new URL(w.url()).host;
  }
  if (!id) throw new Error('Perch did not load');
  const prefix = `chrome-extension://${id}/`;
  const perchWorker = async (): Promise<Worker> =>
    context.serviceWorkers().find((w) => w.url().startsWith(prefix)) ??
    context.waitForEvent('serviceworker', (w) => w.url().startsWith(prefix));
  const perch: Perch = {
    id: id,
    context,
    consoleLines,
    worker: perchWorker,
    open: async (name) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/${name}.html`);
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

/** Signs in through the emulator's consent page, starting from a Perch page. */
export async function signIn(perch: Perch, page: Page, button: 'Authorize app' | 'Cancel' = 'Authorize app'): Promise<void> {
  const consent = perch.context.waitForEvent('page', (p) => p.url().includes('/i/oauth2/authorize'));
  await page.getByRole('button', { name: 'Sign in with X' }).click();
  const consentPage = await consent;
  await consentPage.getByRole('button', { name: button }).click();
  if (button === 'Authorize app') await expect(page.getByText(`@${ADA.username}`)).toBeVisible();
}

/** The redirect URL Perch shows on its options page, registered with the emulator as the X app's callback. */
export async function registerCallback(perch: Perch, emu: EmulatorControl): Promise<void> {
  await emu.registerClient(TEST_CLIENT_ID, [`https://${perch.id}.chromiumapp.org/`]);
}

export const test = base.extend<{ perch: Perch; emu: EmulatorControl }, { emulator: Emulator }>({
  emulator: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a pattern
    async ({}, use) => {
      const emulator = await startEmulator({ port: TEST_EMULATOR_PORT });
      await use(emulator);
      await emulator.close();
    },
    { scope: 'worker' },
  ],
  emu: async ({ emulator }, use) => {
    const emu = new EmulatorControl(emulator.url);
    await emu.reset();
    await use(emu);
  },
  perch: async ({ emu }, use) => {
    const { perch, close } = await launchPerch();
    await registerCallback(perch, emu);
    await use(perch);
    await close();
  },
});

export { expect };
