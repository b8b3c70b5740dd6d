/**
 * `npm run bench`: runs every benchmark and prints one table. Figures and ratios only — no benchmark fails the
 * build; targets are shown beside each figure so a regression is plain to see.
 * Run one: `npm run bench -- counter`.
 */
import type { BenchModule, BenchRow } from './types';

const BENCHES: Record<string, () => Promise<BenchModule>> = {
  bundle: () => import('./bundle'),
  counter: () => import('./counter'),
  extension: () => import('./extension'),
  worker: () => import('./worker'),
  manager: () => import('./manager'),
  data: () => import('./data'),
};

function printTable(rows: (BenchRow & { bench: string })[]): void {
  const header = ['bench', 'metric', 'figure', 'target', 'met'];
  const cells = rows.map((r) => [r.bench, r.metric, r.figure, r.target, r.ok ? 'yes' : 'NO']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i]!)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
}

const only = process.argv.slice(2);
const rows: (BenchRow & { bench: string })[] = [];
for (const [name, load] of Object.entries(BENCHES)) {
  if (only.length && !only.includes(name)) continue;
  const mod = await load().catch((error: unknown) => {
    console.error(`bench ${name}: could not load (${String(error)})`);
    return undefined;
  });
  if (!mod) continue;
  process.stderr.write(`running ${name}…\n`);
  for (const row of await mod.bench()) rows.push({ bench: name, ...row });
}
printTable(rows);
