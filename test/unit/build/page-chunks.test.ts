import { describe, expect, it } from 'vitest';
import { pagesLoading, sharedChunkOf, type ModuleGraphInfo } from '../../../lib/page-chunks';

/**
 * A small module graph as the bundler describes it: each module's static importers. The composer is imported only by
 * `import()`, so it has no static importer; the hook and the page's App import each other.
 */
const GRAPH: Record<string, ModuleGraphInfo> = {
  '/p/entrypoints/popup/index.html': { importers: [], isEntry: true },
  '/p/entrypoints/options/index.html': { importers: [], isEntry: true },
  '/p/entrypoints/popup/main.tsx': { importers: ['/p/entrypoints/popup/index.html'], isEntry: false },
  '/p/entrypoints/options/main.tsx': { importers: ['/p/entrypoints/options/index.html'], isEntry: false },
  '/p/entrypoints/popup/App.tsx': { importers: ['/p/entrypoints/popup/main.tsx', '/p/entrypoints/popup/use-tab.ts'], isEntry: false },
  '/p/entrypoints/popup/use-tab.ts': { importers: ['/p/entrypoints/popup/App.tsx'], isEntry: false },
  '/p/node_modules/react/index.js': {
    importers: ['/p/entrypoints/popup/App.tsx', '/p/entrypoints/options/main.tsx', '/p/components/Composer.tsx'],
    isEntry: false,
  },
  '/p/components/Composer.tsx': { importers: [], isEntry: true },
  '/p/lib/counter.ts': { importers: ['/p/components/Composer.tsx'], isEntry: false },
  '/p/lib/words.ts': { importers: ['/p/components/Composer.tsx', '/p/entrypoints/options/main.tsx'], isEntry: false },
};
const info = (id: string) => GRAPH[id] ?? null;

describe("the popup's first-load chunk", () => {
  it('takes what the popup loads first and another page loads too', () => {
    expect([...pagesLoading('/p/node_modules/react/index.js', info)].sort()).toEqual(['options', 'popup']);
    expect(sharedChunkOf('/p/node_modules/react/index.js', info)).toBe('shared');
  });

  it("leaves the popup's own code, what loads on use, and other pages' code to the bundler", () => {
    // The popup's own modules (through an import cycle too) stay in its entry chunk.
    expect(sharedChunkOf('/p/entrypoints/popup/use-tab.ts', info)).toBeNull();
    expect([...pagesLoading('/p/entrypoints/popup/use-tab.ts', info)]).toEqual(['popup']);
    // The composer and what only it loads are not the first screen's: no page loads them before they are used.
    expect(sharedChunkOf('/p/components/Composer.tsx', info)).toBeNull();
    expect(pagesLoading('/p/lib/counter.ts', info).size).toBe(0);
    // Shared by the options page and the composer, but not on the popup's first screen.
    expect(sharedChunkOf('/p/lib/words.ts', info)).toBeNull();
    expect(sharedChunkOf('/p/unknown.ts', info)).toBeNull();
  });
});
