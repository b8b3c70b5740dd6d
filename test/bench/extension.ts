/**
 * Extension figures in headless Chromium against the emulator:
 *   popup ready   navigation → account header painted (User Timing mark), median of runs, signed in, from cache
 *   popup on a post, from cache, each run beside an empty extension page (the floor) in the same run
 *                 (./popup-probe.ts): painted = the first frame with Bookmark and its state; working = Bookmark
 *                 clicked as soon as it is there → its action message sent to the background, on a popup reopened
 *                 after the last click's outcome was shown and kept (as a person reopens it later), and reported
 *                 too reopened the moment the last click was answered; with the worker warm, and painted again
 *                 with it stopped (cold); beside the painted floor (./painted-floor.ts: a page that asks its warm
 *                 worker one question and paints Bookmark from the answer), in the same rounds
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
import { pageScripts } from '../e2e/support/page-scripts';
import { EmulatorControl, TEST_EMULATOR_PORT } from '../e2e/support/emulator-control';
import { SEED_POSTS } from '../emulator/seed';
import { benchBuild } from './build';
import { outcomeKept } from './outcome-kept';
import { PAINTED_FLOOR_NAME, paintedFloorExtension } from './painted-floor';
import { popupProbe, type ProbeTimes } from './popup-probe';
import { median, type BenchRow } from './types';

const RUNS = 15;

/** The source modules bundled in these scripts, from the bench build's hidden source maps. */
function sourcesOf(buildDir: string, scripts: string[]): string[] {
  return scripts.flatMap((f) => {
    try {
      return (JSON.parse(readFileSync(path.join(buildDir, `${f}.map`), 'utf8')) as { sources: string[] }).sources;
    } catch {
      return [];
    }
  });
}

export async function bench(): Promise<BenchRow[]> {
  const build = benchBuild();
  // The floor: an empty page of the extension, navigation → interactive. Written into the bench build only.
  writeFileSync(path.join(build, 'bench-blank.html'), '<!doctype html><meta charset="utf-8"><title>blank</title><p>blank');

  const scripts = pageScripts(build, 'popup', { dynamic: true });
  const gzipOf = (files: string[]) => files.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(build, f))).length, 0);
  const gz = gzipOf(scripts);
  // What the first screen loads: neither the composer nor the list picker (they load when used).
  const first = pageScripts(build, 'popup', { dynamic: false });
  const loadedLate = ['components/Composer.tsx', 'entrypoints/popup/ListPicker.tsx'];
  const early = loadedLate.filter((m) => sourcesOf(build, first).some((s) => s.endsWith(m)));

  const emulator = await startEmulator({ port: TEST_EMULATOR_PORT });
  const emu = new EmulatorControl(emulator.url);
  const { perch, close } = await launchPerch({ build, extraExtensions: [paintedFloorExtension()] });
  try {
    // The painted floor's id, while its worker is surely running (an idle worker stops and leaves this list).
    let floorId: string | undefined;
    for (const w of perch.context.serviceWorkers())
      if ((await w.evaluate(() => chrome.runtime.getManifest().name)) === PAINTED_FLOOR_NAME) floorId = new URL(w.url()).host;
    if (!floorId) throw new Error('the painted floor extension did not load');
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
    const popupOnPost = `chrome-extension://${perch.id}/popup.html?url=${encodeURIComponent(postUrl)}`;
    // A new tab on the popup, past the gate: only then is the probe installed, for the navigations to come.
    const openedTab = async (click: boolean) => {
      const tab = await perch.context.newPage();
      await tab.goto(popupOnPost);
      const bookmark = tab.getByRole('button', { name: /^(Bookmark|Remove bookmark)$/ });
      const gate = tab.getByRole('button', { name: 'Show this post' });
      await bookmark.or(gate).waitFor();
      if (await gate.isVisible()) await gate.click();
      await bookmark.waitFor();
      // Opened once more, as a person does who saw it before: long enough to look at it (the popup keeps that
      // screen to paint at once next time, entrypoints/popup/snapshot.ts).
      await tab.reload();
      await bookmark.waitFor();
      await tab.waitForTimeout(1000);
      await tab.addInitScript(popupProbe({ click }));
      return tab;
    };
    const probe = await openedTab(false);
    const clicker = await openedTab(true);
    // The painted floor in a tab of its own, probed alike (a tab kept on one extension's pages keeps its process).
    const floorTab = await perch.context.newPage();
    await floorTab.addInitScript(popupProbe({ click: false }));
    const floorOnPost = `chrome-extension://${floorId}/popup.html?url=${encodeURIComponent(postUrl)}`;
    await floorTab.goto(floorOnPost);
    await emu.clearLog();

    // Each popup run beside an empty page of the extension, alternately, so both see the same load on the machine.
    const probed = async (on: typeof page, url: string, until: 'painted' | 'answered'): Promise<ProbeTimes> => {
      await on.goto(url);
      await on.waitForFunction((key) => window.perchProbe?.[key] !== undefined, until);
      return on.evaluate(() => ({ ...window.perchProbe }));
    };
    const blankUrl = (i: number) => `chrome-extension://${perch.id}/bench-blank.html?${i}`;
    const blank: number[] = [];
    const painted: number[] = [];
    const floorPainted: number[] = [];
    const floorBlank: number[] = [];
    const floorSteps = { asked: [] as number[], here: [] as number[] };
    // Where the painted popup's time goes: the head script's question asked, answered, the kept screen painted.
    const steps = { asked: [] as number[], here: [] as number[], snapshot: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      blank.push((await probed(probe, blankUrl(i), 'painted')).painted!);
      const t = await probed(probe, popupOnPost, 'painted');
      painted.push(t.painted!);
      for (const k of ['asked', 'here', 'snapshot'] as const) if (t[k] !== undefined) steps[k].push(t[k]);
      const f = await probed(floorTab, floorOnPost, 'painted');
      floorPainted.push(f.painted!);
      floorSteps.asked.push(f.asked!);
      floorSteps.here.push(f.here!);
      floorBlank.push((await probed(floorTab, `chrome-extension://${floorId}/bench-blank.html?${i}`, 'painted')).painted!);
    }
    const requestsOnReopen = (await emu.log()).filter((e) => e.path.startsWith('/2/')).length;
    // Working, as a person does: Bookmark clicked the moment it is there, on a popup reopened after the last click's
    // outcome was shown and kept (the popup paints that kept screen, and the click acts on it).
    const sent: number[] = [];
    const answered: number[] = [];
    let fromSnapshot = 0;
    await outcomeKept(clicker, postUrl, SEED_POSTS.gracePhoto);
    for (let i = 0; i < RUNS; i++) {
      blank.push((await probed(probe, blankUrl(RUNS + i), 'painted')).painted!);
      const t = await probed(clicker, popupOnPost, 'answered');
      sent.push(t.sent!);
      answered.push(t.answered!);
      if (t.snapshot !== undefined) fromSnapshot++;
      await outcomeKept(clicker, postUrl, SEED_POSTS.gracePhoto, t.clicked);
    }
    // The same, but reopened the moment the background answered (no screen after a click is kept so soon: React's).
    const sentAtOnce: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      blank.push((await probed(probe, blankUrl(2 * RUNS + i), 'painted')).painted!);
      sentAtOnce.push((await probed(clicker, popupOnPost, 'answered')).sent!);
    }
    // The same popup with the worker stopped just before it opens (the prefetch's message starts it again).
    const coldPainted: number[] = [];
    for (let i = 0; i < 7; i++) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await options.waitForTimeout(150);
      coldPainted.push((await probed(probe, popupOnPost, 'painted')).painted!);
    }
    const floor = median(blank);

    const popupReady = median(ready);
    const tabPainted = median(painted);
    const paintedFloor = median(floorPainted);
    const tabWorking = median(sent);
    const atOnce = median(sentAtOnce);
    const coldStart = median(cold);
    const ratio = (v: number) => `×${(v / floor).toFixed(2)}`;
    return [
      { metric: 'popup ready: account header (median of 15)', figure: `${popupReady.toFixed(1)} ms`, target: 'reported', ok: true },
      {
        metric: 'empty extension page painted (the floor, median of 45)',
        figure: `${floor.toFixed(1)} ms`,
        target: 'reported',
        ok: true,
      },
      {
        metric: 'popup on a post: actions painted, from cache (median of 15)',
        figure:
          `${tabPainted.toFixed(1)} ms ${ratio(tabPainted)}, ${requestsOnReopen} requests to X; worker cold: ${median(coldPainted).toFixed(1)} ms ${ratio(median(coldPainted))}; ` +
          `tab.here asked ${median(steps.asked).toFixed(0)}, answered ${median(steps.here).toFixed(0)}, kept screen in ${median(steps.snapshot).toFixed(0)} ms (${steps.snapshot.length} of ${RUNS})`,
        target: '≤ ×1.6, ≤ 100 ms, 0 requests',
        ok: tabPainted <= 1.6 * floor && tabPainted <= 100 && requestsOnReopen === 0,
      },
      {
        metric: 'painted floor: one question to the worker (median of 15)',
        figure:
          `${paintedFloor.toFixed(1)} ms ${ratio(paintedFloor)}; Perch's painted ${(tabPainted - paintedFloor).toFixed(1)} ms above it ` +
          `(asked ${median(floorSteps.asked).toFixed(0)}, answered ${median(floorSteps.here).toFixed(0)} ms; its own empty page ${median(floorBlank).toFixed(1)} ms)`,
        target: 'reported',
        ok: true,
      },
      {
        metric: 'popup on a post: working, reopened after the outcome was shown, Bookmark clicked → sent (median of 15)',
        figure: `${tabWorking.toFixed(1)} ms ${ratio(tabWorking)} (answered by the background: ${median(answered).toFixed(1)} ms ${ratio(median(answered))}); kept screen painted in ${fromSnapshot} of ${RUNS}`,
        target: '≤ ×2.5, ≤ 100 ms',
        ok: tabWorking <= 2.5 * floor && tabWorking <= 100,
      },
      {
        metric: 'popup on a post: working, reopened the moment the last click was answered → sent (median of 15)',
        figure: `${atOnce.toFixed(1)} ms ${ratio(atOnce)}`,
        target: 'reported',
        ok: true,
      },
      {
        metric: 'worker cold start → first answer (median of 7)',
        figure: `${coldStart.toFixed(1)} ms (warm ${warm.toFixed(1)} ms, ×${(coldStart / warm).toFixed(1)})`,
        target: 'reported',
        ok: true,
      },
      {
        metric: `popup JS loaded first, gzip (${first.length} files)`,
        figure: `${(gzipOf(first) / 1024).toFixed(1)} KB${early.length ? `, with ${early.join(' and ')}` : ''}`,
        target: 'no composer nor list picker',
        ok: early.length === 0,
      },
      {
        metric: `popup JS gzip, all it may load (${scripts.length} files)`,
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
