import type { Plugin } from 'vite';

/** The chunk holding what the popup's first screen shares with Perch's other pages (React and the shared code). */
export const SHARED_CHUNK = 'shared';

/** What the bundler tells of a module: the modules that import it statically, and whether it is an entry. */
export interface ModuleGraphInfo {
  importers: readonly string[];
  isEntry: boolean;
}

export type ModuleInfoOf = (id: string) => ModuleGraphInfo | null;

/** The page an HTML entry module is (`entrypoints/popup/index.html` → popup), or undefined. */
export function pageOf(id: string): string | undefined {
  return /(?:^|[\\/])entrypoints[\\/]([^\\/]+)[\\/]index\.html$/.exec(id)?.[1];
}

/**
 * The pages that load module `id` before anything is used: those whose HTML entry reaches it by static imports
 * alone (an `import()` — the composer, the list picker, the sign-out dialog — is not followed).
 */
export function pagesLoading(id: string, info: ModuleInfoOf): Set<string> {
  const pages = new Set<string>();
  const seen = new Set<string>([id]);
  const queue = [id];
  while (queue.length) {
    const current = queue.shift()!;
    const module = info(current);
    if (!module) continue;
    const page = module.isEntry ? pageOf(current) : undefined;
    if (page) pages.add(page);
    for (const importer of module.importers) {
      if (!seen.has(importer)) {
        seen.add(importer);
        queue.push(importer);
      }
    }
  }
  return pages;
}

/**
 * The chunk a module goes to: {@link SHARED_CHUNK} when the popup loads it first and another page loads it too;
 * otherwise null, the bundler's own choice (the popup's own code goes to its entry chunk, a lazy module to its own).
 */
export function sharedChunkOf(id: string, info: ModuleInfoOf): string | null {
  const pages = pagesLoading(id, info);
  return pages.has('popup') && pages.size > 1 ? SHARED_CHUNK : null;
}

/**
 * The pages' build (popup, manager, options, side panel) with the popup's first load in as few files as the bundler
 * allows: its own entry chunk, one shared chunk and the bundler's runtime (plus the head script, a build of its own).
 * Left alone, the bundler splits shared code by every set of chunks using it, lazy ones included: the popup loaded 9
 * modules for its first screen, each file adding its own gzip overhead and request (issue 13). The other pages load
 * the shared chunk too (they all load React); what they or the popup load on use stays in chunks of its own.
 * Without Vite's modulepreload polyfill either: every browser Perch runs in has `<link rel="modulepreload">` (Chrome
 * 66, Firefox 115; the manifest asks Firefox 140), so it was bytes each page loaded and ran for nothing.
 */
export function popupFirstChunks(): Plugin {
  return {
    name: 'perch:popup-first-chunks',
    apply: 'build',
    config: () => ({
      build: {
        modulePreload: { polyfill: false },
        rolldownOptions: {
          output: {
            codeSplitting: {
              groups: [
                {
                  debugName: 'popup-first',
                  name: (id: string, ctx: { getModuleInfo: ModuleInfoOf }) => sharedChunkOf(id, (m) => ctx.getModuleInfo(m)),
                },
              ],
            },
          },
        },
      },
    }),
  };
}
