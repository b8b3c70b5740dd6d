// @ts-check
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

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
    rules: {
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
