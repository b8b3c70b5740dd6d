/**
 * Extension figures in headless Chromium against the emulator:
 *   popup ready   navigation → account header painted (User Timing mark), median of runs, signed in, from cache
 *   cold start    service worker stopped (CDP) → first message answered
 *   popup JS      gzip size of every script popup.html loads (the bench build: the store build's code plus three
 *                 User Timing marks, a few dozen bytes)
 * All on the bench build (./build.ts), never the store build.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { startEmulator } from '../emulator/server';
import { launchPerch, registerCallback, signIn } from '../e2e/support/chromium';
import { EmulatorControl, TEST_EMULATOR_PORT } from '../e2e/support/emulator-control';
import { SEED_POSTS } from '../emulator/seed';
import { benchBuild } from './build';
import { median, type BenchRow } from './types';

const RUNS = 15;

/** Every script popup.html loads: its module entry and the chunks it preloads or imports. */
export function popupScripts(buildDir: string): string[] {
  const html = readFileSync(path.join(buildDir, 'popup.html'), 'utf8');
  const seen = new Set<string>();
  const queue = [...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]!);
  while (queue.length) {
    const rel = queue.shift()!.replace(/^\//, '');
    if (seen.has(rel)) continue;
    seen.add(rel);
    const code = readFileSync(path.join(buildDir, rel), 'utf8');
    for (const m of code.matchAll(/from\s*["'](\.{0,2}\/[^"']+\.js)["']|import\(\s*["'](\.{0,2}\/[^"']+\.js)["']\)/g)) {
      const spec = (m[1] ?? m[2])!;
      queue.push(path.posix.join(path.posix.dirname(rel), spec));
    }
  }
  return [...seen];
}

export async function bench(): Promise<BenchRow[]> {
  const build = benchBuild();
  // The floor: an empty page of the extension, navigation → interactive. Written into the bench build only.
  writeFileSync(path.join(build, 'bench-blank.html'), '<!doctype html><meta charset="utf-8"><title>blank</title><p>blank');

  const scripts = popupScripts(build);
  const gz = scripts.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(build, f))).length, 0);

  const emulator = await startEmulator({ port: TEST_EMULATOR_PORT });
  const emu = new EmulatorControl(emulator.url);
  const { perch, close } = await launchPerch({ build });
  try {
    await registerCallback(perch, emu);
    const options = await perch.open('options');
    await signIn(perch, options);

    const ready: number[] = [];
    const page = await perch.context.newPage();
    for (let i = 0; i < RUNS; i++) {
      await page.goto(`chrome-extension://${perch.id}/popup.html`);
      await page.locator('.account-username').waitFor();
      ready.push(await page.evaluate(() => performance.getEntriesByName('perch-account-header')[0]?.startTime ?? NaN));
    }

    const cold: number[] = [];
    const cdp = await perch.context.newCDPSession(options);
    await cdp.send('ServiceWorker.enable');
    for (let i = 0; i < 7; i++) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await options.waitForTimeout(150);
      cold.push(
        await options.evaluate(async () => {
          const t0 = performance.now();
          await chrome.runtime.sendMessage({ type: 'settings.get' });
          return performance.now() - t0;
        }),
      );
    }
    const warm = await options.evaluate(async () => {
      const t0 = performance.now();
      for (let i = 0; i < 20; i++) await chrome.runtime.sendMessage({ type: 'settings.get' });
      return (performance.now() - t0) / 20;
    });

    // The popup on a post it has seen today: the post card and its actions, from the store, no request to X.
    // A page aimed at a post waits for one click in its tab (lib/popup-gate.ts); after it, that tab loads at once.
    const postUrl = `https://x.com/gracehop/status/${SEED_POSTS.gracePhoto}`;
    await page.goto(`chrome-extension://${perch.id}/popup.html?url=${encodeURIComponent(postUrl)}`);
    const bookmark = page.getByRole('button', { name: 'Bookmark', exact: true });
    const gate = page.getByRole('button', { name: 'Show this post' });
    await bookmark.or(gate).waitFor();
    if (await gate.isVisible()) await gate.click();
    await bookmark.waitFor();
    await emu.clearLog();
    const actionsReady: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await page.goto(`chrome-extension://${perch.id}/popup.html?url=${encodeURIComponent(postUrl)}`);
      await page.getByRole('button', { name: 'Bookmark', exact: true }).waitFor();
      actionsReady.push(await page.evaluate(() => performance.getEntriesByName('perch-tab-actions')[0]?.startTime ?? NaN));
    }
    const requestsOnReopen = (await emu.log()).filter((e) => e.path.startsWith('/2/')).length;

    const blank: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await page.goto(`chrome-extension://${perch.id}/bench-blank.html?${i}`);
      blank.push(await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domInteractive));
    }
    const floor = median(blank);

    const popupReady = median(ready);
    const tabReady = median(actionsReady);
    const coldStart = median(cold);
    return [
      { metric: 'popup ready: account header (median of 15)', figure: `${popupReady.toFixed(1)} ms`, target: 'reported', ok: true },
      {
        metric: 'popup ready on a post, from cache (median of 15)',
        figure: `${tabReady.toFixed(1)} ms, ${requestsOnReopen} requests to X (empty extension page: ${floor.toFixed(1)} ms, ×${(tabReady / floor).toFixed(1)})`,
        target: '≤ 100 ms, 0 requests',
        ok: tabReady <= 100 && requestsOnReopen === 0,
      },
      {
        metric: 'worker cold start → first answer (median of 7)',
        figure: `${coldStart.toFixed(1)} ms (warm ${warm.toFixed(1)} ms, ×${(coldStart / warm).toFixed(1)})`,
        target: 'reported',
        ok: true,
      },
      {
        metric: `popup JS gzip (${scripts.length} files)`,
        figure: `${(gz / 1024).toFixed(1)} KB`,
        target: '≤ 100 KB',
        ok: gz <= 100 * 1024,
      },
    ];
  } finally {
    await close();
    await emulator.close();
  }
}
