import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A chunk another one imports: its path as written there, and whether it is loaded only on `import()`. */
export interface ChunkImport {
  file: string;
  dynamic: boolean;
}

/**
 * The chunks `code` imports, in order: `from "./x.js"` (an `import … from` or `export … from`) and a bare side-effect
 * `import "./x.js"` (Rolldown writes `import"./x-url-….js"` at the top of a chunk) are static; `import("./x.js")` is
 * dynamic. Only relative paths: a bundled chunk names no other.
 */
export function chunkImports(code: string): ChunkImport[] {
  const found = code.matchAll(/(?:from|import)\s*["'](\.{0,2}\/[^"']+\.js)["']|import\(\s*["'`](\.{0,2}\/[^"'`]+\.js)["'`]\s*\)/g);
  return [...found].map((m) => (m[1] !== undefined ? { file: m[1], dynamic: false } : { file: m[2]!, dynamic: true }));
}

/**
 * The scripts a built page loads, read from its files (lib/page-chunks.ts): each script `<page>.html` names, then
 * every chunk it imports statically ({@link chunkImports}); with `dynamic`, its `import()`s too. Shared by the
 * first-load guard (../chromium/popup-first-load.spec.ts) and the bench's "loaded first" figure
 * (../../bench/extension.ts), so the two can never count differently. Plain Node: no Playwright, no bench.
 */
export function pageScripts(build: string, page: string, { dynamic }: { dynamic: boolean }): string[] {
  const html = readFileSync(path.join(build, `${page}.html`), 'utf8');
  const seen = new Set<string>();
  const queue = [...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]!);
  while (queue.length) {
    const file = queue.shift()!.replace(/^\//, '');
    if (seen.has(file)) continue;
    seen.add(file);
    for (const link of chunkImports(readFileSync(path.join(build, file), 'utf8'))) {
      if (!link.dynamic || dynamic) queue.push(path.posix.join(path.posix.dirname(file), link.file));
    }
  }
  return [...seen].sort();
}
