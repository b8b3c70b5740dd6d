import { describe, expect, it } from 'vitest';
import { actionErrorText } from '@/lib/action-words';
import { readInJapanese } from '../locales/in-japanese';

/**
 * An action refused because X did not grant the scope it needs (lib/x/client.ts: 'missing-permission', known from the
 * token answer's `scope`). Signing in again grants it only when Perch's X app may: an app whose permissions are "Read"
 * is granted no write scope however often the person signs in (fundamentals--authentication--oauth-2-0--authorization-code,
 * Scopes). The words say both ways out, and where Perch shows what X granted.
 */
describe('an action X refused for a permission it did not grant', () => {
  it('says to sign in again, or to give the X app “Read and write”, and where to see what X granted', () => {
    const text = actionErrorText({ kind: 'missing-permission' });
    expect(text).toMatch(/^X did not grant Perch permission for this\./);
    expect(text).toContain('sign in with X again');
    expect(text).toContain('“Read and write”');
    expect(text).toContain('“Check my X app”');
  });

  it('says the same in Japanese', () => {
    readInJapanese();
    const text = actionErrorText({ kind: 'missing-permission' });
    expect(text).toContain('Xで再度ログイン');
    expect(text).toContain('「Read and write」');
    expect(text).toContain('「Xアプリを確認」');
  });
});
