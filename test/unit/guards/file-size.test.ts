import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Convention: no production file (entrypoints/, components/, lib/; .ts, .tsx, .css) is over 300 lines unless its
 * header says why ("Long because …"). A split by job beats a long file; the header is for where a split would hurt.
 * Tests, the emulator and locale files live outside these folders or have other endings, so they are not counted.
 */
const root = fileURLToPath(new URL('../../..', import.meta.url));
const MAX_LINES = 300;
const HEADER_LINES = 15;
const PRODUCTION_DIRS = ['entrypoints', 'components', 'lib'];
const ENDINGS = ['.ts', '.tsx', '.css'];
/** The one file allowed to be long without saying so: a port of X's twitter-text URL grammar. */
const EXEMPT = new Set(['lib/text/extract-urls.ts']);

function lineCount(text: string): number {
  if (text === '') return 0;
  return text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (ENDINGS.some((ending) => entry.name.endsWith(ending))) yield path;
  }
}

/** The production files under `base` that are over the limit without a "Long because" header, with their lengths. */
function oversized(base: string): string[] {
  const found: string[] = [];
  for (const dir of PRODUCTION_DIRS) {
    let files: string[];
    try {
      files = [...walk(join(base, dir))];
    } catch {
      continue;
    }
    for (const file of files) {
      const name = relative(base, file).split(sep).join('/');
      if (EXEMPT.has(name)) continue;
      const text = readFileSync(file, 'utf8');
      const lines = lineCount(text);
      const header = text.split('\n').slice(0, HEADER_LINES).join('\n');
      if (lines > MAX_LINES && !/Long because\b/.test(header)) found.push(`${name} (${lines} lines)`);
    }
  }
  return found.sort();
}

describe('production file size', () => {
  const fixtures = mkdtempSync(join(tmpdir(), 'perch-file-size-'));
  afterAll(() => rmSync(fixtures, { recursive: true, force: true }));

  function fixture(files: Record<string, string>): string {
    const base = mkdtempSync(join(fixtures, 'tree-'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(base, name, '..'), { recursive: true });
      writeFileSync(join(base, name), text);
    }
    return base;
  }
  const body = (n: number): string => Array.from({ length: n }, (_, i) => `export const v${i} = ${i};\n`).join('');

  it('catches a file over 300 lines without a "Long because" header (canary)', () => {
    const base = fixture({
      'components/Huge.tsx': body(301),
      'lib/deep/nested/huge.css': body(400),
      'lib/fits.ts': body(300),
    });
    expect(oversized(base)).toEqual(['components/Huge.tsx (301 lines)', 'lib/deep/nested/huge.css (400 lines)']);
  });

  it('lets a long file through when its header says why, and ignores tests and other endings', () => {
    const base = fixture({
      'lib/explained.ts': `/**\n * Long because the grammar is one table.\n */\n${body(400)}`,
      'lib/late-reason.ts': `${body(20)}// Long because of nothing: said too late to count\n${body(300)}`,
      'lib/locales/en.yml': body(900),
      'test/unit/huge.test.ts': body(900),
      'lib/text/extract-urls.ts': body(900),
    });
    expect(oversized(base)).toEqual(['lib/late-reason.ts (321 lines)']);
  });

  it('finds no production file in Perch over 300 lines without a "Long because" header', () => {
    expect(oversized(root)).toEqual([]);
  });
});
