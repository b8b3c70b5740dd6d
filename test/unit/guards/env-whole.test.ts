import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Bundled code reads one build variable at a time (`import.meta.env.NAME`, or `import.meta.env?.NAME` where it also
 * runs in Node), never `import.meta.env` whole: the build replaces each `import.meta.env.NAME` with its value, but
 * `import.meta.env` alone with an object of every variable, which the background then loads on each cold start
 * (lib/config.ts did: 205 bytes of background.js gzip).
 */
const root = fileURLToPath(new URL('../../..', import.meta.url));

const unwrap = (node: ts.Node): ts.Node =>
  ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node) ? unwrap(node.expression) : node;

/** 1-based lines where `code` reads `import.meta.env` as a whole value. */
function wholeEnvReads(file: string, code: string): number[] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const lines: number[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'env' && ts.isMetaProperty(unwrap(node.expression))) {
      let user: ts.Node = node.parent;
      while (ts.isParenthesizedExpression(user) || ts.isNonNullExpression(user)) user = user.parent;
      const oneName = (ts.isPropertyAccessExpression(user) || ts.isElementAccessExpression(user)) && unwrap(user.expression) === node;
      if (!oneName) lines.push(source.getLineAndCharacterOfPosition(node.getStart()).line + 1);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return lines;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('reading build variables', () => {
  it('reads one variable at a time in every bundled module', () => {
    const found = ['lib', 'entrypoints', 'components'].flatMap((dir) =>
      sources(join(root, dir)).flatMap((file) =>
        wholeEnvReads(file, readFileSync(file, 'utf8')).map((line) => `${relative(root, file)}:${line}`),
      ),
    );
    expect(found).toEqual([]);
  });

  it.each([
    ['a cast', 'const env = (import.meta as { env?: ImportMetaEnv }).env ?? {};\nexport const a = env.WXT_X_CLIENT_ID;\n'],
    ['a spread', 'export const all = { ...import.meta.env };\n'],
    ['a destructuring', 'const { MODE } = import.meta.env;\nexport const m = MODE;\n'],
  ])('finds import.meta.env read whole through %s', (_how, code) => {
    expect(wholeEnvReads('lib/canary.ts', code)).toEqual([1]);
  });

  it('lets a module read one variable, in Node too', () => {
    const code = "export const a = import.meta.env.MODE;\nexport const b = import.meta.env?.WXT_X_API_BASE_URL || 'x';\n";
    expect(wholeEnvReads('lib/canary.ts', code)).toEqual([]);
  });
});
