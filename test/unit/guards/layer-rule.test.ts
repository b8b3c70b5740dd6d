import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * Canary for the layer rule (test/eslint.config.js): UI code never imports lib/x or lib/auth. It passed every real
 * import for weeks while import-x could not resolve TypeScript paths; these cases show it fires now.
 */
const root = fileURLToPath(new URL('../../..', import.meta.url));

async function lint(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: 'test/eslint.config.js',
    // The canary files are not on disk: lint them without type information (the layer rules need none).
    overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
    ruleFilter: ({ ruleId }) => ruleId.startsWith('import-x/'),
  });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('the layer rule', () => {
  it.each([
    ['components/LayerCanary.tsx', "import { createXClient } from '@/lib/x/client';\nexport const c = createXClient;\n"],
    ['components/LayerCanary.tsx', "import { getTokenKey } from '../lib/auth/key-store';\nexport const k = getTokenKey;\n"],
    ['entrypoints/popup/LayerCanary.tsx', "import { XApiError } from '@/lib/x/errors';\nexport const e = XApiError;\n"],
    ['entrypoints/options/LayerCanary.tsx', "import { AuthService } from '../../lib/auth/service';\nexport const a = AuthService;\n"],
  ])('fires when %s imports from lib/x or lib/auth', async (filePath, code) => {
    const messages = await lint(filePath, code);
    expect(messages).toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: Unexpected path .* imported in restricted zone/)]);
  });

  it('lets the background import lib/x', async () => {
    expect(
      await lint(
        'entrypoints/background/layer-canary.ts',
        "import { createXClient } from '@/lib/x/client';\nexport const c = createXClient;\n",
      ),
    ).toEqual([]);
  });

  it('lets UI code import the message contract', async () => {
    expect(
      await lint('components/LayerCanary.tsx', "import { sendMessage } from '@/lib/messaging';\nexport const s = sendMessage;\n"),
    ).toEqual([]);
  });

  it('reports an import nothing resolves (a guard that cannot resolve a path cannot guard it)', async () => {
    expect(await lint('components/LayerCanary.tsx', "import { nothing } from './does-not-exist';\nexport const n = nothing;\n")).toEqual([
      expect.stringMatching(/^import-x\/no-unresolved: Unable to resolve path to module '.\/does-not-exist'/),
    ]);
  });
});
