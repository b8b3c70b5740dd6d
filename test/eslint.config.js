// @ts-check
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import reactHooks from 'eslint-plugin-react-hooks';
// The maintained fork of eslint-plugin-jsx-a11y (same rules, same maintainer as import-x) that supports ESLint 10;
// the original declares eslint <= 9 as its peer and does not install beside ESLint 10.
import jsxA11y from 'eslint-plugin-jsx-a11y-x';

export default tseslint.config(
  {
    ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'test/e2e/fixtures/**'],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.tsx'],
    ...jsxA11y.configs.recommended,
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: new URL('..', import.meta.url).pathname },
    },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    // The TypeScript resolver makes `@/lib/x/client` and `../lib/auth/key-store` resolvable, so the layer rule
    // below sees them (without it import-x could not resolve them and passed every such import).
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: new URL('../tsconfig.json', import.meta.url).pathname })],
    },
    rules: {
      // An import the resolver cannot find is an error: a guard that cannot resolve a path cannot guard it.
      // `#i18n` and `wxt/*` virtual modules come from WXT's generated paths in .wxt/tsconfig.json.
      'import-x/no-unresolved': 'error',
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Layers: screens and components talk to the background through lib/messaging, never to X or tokens.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './components', from: './lib/x', message: 'UI code reaches X only through the background (lib/messaging).' },
            { target: './components', from: './lib/auth', message: 'Tokens never leave the background.' },
            {
              target: ['./entrypoints/popup', './entrypoints/sidepanel', './entrypoints/options', './entrypoints/manager'],
              from: ['./lib/x', './lib/auth'],
              message: 'UI code reaches X only through the background (lib/messaging); tokens never leave it.',
            },
          ],
        },
      ],
    },
  },
  {
    // Bundled code uses zod's tree-shakable `zod/mini`: classic zod's chained methods cannot be tree-shaken and cost
    // the background ~16 KB gzip, parsed on every cold start of the service worker (issue 13). Tests may use either.
    files: ['lib/**/*.ts', 'entrypoints/**/*.ts', 'entrypoints/**/*.tsx', 'components/**/*.ts', 'components/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['zod', 'zod/v4', 'zod/v3'].map((name) => ({
            name,
            message: "Import zod/mini (`import * as z from 'zod/mini'`): classic zod is not tree-shakable.",
          })),
        },
      ],
      // zod types the background would bundle for one or two fields, each with a same-result stand-in that costs it
      // nothing: 0.55 KB gzip for record and custom (npm run bench -- bundle).
      'no-restricted-properties': [
        'error',
        ...[
          ['record', 'Use record() from lib/zod-record.ts: same values, no zod record type in the background.'],
          ['refine', 'Use a check function, `.check((payload) => …)`: no zod custom type in the background.'],
          ['custom', 'Use z.unknown() with a check function: no zod custom type in the background.'],
          ['nullable', 'Use z.union([schema, z.literal(null)]) (lib/bookmarks/import.ts orNull): no zod nullable type.'],
          ['pipe', 'Use a check that replaces the value (lib/x/schemas.ts usable): no zod pipe type in the background.'],
          ['transform', 'Use a check that replaces the value (lib/x/schemas.ts usable): no zod transform type.'],
        ].map(([property, message]) => ({ object: 'z', property, message })),
      ],
    },
  },
  {
    // Composer.tsx puts the cursor in the first post's box when the person opens the composer to write: the focus
    // move is what they asked for (no-autofocus guards against focus jumping unasked on page load).
    files: ['components/PostEditor.tsx'],
    rules: { 'jsx-a11y-x/no-autofocus': 'off' },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    rules: {
      // Fakes of async interfaces (fetch, storage, X's handlers, locks) are written `async` to match the signature
      // they stand in for, whether or not their body awaits.
      '@typescript-eslint/require-await': 'off',
      // `expect(fake.method).toHaveBeenCalled…` hands a vi.fn() (which has no `this`) to expect; typescript-eslint's
      // docs send test files to the jest/vitest variant of this rule for that reason.
      '@typescript-eslint/unbound-method': 'off',
      // vitest's asymmetric matchers (expect.any, expect.objectContaining…), mock.calls, Response.json() and
      // page.evaluate() are typed `any`; tests check those values at run time with expect, which is the point.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Fakes reject with exactly what the platform rejects with (an AbortSignal's reason, IDBRequest.error), and
      // tests rethrow a caught `unknown` as is: wrapping them in Error would test something X and browsers never do.
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
      '@typescript-eslint/only-throw-error': 'off',
      // fetch fakes read the URL and body they were given as `String(input)`: Perch always passes a string or a URL
      // (and a string body), and a test that got a Request would fail on the URL it reads.
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  {
    // Playwright fixtures hand their value on with `await use(value)`, which rules-of-hooks takes for React's `use`.
    files: ['test/e2e/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
