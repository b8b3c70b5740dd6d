import { describe, expect, it } from 'vitest';
import { groupOf, strayGroups } from '../../bench/bundle';

describe('the background bundle check', () => {
  it('names the screens’ code, React and the polyfill as stray, and nothing the background needs', () => {
    const sources = [
      '../../node_modules/dexie/dist/modern/dexie.mjs',
      '../../node_modules/zod/v4/mini/schemas.js',
      '../../node_modules/webextension-polyfill/dist/browser-polyfill.js',
      '../../node_modules/react-dom/cjs/react-dom.production.js',
      '../../node_modules/@tanstack/virtual-core/dist/esm/index.js',
      '../../components/Composer.tsx',
      '../../entrypoints/popup/App.tsx',
      '../../entrypoints/background/index.ts',
      '../../lib/x/client.ts',
      '../../lib/message-contract.ts',
    ];
    expect(strayGroups(new Set(sources.map(groupOf)))).toEqual([
      'webextension-polyfill',
      'react-dom',
      '@tanstack/virtual-core',
      'components',
      'entrypoints/popup',
    ]);
  });
});
