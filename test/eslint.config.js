// @ts-check
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

export default tseslint.config(
  {
    ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'test/e2e/fixtures/**'],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: new URL('..', import.meta.url).pathname },
    },
    plugins: { 'import-x': importX },
    // The TypeScript resolver makes `@/lib/x/client` and `../lib/auth/key-store` resolvable, so the layer rule
    // below sees them (without it import-x could not resolve them and passed every such import).
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: new URL('../tsconfig.json', import.meta.url).pathname })],
    },
    rules: {
      // An import the resolver cannot find is an error: a guard that cannot resolve a path cannot guard it.
      // `#i18n` and `wxt/*` virtual modules come from WXT's generated paths in .wxt/tsconfig.json.
      'import-x/no-unresolved': 'error',
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
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
