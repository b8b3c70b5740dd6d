import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The popup never loads the store: Dexie (~30 KB gzip) and lib/db are the background's and the manager's, and the
 * popup asks the background for what it shows (drafts count, sign-out loss, a list's state). Read from the sources,
 * every import followed that lands in the bundle — static and dynamic `import()`, not `import type`, which the build
 * drops — from the popup's entry points.
 */
const root = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * The module specifiers a file's code loads: static and dynamic imports and export-froms that are not type-only.
 * Only `import type` and `export type` are: with verbatimModuleSyntax, `import { type B } from './x'` stays in the
 * output as `import {} from './x'` (TypeScript's docs), so it still runs that module.
 */
function loadedSpecifiers(file: string, text: string, { dynamic = true }: { dynamic?: boolean } = {}): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.importClause?.isTypeOnly) out.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) out.push(node.moduleSpecifier.text);
    } else if (
      dynamic &&
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      out.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/**
 * Every source file and package the code of these entry files may load, by path from the root or package name; with
 * `dynamic: false`, only what they load before anything is used (static imports, no `import()`).
 */
function reachable(entries: string[], options: { dynamic?: boolean } = {}): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of loadedSpecifiers(file, readFileSync(join(root, file), 'utf8'), options)) {
      const base = spec.startsWith('@/') ? spec.slice(2) : spec.startsWith('.') ? posix.join(dirname(file), spec) : undefined;
      if (base === undefined) {
        if (!spec.startsWith('#')) seen.add(spec);
        continue;
      }
      const found = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((f) => /\.tsx?$/.test(f) && existsSync(join(root, f)));
      if (found) queue.push(found);
    }
  }
  return seen;
}

/** The store's code: Dexie and lib/db, less lib/db/rows.ts (the rows' types, two constants and `wasSent`, no Dexie). */
const storeModules = (modules: Set<string>) =>
  [...modules].filter((m) => (m.startsWith('lib/db/') && m !== 'lib/db/rows.ts') || /^dexie(-|$|\/)/.test(m)).sort();

describe('the popup and the store', () => {
  it('loads no store, not even later: no Dexie, no lib/db in anything the popup imports or imports when used', () => {
    expect(storeModules(reachable(['entrypoints/popup/main.tsx', 'entrypoints/popup-prefetch.ts']))).toEqual([]);
  });

  it('canary: a screen that reads the store is seen to load it, and a type-only import is not followed', () => {
    expect(storeModules(reachable(['components/manager/use-action-row.ts']))).toEqual(
      expect.arrayContaining(['dexie', 'dexie-react-hooks', 'lib/db/index.ts']),
    );
    expect(loadedSpecifiers('a.ts', "import type { A } from './db';\nexport type { C } from './db3';")).toEqual([]);
    expect(loadedSpecifiers('a.ts', "import { a, type B } from './db';\nconst m = () => import('./db2');")).toEqual(['./db', './db2']);
    // Only the keyword before the braces makes an import type-only: these still run their modules.
    expect(loadedSpecifiers('a.ts', "import { type B } from './db2';\nexport { type D } from './db4';\nimport './db5';")).toEqual([
      './db2',
      './db4',
      './db5',
    ]);
  });
});

describe("the popup's first load", () => {
  /**
   * What the first screen never uses, so it must not load with it (issue 13: popup JS loaded first ≤ 100 KB gzip):
   * zod's core (no schema is on the first screen; lib/zod-jitless.ts sets zod's flag without it) and WXT's storage
   * library with its lock (lib/storage.ts's items do the same reads and writes).
   */
  const NOT_FIRST = /^(zod(\/|$)|wxt\/utils\/storage$|@wxt-dev\/storage$)/;

  it("loads neither zod nor WXT's storage library before something is used", () => {
    const first = reachable(['entrypoints/popup/main.tsx', 'entrypoints/popup-prefetch.ts'], { dynamic: false });
    expect([...first].filter((m) => NOT_FIRST.test(m)).sort()).toEqual([]);
  });

  /**
   * What the popup's app (React and its code, entrypoints/popup/main.tsx) never loads with its first screen: the
   * sign-out dialog (loaded when Sign out is chosen) and lib/x-url.ts, the parser of X's addresses and its table of
   * X's reserved routes (the head script, entrypoints/popup-prefetch.ts, parses the tab's address and hands it over;
   * x.com links come from lib/x-links.ts).
   */
  const APP_NOT_FIRST = ['components/SignOutDialog.tsx', 'lib/x-url.ts'];

  it("loads neither the sign-out dialog nor X's address parser with the app's first screen", () => {
    const first = reachable(['entrypoints/popup/main.tsx'], { dynamic: false });
    expect(APP_NOT_FIRST.filter((m) => first.has(m))).toEqual([]);
  });

  it('canary: the lazy sign-out dialog and the head script parser are seen where they are loaded', () => {
    expect(reachable(['components/AccountHeader.tsx'])).toContain('components/SignOutDialog.tsx');
    expect(reachable(['components/AccountHeader.tsx'], { dynamic: false })).not.toContain('components/SignOutDialog.tsx');
    expect(reachable(['entrypoints/popup-prefetch.ts'], { dynamic: false })).toContain('lib/x-url.ts');
  });

  it('canary: a static import is followed and an import() is not', () => {
    expect(loadedSpecifiers('a.ts', "import { z } from 'zod/mini';\nconst m = () => import('./db2');", { dynamic: false })).toEqual([
      'zod/mini',
    ]);
    expect([...reachable(['components/LinkCostNote.tsx'], { dynamic: false })]).toContain('wxt/utils/storage');
  });
});

/**
 * No page nor the worker runs on the WebExtension polyfill: `wxt/browser` is the browser's own API object (Chrome's
 * MV3 APIs return promises, Firefox has `browser`), 2.7 KB gzip off the popup's first load and each cold start.
 * It comes in two ways: WXT's polyfill module in wxt.config.ts (it aliases `wxt/browser`), or a direct import.
 */
const POLYFILL = /(^|\/)webextension-polyfill($|\/)/;

/** The module names in `modules: [...]` of a WXT config's text. */
function configModules(text: string): string[] {
  const source = ts.createSourceFile('wxt.config.ts', text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAssignment(node) && node.name.getText(source) === 'modules' && ts.isArrayLiteralExpression(node.initializer)) {
      for (const e of node.initializer.elements) if (ts.isStringLiteral(e)) out.push(e.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe('the WebExtension polyfill', () => {
  it('is neither a module of the build nor imported by any page or the worker', () => {
    expect(configModules(readFileSync(join(root, 'wxt.config.ts'), 'utf8')).filter((m) => POLYFILL.test(m))).toEqual([]);
    const entries = [
      'entrypoints/popup/main.tsx',
      'entrypoints/popup-prefetch.ts',
      'entrypoints/manager/main.tsx',
      'entrypoints/options/main.tsx',
      'entrypoints/sidepanel/main.tsx',
      'entrypoints/background/index.ts',
    ];
    for (const entry of entries) expect(existsSync(join(root, entry)), entry).toBe(true);
    expect([...reachable(entries)].filter((m) => POLYFILL.test(m))).toEqual([]);
  });

  it("canary: a config's polyfill module and an import of the polyfill are seen", () => {
    expect(configModules("export default defineConfig({ modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/module-react'] });")).toEqual(
      ['@wxt-dev/webextension-polyfill', '@wxt-dev/module-react'],
    );
    expect(loadedSpecifiers('a.ts', "import browser from 'webextension-polyfill';").filter((m) => POLYFILL.test(m))).toEqual([
      'webextension-polyfill',
    ]);
  });
});
