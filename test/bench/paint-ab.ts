/**
 * Alternating paired runs of popup.html variants, in one browser, one tab (helper PAINT's tool, issue 13 "Speed").
 * `npx tsx test/bench/paint-ab.ts [rounds]` on an existing bench build (`npm run build:bench`). Each variant is a copy
 * of the built popup.html (written beside it as popup-ab-<name>.html), opened on the seeded post after its kept screen
 * exists; each round opens every variant once, in a rotating order, with the same probe as ./extension.ts.
 * Prints per variant the medians of painted, asked and answered (`tab.here`), and each variant's paired difference to
 * the first.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startEmulator } from '../emulator/server';
import { launchPerch, registerCallback, signIn } from '../e2e/support/chromium';
import { EmulatorControl, TEST_EMULATOR_PORT } from '../e2e/support/emulator-control';
import { SEED_POSTS } from '../emulator/seed';
import { BENCH_BUILD } from './build';
import { PAINTED_FLOOR_NAME, paintedFloorExtension } from './painted-floor';
import { popupProbe, type ProbeTimes } from './popup-probe';
import { median } from './types';

const ROUNDS = Number(process.argv[2] ?? 25);
/** AB_HEADER=1: the popup on no post, timed to its account header (User Timing mark) instead. */
const HEADER = process.env.AB_HEADER === '1';
const build = BENCH_BUILD;
const html = readFileSync(path.join(build, 'popup.html'), 'utf8');
const lines = html.split('\n');
const isLate = (l: string) => /type="module"|rel="modulepreload"/.test(l);
const isCss = (l: string) => /rel="stylesheet"/.test(l);
const late = lines.filter(isLate);
const css = lines.filter(isCss);
const bare = lines.filter((l) => !isLate(l) && !isCss(l));
const atBodyEnd = (ls: string[], extra: string[]) => ls.join('\n').replace('</body>', `${extra.join('\n')}\n</body>`);

/** The variants by name; the first is the one the others are compared with. */
const VARIANTS: Record<string, string> = {
  built: html,
  blank: '<!doctype html><meta charset="utf-8"><title>blank</title><p>blank',
  ...Object.fromEntries(
    (process.env.AB ?? 'late-body,no-module,nothing').split(',').map((name): [string, string] => {
      switch (name) {
        case 'late-body': // the module script and preloads at the end of <body>
          return [
            name,
            atBodyEnd(
              lines.filter((l) => !isLate(l)),
              late,
            ),
          ];
        case 'no-module': // diagnostic: no React at all (the snapshot paints, nothing takes over)
          return [name, lines.filter((l) => !isLate(l)).join('\n')];
        case 'nothing': // diagnostic: the head script alone, no CSS, no React
          return [name, bare.join('\n')];
        case 'in-head': {
          // the app's tags back in <head> after the head script, as before lib/popup-html.ts
          const inner = /<template id="perch-app">([\s\S]*?)<\/template>/.exec(html)?.[1] ?? '';
          const out = html.replace(/\s*<template id="perch-app">[\s\S]*?<\/template>/, '');
          return [name, out.replace(/(<script src="\/popup-prefetch\.js"><\/script>)/, `$1${inner}`)];
        }
        case 'css-body': // the stylesheets at the end of <body>
          return [
            name,
            atBodyEnd(
              lines.filter((l) => !isCss(l)),
              css,
            ),
          ];
        default: {
          // a file of the build: popup-ab-<name>.html as written by hand
          return [name, readFileSync(path.join(build, `popup-ab-${name}.html`), 'utf8')];
        }
      }
    }),
  ),
};
writeFileSync(path.join(build, 'bench-blank.html'), VARIANTS.blank!);
for (const [name, text] of Object.entries(VARIANTS)) writeFileSync(path.join(build, `popup-ab-${name}.html`), text);

const emulator = await startEmulator({ port: TEST_EMULATOR_PORT });
const emu = new EmulatorControl(emulator.url);
const { perch, close } = await launchPerch({ build, extraExtensions: [paintedFloorExtension()] });
let floorId: string | undefined;
for (const w of perch.context.serviceWorkers())
  if ((await w.evaluate(() => chrome.runtime.getManifest().name)) === PAINTED_FLOOR_NAME) floorId = new URL(w.url()).host;
try {
  await registerCallback(perch, emu);
  const options = await perch.open('options');
  await signIn(perch, options);
  const postUrl = `https://x.com/gracehop/status/${SEED_POSTS.gracePhoto}`;
  const urlOf = (name: string) => `chrome-extension://${perch.id}/popup-ab-${name}.html?url=${encodeURIComponent(postUrl)}`;
  const tab = await perch.context.newPage();
  await tab.goto(urlOf('built'));
  const bookmark = tab.getByRole('button', { name: /^(Bookmark|Remove bookmark)$/ });
  const gate = tab.getByRole('button', { name: 'Show this post' });
  await bookmark.or(gate).waitFor();
  if (await gate.isVisible()) await gate.click();
  await bookmark.waitFor();
  await tab.reload();
  await bookmark.waitFor();
  await tab.waitForTimeout(1000);
  await tab.addInitScript(popupProbe({ click: false }));
  // The gate keeps one open page per tab (lib/popup-gate.ts): each variant's address is recorded open before it loads.
  const tabId = await tab.evaluate(async () => (await chrome.tabs.getCurrent())!.id!);
  const worker = await perch.worker();
  const opened = (url: string) =>
    worker.evaluate(([id, u]) => chrome.storage.session.set({ [`gate.open.${id}`]: u }), [tabId, url] as const);
  const floorTab = await perch.context.newPage();
  await floorTab.addInitScript(popupProbe({ click: false }));
  const names = [...Object.keys(VARIANTS), 'floor'];
  const got: Record<string, ProbeTimes[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < ROUNDS; r++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(r + k) % names.length]!;
      if (name === 'floor') {
        await floorTab.goto(`chrome-extension://${floorId}/popup.html?url=${encodeURIComponent(postUrl)}`);
        await floorTab.waitForFunction(() => window.perchProbe?.painted !== undefined);
        got[name]!.push(await floorTab.evaluate(() => ({ ...window.perchProbe })));
        continue;
      }
      if (name !== 'blank' && HEADER) {
        // The popup on no post (the toolbar's on another site): its account header, React's own first screen.
        await tab.goto(`chrome-extension://${perch.id}/popup-ab-${name}.html`);
        await tab.locator('.account-username').waitFor();
        const at = await tab.evaluate(() => performance.getEntriesByName('perch-account-header')[0]?.startTime ?? NaN);
        got[name]!.push({ painted: at });
        continue;
      }
      if (name !== 'blank') await opened(urlOf(name));
      await tab.goto(name === 'blank' ? `chrome-extension://${perch.id}/bench-blank.html?${r}` : urlOf(name));
      const ok = await tab
        .waitForFunction(() => window.perchProbe?.painted !== undefined, undefined, { timeout: 5000 })
        .then(
          () => true,
          () => false,
        );
      if (!ok) {
        console.log(
          `${name}: not painted`,
          await tab.evaluate(async () => ({
            ...window.perchProbe,
            body: document.body?.innerHTML.slice(0, 300),
            pre: JSON.stringify(await (await window.perchTabPrefetch)?.reply)?.slice(0, 300),
          })),
        );
        continue;
      }
      // Long enough for the page's own work after the paint (React's take-over) not to spill into the next.
      got[name]!.push(await tab.evaluate(() => ({ ...window.perchProbe })));
      await tab.waitForTimeout(name === 'blank' ? 50 : 400);
    }
  }
  const blank = median(got.blank!.map((t) => t.painted!));
  const first = got.built!;
  for (const name of names) {
    const t = got[name]!;
    const m = (k: keyof ProbeTimes) => {
      const v = t.map((x) => x[k]).filter((x): x is number => typeof x === 'number');
      return v.length ? median(v).toFixed(1) : '-';
    };
    const diff = t.length === first.length ? median(t.map((x, i) => x.painted! - first[i]!.painted!)) : NaN;
    const snaps = t.filter((x) => x.snapshot !== undefined).length;
    console.log(
      `${name.padEnd(12)} painted ${m('painted')} ×${(median(t.map((x) => x.painted!)) / blank).toFixed(2)}  asked ${m('asked')}  here ${m('here')}  snapshot ${m('snapshot')} (${snaps}/${t.length})  paired Δ vs built ${diff.toFixed(1)} ms`,
    );
  }
} finally {
  await close();
  await emulator.close();
}
