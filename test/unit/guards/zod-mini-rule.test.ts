import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * Canaries for the zod rules (test/eslint.config.js): bundled code imports zod's tree-shakable `zod/mini`, never
 * classic zod, whose chained methods keep all of zod in the background (issue 13); and it calls none of the zod types
 * the background has a same-result stand-in for (lib/zod-record.ts and the others the rule names).
 */
const root = fileURLToPath(new URL('../../..', import.meta.url));

async function lint(filePath: string, code: string, rule = 'no-restricted-imports'): Promise<string[]> {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: 'test/eslint.config.js',
    // The canary files are not on disk: lint them without type information (the rule needs none).
    overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
    ruleFilter: ({ ruleId }) => ruleId === rule,
  });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('the zod/mini rule', () => {
  it.each([
    ['lib/x/zod-canary.ts', "import { z } from 'zod';\nexport const s = z.string();\n"],
    ['lib/zod-canary.ts', "import * as z from 'zod/v4';\nexport const s = z.string();\n"],
    ['entrypoints/background/zod-canary.ts', "import { config } from 'zod';\nexport const c = config;\n"],
    ['components/ZodCanary.tsx', "import type { ZodType } from 'zod';\nexport type T = ZodType;\n"],
  ])('fires when %s imports classic zod', async (filePath, code) => {
    expect(await lint(filePath, code)).toEqual([
      expect.stringMatching(/^no-restricted-imports: 'zod(\/v4)?' import is restricted .*zod\/mini/),
    ]);
  });

  it('lets bundled code import zod/mini', async () => {
    expect(await lint('lib/x/zod-canary.ts', "import * as z from 'zod/mini';\nexport const s = z.string();\n")).toEqual([]);
  });

  it('lets tests use classic zod', async () => {
    expect(await lint('test/unit/x/zod-canary.test.ts', "import { z } from 'zod';\nexport const s = z.string();\n")).toEqual([]);
  });

  it.each(['record', 'refine', 'custom', 'nullable', 'pipe', 'transform'])(
    'fires when bundled code calls z.%s, a zod type the background has a stand-in for',
    async (name) => {
      const code = `import * as z from 'zod/mini';\nexport const s = z.${name};\n`;
      expect(await lint('lib/zod-canary.ts', code, 'no-restricted-properties')).toEqual([
        expect.stringMatching(new RegExp(`^no-restricted-properties: 'z.${name}' is restricted from being used\\. Use `)),
      ]);
    },
  );

  it('lets bundled code use the stand-ins, and tests use z.record', async () => {
    const standIns = "import * as z from 'zod/mini';\nexport const s = z.union([z.string(), z.literal(null)]).check(() => undefined);\n";
    expect(await lint('lib/zod-canary.ts', standIns, 'no-restricted-properties')).toEqual([]);
    const inTest = "import * as z from 'zod/mini';\nexport const s = z.record(z.string(), z.string());\n";
    expect(await lint('test/unit/lib/zod-canary.test.ts', inTest, 'no-restricted-properties')).toEqual([]);
  });
});
