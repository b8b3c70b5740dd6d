import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readLocale } from './locale-check';

/**
 * The Japanese words for signing in and out are the ones on Perch's buttons (and x.com's Japanese pages): ログイン and
 * ログアウト. A sentence that says "もう一度Xでサインインしてください" sends the person looking for a button that is not
 * there, since the button reads "Xでログイン".
 */

const ja = readLocale(fileURLToPath(new URL('../../../lib/locales/ja.yml', import.meta.url)));

describe('Japanese says signing in with the word on its button', () => {
  it('names the button Xでログイン and says ログイン / ログアウト in every message, never サインイン / サインアウト', () => {
    expect(ja.header_sign_in).toBe('Xでログイン');
    const otherWord = Object.entries(ja)
      .filter(([, message]) => /サインイン|サインアウト/.test(JSON.stringify(message)))
      .map(([key]) => key);
    expect(otherWord).toEqual([]);
  });
});
