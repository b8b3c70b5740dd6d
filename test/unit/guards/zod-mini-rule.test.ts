import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * Canary for the zod/mini rule (test/eslint.config.js): bundled code imports zod's tree-shakable `zod/mini`, never
 * classic zod, whose chained methods keep all of zod in the background (issue 13).
 */
const root = fileURLToPath(new URL('../../..', import.meta.url));

async function lint(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: 'test/eslint.config.js',
    // The canary files are not on disk: lint them without type information (the rule needs none).
    overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
    ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
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
});
