import { describe, expect, it } from 'vitest';
import { groupOf, strayGroups, strayWording } from '../../bench/bundle';

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

  it('names a screen’s wording module as stray, and the plain parts and the badge’s wording as not', () => {
    const sources = [
      '../../lib/auth-words.ts',
      '../../lib/auth-words-text.ts',
      '../../lib/compose-words.ts',
      '..\\..\\lib\\reply-words-text.ts',
      '../../lib/error-words.ts',
      '../../lib/action-words.ts',
      '../../lib/storage.ts',
    ];
    expect(strayWording(sources)).toEqual(['lib/auth-words-text.ts', 'lib/reply-words-text.ts']);
  });
});
