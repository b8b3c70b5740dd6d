import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HOOKS, missed, sourceMaps, textFindings } from '../../build/store-check';

/** The text look of test/build/store-check.ts on small fixture bundles (the runtime look runs in `npm run test:store`). */
const dirs: string[] = [];
function bundle(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'perch-store-check-'));
  dirs.push(dir);
  for (const [name, code] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), code);
  }
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('store-build check, text look', () => {
  it('finds each hook the way the minifier writes it, and names the file', () => {
    const dir = bundle({
      'background.js': 'var e={menuClick:a,command:b};globalThis.perchTest=e;',
      'chunks/clock-1.js': 'let t=0;const n=`test.clockOffsetMs`;s.storage.local.get(n)',
      'chunks/popup-2.js': 'performance.getEntriesByName(`perch-tab-actions`).length||performance.mark(`perch-tab-actions`)',
      'manifest.json': '{"name":"Perch"}',
    });
    const found = textFindings(dir);
    expect(missed(HOOKS, found)).toEqual([]);
    expect(found.find((f) => f.hook === 'perchTest')?.where).toMatch(/background\.js$/);
    expect(found.find((f) => f.hook === 'test clock')?.where).toMatch(/chunks[\\/]clock-1\.js$/);
    expect(found.filter((f) => f.hook === 'bench mark').map((f) => f.where)).toEqual([
      expect.stringMatching(/popup-2\.js$/),
      expect.stringMatching(/popup-2\.js$/),
    ]);
  });

  it('finds a bench mark by its name even when performance.mark is reached another way', () => {
    const found = textFindings(bundle({ 'chunks/Manager.js': 'function m(){p.mark(`perch-bookmarks-list`)}' }));
    expect(found.map((f) => f.hook)).toEqual(['bench mark']);
  });

  it('finds nothing in a bundle without hooks, so a clean store build passes', () => {
    const dir = bundle({
      // The wipe policy names every stored key, the test clock's too: a declaration, not the clock.
      'background.js':
        'const t=Date.now();globalThis.perch=1;performance.now();const p={testClock:{area:`local`,key:`test.clockOffsetMs`,clearOn:`never`}};',
      'popup.html': '<script type="module" src="/chunks/popup.js"></script>',
      'chunks/popup.js': 'const testClock=1;console.log(`perch`)',
    });
    const found = textFindings(dir);
    expect(found).toEqual([]);
    expect(missed(HOOKS, found)).toEqual(HOOKS);
  });
});

describe('store-build check, source maps', () => {
  it('finds a .map file and a sourceMappingURL comment, and passes a build without either', () => {
    const withMaps = bundle({
      'background.js': 'var a=1;',
      'background.js.map': '{"version":3}',
      'chunks/popup-1.js': 'var b=2;\n//# sourceMappingURL=popup-1.js.map',
    });
    expect(sourceMaps(withMaps).sort()).toEqual([expect.stringMatching(/background\.js\.map$/), expect.stringMatching(/popup-1\.js$/)]);
    expect(sourceMaps(bundle({ 'background.js': 'var a=1;', 'manifest.json': '{}' }))).toEqual([]);
  });
});
