import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chunkImports, pageScripts } from '../../e2e/support/page-scripts';

/**
 * The walk the first-load guard (test/e2e/chromium/popup-first-load.spec.ts) and the bench's "popup JS loaded first"
 * (test/bench/extension.ts) count with, over a small build written as Rolldown writes one: `import{…}from"./x.js"`,
 * a bare side-effect `import"./x-url-….js"` at the top of a chunk (as the Composer, EditComposer and Manager chunks
 * import x-url), and `import(\`./x.js\`)` for what loads later. Before, the bare import was not followed at all, so a
 * chunk reached only that way was counted in neither the first load nor all the popup may load.
 */

const build = mkdtempSync(path.join(tmpdir(), 'perch-page-scripts-'));
afterAll(() => rmSync(build, { recursive: true, force: true }));

const FILES: Record<string, string> = {
  'popup.html': '<script type="module" crossorigin src="/chunks/popup-A1.js"></script>',
  'chunks/popup-A1.js':
    'import{n as e}from"./rolldown-runtime-B2.js";import"./x-url-C3.js";var t=async()=>{await import(`./Composer-D4.js`)};',
  'chunks/rolldown-runtime-B2.js': 'var n=1;export{n};',
  'chunks/x-url-C3.js': 'export{p as parseXUrl}from"./tlds-E5.js";',
  'chunks/tlds-E5.js': 'var p=1;export{p};',
  'chunks/Composer-D4.js': 'import{n as e}from"./rolldown-runtime-B2.js";import"./words-F6.js";export{e};',
  'chunks/words-F6.js': 'console.log(1);',
};
for (const [file, text] of Object.entries(FILES)) {
  mkdirSync(path.dirname(path.join(build, file)), { recursive: true });
  writeFileSync(path.join(build, file), text);
}

describe('the scripts a built page loads', () => {
  it('counts a chunk imported bare, and what it imports, in the first load', () => {
    expect(pageScripts(build, 'popup', { dynamic: false })).toEqual([
      'chunks/popup-A1.js',
      'chunks/rolldown-runtime-B2.js',
      'chunks/tlds-E5.js',
      'chunks/x-url-C3.js',
    ]);
  });

  it('counts a chunk a lazily loaded one imports bare in all the page may load', () => {
    expect(pageScripts(build, 'popup', { dynamic: true })).toEqual([
      'chunks/Composer-D4.js',
      'chunks/popup-A1.js',
      'chunks/rolldown-runtime-B2.js',
      'chunks/tlds-E5.js',
      'chunks/words-F6.js',
      'chunks/x-url-C3.js',
    ]);
  });

  it('reads a bare import as static and an import() as dynamic, with spaces or none', () => {
    const code = 'import "./a.js";import{b}from"./b.js";export * from \'./c.js\';const d=()=>import( "./d.js" );import"../e.js"';
    expect(chunkImports(code)).toEqual([
      { file: './a.js', dynamic: false },
      { file: './b.js', dynamic: false },
      { file: './c.js', dynamic: false },
      { file: './d.js', dynamic: true },
      { file: '../e.js', dynamic: false },
    ]);
  });
});
