/**
 * `npm run test:store` (a step of `npm test`, after `npm run build` and `npm run build:test`): the store builds carry
 * no test hooks. Three hooks exist, each only for the test or bench builds, each removed by Vite folding
 * `import.meta.env.MODE`:
 *   perchTest   globalThis.perchTest, the menu/shortcut hooks (entrypoints/background/test-hooks.ts)
 *   test clock  the `test.clockOffsetMs` offset the background's clock follows (lib/clock.ts)
 *   bench mark  the User Timing marks the benchmarks read (lib/bench-mark.ts)
 * Two looks at each build:
 *   text     every file of .output/chrome-mv3 and .output/firefox-mv3 searched for each hook's unique marker
 *   runtime  the Chromium store build loaded in headless Chromium: `typeof globalThis.perchTest` in the service worker
 *            and in the popup page, and the User Timing marks (and every `performance.mark` call) once the popup
 *            has drawn its account header
 * Also: no source map in a store build (only the bench build writes them).
 * The canary: the same two looks at the test build (.output/*-mv3-test), which keeps every hook on purpose, must
 * find every hook, or the check is blind (a marker renamed, a page that no longer draws) and fails too.
 *
 * `tsx test/build/store-check.ts [--store-only]`; exits 1 with what it found.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BENCH_MARKS } from '../../lib/bench-mark';
import { launchPerch } from '../e2e/support/chromium';
import { ROOT } from '../e2e/support/paths';

export type Hook = 'perchTest' | 'test clock' | 'bench mark';
export const HOOKS: readonly Hook[] = ['perchTest', 'test clock', 'bench mark'];

/** Each hook's unique markers in built code (the minifier keeps property names and strings). */
export const MARKERS: Record<Hook, RegExp[]> = {
  perchTest: [/\bperchTest\b/],
  // lib/clock.ts's storage key; the canary fails if it is renamed there and not here. lib/storage-wipe.ts declares
  // every stored key, this one too, as `key: '…'`: a declaration in that table reads nothing and is no hook.
  'test clock': [/(?<!\bkey:\s*["'`])test\.clockOffsetMs/],
  // A mark's name handed to a component as its `mark` prop is a string, not a call: the call is what a store build
  // must not keep (`performance.mark`, and the runtime look).
  'bench mark': [/\bperformance\.mark\b/, ...BENCH_MARKS.map((name) => new RegExp(`(?<!\\bmark:[^,;{}]{0,40})\\b${name}\\b`))],
};

export interface Finding {
  hook: Hook;
  where: string;
  what: string;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(js|mjs|html|json)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** The text look: every marker of every hook in every script, page and manifest of a build. */
export function textFindings(buildDir: string): Finding[] {
  const found: Finding[] = [];
  for (const file of filesUnder(buildDir)) {
    const code = readFileSync(file, 'utf8');
    for (const hook of HOOKS) {
      for (const marker of MARKERS[hook]) {
        const m = marker.exec(code);
        if (m) {
          const around = code.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40).replace(/\s+/g, ' ');
          found.push({ hook, where: path.relative(ROOT, file), what: `…${around}…` });
        }
      }
    }
  }
  return found;
}

/** The runtime look, in headless Chromium with the build loaded (no sign-in: a store build talks to X only). */
export async function runtimeFindings(buildDir: string): Promise<Finding[]> {
  const where = path.relative(ROOT, buildDir);
  const found: Finding[] = [];
  const { perch, close } = await launchPerch({ build: buildDir });
  try {
    const worker = await perch.worker();
    const inWorker = await worker.evaluate(() => ({
      perchTest: typeof (globalThis as { perchTest?: unknown }).perchTest,
      marks: performance.getEntriesByType('mark').map((m) => m.name),
    }));
    if (inWorker.perchTest !== 'undefined') {
      found.push({ hook: 'perchTest', where: `${where} service worker`, what: `typeof globalThis.perchTest is ${inWorker.perchTest}` });
    }
    for (const name of inWorker.marks) found.push({ hook: 'bench mark', where: `${where} service worker`, what: `mark ${name}` });

    // Every performance.mark call a page makes is recorded, even one whose entry was cleared afterwards.
    await perch.context.addInitScript(() => {
      const calls: string[] = [];
      (globalThis as { __markCalls?: string[] }).__markCalls = calls;
      const mark = performance.mark.bind(performance);
      performance.mark = (name: string, options?: PerformanceMarkOptions) => {
        calls.push(name);
        return mark(name, options);
      };
    });
    const popup = await perch.open('popup');
    // The account header has drawn once it is no longer busy: the moment the benchmarks mark.
    await popup.locator('header.account-header:not([aria-busy])').waitFor({ timeout: 15_000 });
    await popup.waitForTimeout(500);
    const inPage = await popup.evaluate(() => ({
      perchTest: typeof (globalThis as { perchTest?: unknown }).perchTest,
      marks: performance.getEntriesByType('mark').map((m) => m.name),
      calls: (globalThis as { __markCalls?: string[] }).__markCalls ?? [],
    }));
    if (inPage.perchTest !== 'undefined') {
      found.push({ hook: 'perchTest', where: `${where} popup`, what: `typeof globalThis.perchTest is ${inPage.perchTest}` });
    }
    for (const name of new Set([...inPage.marks, ...inPage.calls])) {
      found.push({ hook: 'bench mark', where: `${where} popup`, what: `performance.mark('${name}')` });
    }
  } finally {
    await close();
  }
  return found;
}

/**
 * Source maps in a build: `.map` files and `sourceMappingURL` comments. Only the bench build writes them (hidden, for
 * test/bench/bundle.ts); a store build ships none.
 */
export function sourceMaps(buildDir: string): string[] {
  return readdirSync(buildDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .filter((file) => file.endsWith('.map') || (/\.(js|mjs|css)$/.test(file) && /[#@] sourceMappingURL=/.test(readFileSync(file, 'utf8'))))
    .map((file) => path.relative(ROOT, file));
}

/** The hooks a look was expected to find in a canary and did not: a non-empty answer means the check is blind. */
export function missed(expected: readonly Hook[], found: Finding[]): Hook[] {
  return expected.filter((hook) => !found.some((f) => f.hook === hook));
}

async function main(): Promise<void> {
  const storeOnly = process.argv.includes('--store-only');
  const out = (dir: string) => path.join(ROOT, '.output', dir);
  const store = [out('chrome-mv3'), out('firefox-mv3')];
  const problems: string[] = [];

  const storeFound = [...store.flatMap(textFindings), ...(await runtimeFindings(store[0]!))];
  for (const f of storeFound) problems.push(`store build has a test hook: ${f.hook} in ${f.where}: ${f.what}`);
  console.log(`store builds (${store.map((d) => path.relative(ROOT, d)).join(', ')}): ${storeFound.length} test hooks found`);
  const maps = store.flatMap(sourceMaps);
  for (const m of maps) problems.push(`store build ships a source map: ${m}`);
  console.log(`store builds: ${maps.length} source maps found`);

  if (!storeOnly) {
    const canary = [out('chrome-mv3-test'), out('firefox-mv3-test')];
    let findings = 0;
    const blind: string[] = [];
    for (const dir of canary) {
      const text = textFindings(dir);
      findings += text.length;
      blind.push(...missed(HOOKS, text).map((hook) => `${hook} in ${path.relative(ROOT, dir)} (text)`));
    }
    // The clock has no runtime look: its offset changes nothing a page can read without the emulator.
    const runtime = await runtimeFindings(canary[0]!);
    findings += runtime.length;
    blind.push(...missed(['perchTest', 'bench mark'], runtime).map((hook) => `${hook} in ${path.relative(ROOT, canary[0]!)} (runtime)`));
    for (const b of blind) problems.push(`canary (the test build keeps every hook): the check did not find ${b}`);
    console.log(
      `canary (${canary.map((d) => path.relative(ROOT, d)).join(', ')}): ${findings} findings, every hook found: ${blind.length ? 'NO' : 'yes'}`,
    );
  }

  if (problems.length) {
    for (const p of problems) console.error(p);
    process.exit(1);
  }
  console.log('store builds carry no test hooks');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) await main();
