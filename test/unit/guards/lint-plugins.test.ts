import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * Canaries for the React plugins in test/eslint.config.js: each case lints a small component the way `npm run lint`
 * does and expects the rule to fire, so a config change that drops a plugin (or its files glob) fails here.
 */
const root = fileURLToPath(new URL('../../..', import.meta.url));

async function lint(code: string, prefix: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: 'test/eslint.config.js',
    // The fixtures are not on disk: lint them without type information (these rules need none).
    overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
    ruleFilter: ({ ruleId }) => ruleId.startsWith(prefix),
  });
  const [result] = await eslint.lintText(code, { filePath: 'components/LintCanary.tsx' });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('react-hooks', { timeout: 60_000 }, () => {
  it('reports a hook called conditionally', async () => {
    const code = `import { useState } from 'react';
export function Canary({ on }: { on: boolean }) {
  if (on) {
    const [n] = useState(0);
    return <p>{n}</p>;
  }
  return null;
}
`;
    expect(await lint(code, 'react-hooks/')).toEqual([
      expect.stringMatching(/^react-hooks\/rules-of-hooks: React Hook "useState" is called conditionally/),
    ]);
  });

  it('reports an effect that reads a prop missing from its dependencies', async () => {
    const code = `import { useEffect } from 'react';
export function Canary({ title }: { title: string }) {
  useEffect(() => {
    document.title = title;
  }, []);
  return null;
}
`;
    expect(await lint(code, 'react-hooks/')).toEqual([
      expect.stringMatching(/^react-hooks\/exhaustive-deps: React Hook useEffect has a missing dependency: 'title'/),
    ]);
  });

  it('passes the same effect with its dependency', async () => {
    const code = `import { useEffect } from 'react';
export function Canary({ title }: { title: string }) {
  useEffect(() => {
    document.title = title;
  }, [title]);
  return null;
}
`;
    expect(await lint(code, 'react-hooks/')).toEqual([]);
  });
});

describe('jsx-a11y', { timeout: 60_000 }, () => {
  it('reports a clickable div that neither a keyboard nor a screen reader can reach', async () => {
    const code = `export function Canary({ go }: { go: () => void }) {
  return <div onClick={go}>Open</div>;
}
`;
    const messages = await lint(code, 'jsx-a11y-x/');
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^jsx-a11y-x\/click-events-have-key-events:/),
        expect.stringMatching(/^jsx-a11y-x\/no-static-element-interactions:/),
      ]),
    );
  });

  it('reports an image without alternative text', async () => {
    expect(await lint('export const Canary = () => <img src="a.png" />;\n', 'jsx-a11y-x/')).toEqual([
      expect.stringMatching(/^jsx-a11y-x\/alt-text: img elements must have an alt prop/),
    ]);
  });

  it('passes a button with its label', async () => {
    expect(
      await lint(
        'export const Canary = ({ go }: { go: () => void }) => <button type="button" onClick={go}>Open</button>;\n',
        'jsx-a11y-x/',
      ),
    ).toEqual([]);
  });
});
