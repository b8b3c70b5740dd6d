/**
 * The post counter (lib/text/parse-post.ts) against twitter-text 3.1.0's parseTweet:
 *   typical post   a 280-character mixed post (Latin, CJK, emoji, URLs): µs per call, and the speed-up
 *   pastes         adversarial 10,000-character pastes: ms per call (twitter-text's runs are capped,
 *                  its URL regex is quadratic), and the 40,000/10,000-character CPU time ratio
 *                  (linear ≈ 4)
 *   bundle         esbuild --bundle --minify of parse-post.ts, gzipped
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import twitterText from 'twitter-text';
import { parsePost } from '../../lib/text/parse-post';
import { median, type BenchRow } from './types';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A 280-code-unit post with Latin and CJK text, emoji old and new, URLs with and without protocol. */
export const TYPICAL_POST =
  'Shipping Perch 0.1 today! 🎉 Act on your X account from the toolbar: threads & drafts. ' +
  'Docs https://example.com/perch/docs?ref=launch and perch.app/changelog 日本語の投稿もOK 🐦‍🔥🧑🏽‍💻👍🏻 ' +
  '#buildinpublic thanks @friend, café naïve… 🇯🇵 ❤️ (beta) → feedback at example.org! Cheers xo!';

const PASTES: [string, string][] = [
  ["'a.' × 5,000", 'a.'.repeat(5000)],
  ["'aa.' × 3,333", 'aa.'.repeat(3333)],
  ["'あ.' × 5,000", 'あ.'.repeat(5000)],
  ['URL + 10,000 hyphens', `https://example.com/${'-'.repeat(10_000)}`],
];

/**
 * Ms per call of `fn`: the fastest of `batches` batches, each running at least `minMs`. The minimum
 * rather than the median, because other processes share this machine's two cores.
 */
function msPerCall(fn: () => unknown, batches: number, minMs: number): number {
  const start = performance.now();
  while (performance.now() - start < minMs) fn(); // warm up
  const perCall: number[] = [];
  for (let b = 0; b < batches; b++) {
    let calls = 0;
    const t0 = performance.now();
    let t = t0;
    while (t - t0 < minMs) {
      fn();
      calls++;
      t = performance.now();
    }
    perCall.push((t - t0) / calls);
  }
  return Math.min(...perCall);
}

/** CPU ms per call of `fn` over one batch of at least `minMs` wall time. */
function cpuMsPerCall(fn: () => unknown, minMs: number): number {
  let calls = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  while (performance.now() - t0 < minMs) {
    fn();
    calls++;
  }
  const { user, system } = process.cpuUsage(cpu0);
  return (user + system) / 1000 / calls;
}

/**
 * How much slower `long` is than `short`: the fastest CPU ms per call of each over `rounds` rounds,
 * each round one batch of `short` then one of `long`. CPU time, and the sizes alternating rather
 * than one after the other, because other processes share this machine's two cores: wall time
 * over nine batches of one size then nine of the other put 2–7.6× on a counter whose CPU time per
 * character is the same at 10,000 and 40,000 characters.
 */
function cpuGrowth(short: () => unknown, long: () => unknown, rounds: number, minMs: number): number {
  cpuMsPerCall(short, minMs); // warm up
  cpuMsPerCall(long, minMs);
  let shortMs = Infinity;
  let longMs = Infinity;
  for (let r = 0; r < rounds; r++) {
    shortMs = Math.min(shortMs, cpuMsPerCall(short, minMs));
    longMs = Math.min(longMs, cpuMsPerCall(long, minMs));
  }
  return longMs / shortMs;
}

/** Median ms of single calls, stopping after `maxRuns` runs or once `budgetMs` is spent. */
function cappedMs(fn: () => unknown, maxRuns: number, budgetMs: number): { ms: number; runs: number } {
  const times: number[] = [];
  const start = performance.now();
  while (times.length < maxRuns && (times.length === 0 || performance.now() - start < budgetMs)) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), runs: times.length };
}

const fixed = (n: number, digits: number) => n.toFixed(digits);

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];

  const oursTypical = msPerCall(() => parsePost(TYPICAL_POST), 7, 100) * 1000;
  const theirsTypical = msPerCall(() => twitterText.parseTweet(TYPICAL_POST), 7, 100) * 1000;
  const speedUp = theirsTypical / oursTypical;
  rows.push(
    {
      metric: `typical ${TYPICAL_POST.length}-char post: Perch`,
      figure: `${fixed(oursTypical, 1)} µs/call`,
      target: '≥ 2× faster than twitter-text',
      ok: speedUp >= 2,
    },
    { metric: 'typical post: twitter-text', figure: `${fixed(theirsTypical, 1)} µs/call`, target: 'reference', ok: true },
    { metric: 'typical post: speed-up', figure: `${fixed(speedUp, 1)}×`, target: '≥ 2×', ok: speedUp >= 2 },
  );

  for (const [name, text] of PASTES) {
    const ours = msPerCall(() => parsePost(text), 9, 50);
    const theirs = cappedMs(() => twitterText.parseTweet(text), 5, 3000);
    const long = text.repeat(4);
    const growth = cpuGrowth(
      () => parsePost(text),
      () => parsePost(long),
      9,
      75,
    );
    rows.push(
      { metric: `paste ${name}: Perch`, figure: `${fixed(ours, 3)} ms`, target: '< 2 ms', ok: ours < 2 },
      {
        metric: `paste ${name}: twitter-text`,
        figure: `${fixed(theirs.ms, 1)} ms (${theirs.runs} run${theirs.runs > 1 ? 's' : ''})`,
        target: 'reference',
        ok: true,
      },
      { metric: `paste ${name}: speed-up`, figure: `${fixed(theirs.ms / ours, 0)}×`, target: 'reference', ok: true },
      { metric: `paste ${name}: Perch 40k/10k chars`, figure: `${fixed(growth, 2)}×`, target: '≤ 5× (linear ≈ 4×)', ok: growth <= 5 },
    );
  }

  const bundle = execFileSync(
    path.join(ROOT, 'node_modules/.bin/esbuild'),
    ['lib/text/parse-post.ts', '--bundle', '--minify', '--format=esm', '--log-level=error'],
    { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
  );
  const gzipped = gzipSync(bundle, { level: 9 }).length;
  rows.push({
    metric: 'counter bundle (esbuild --minify, gzip -9)',
    figure: `${fixed(gzipped / 1024, 1)} KB (${gzipped} B; ${fixed(bundle.length / 1024, 1)} KB raw)`,
    target: '≤ 12 KB',
    ok: gzipped <= 12 * 1024,
  });

  return rows;
}
