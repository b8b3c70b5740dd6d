import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { accountsWithTokens, clearTokens, readAccessToken, readRefreshToken, saveTokenPair } from '@/lib/auth/token-store';

const pair = (refreshToken: string) => ({
  refreshToken,
  access: { token: `access-${refreshToken}`, expiresAt: 1_700_000_000_000, scope: 'tweet.read users.read offline.access' },
});

describe('the token store', () => {
  it('keeps the refresh token in storage.local only as ciphertext', async () => {
    await saveTokenPair('42', pair('refresh-secret-value'));
    const raw = JSON.stringify(await browser.storage.local.get(null));
    expect(raw).not.toContain('refresh-secret-value');
    expect(await readRefreshToken('42')).toBe('refresh-secret-value');
  });

  it('keeps the access token and its expiry in storage.session, not storage.local', async () => {
    await saveTokenPair('42', pair('r1'));
    expect(await readAccessToken('42')).toEqual(pair('r1').access);
    expect(JSON.stringify(await browser.storage.local.get(null))).not.toContain('access-r1');
  });

  it('keeps each account’s tokens apart', async () => {
    await saveTokenPair('1', pair('one'));
    await saveTokenPair('2', pair('two'));
    expect(await readRefreshToken('1')).toBe('one');
    expect(await readRefreshToken('2')).toBe('two');
    expect((await accountsWithTokens()).sort()).toEqual(['1', '2']);
    await clearTokens('1');
    expect(await readRefreshToken('1')).toBeUndefined();
    expect(await readAccessToken('1')).toBeUndefined();
    expect(await readRefreshToken('2')).toBe('two');
  });

  it('refuses a refresh token copied from another account’s slot', async () => {
    await saveTokenPair('1', pair('one'));
    const stored = await browser.storage.local.get('auth.refresh.1');
    await browser.storage.local.set({ 'auth.refresh.2': stored['auth.refresh.1'] });
    expect(await readRefreshToken('2')).toBeUndefined();
  });

  it('treats tampered or malformed stored values as no token rather than throwing', async () => {
    await saveTokenPair('1', pair('one'));
    const stored = (await browser.storage.local.get('auth.refresh.1'))['auth.refresh.1'] as { data: string };
    await browser.storage.local.set({ 'auth.refresh.1': { ...stored, data: btoa('garbage-bytes-here') } });
    expect(await readRefreshToken('1')).toBeUndefined();
    await browser.storage.local.set({ 'auth.refresh.1': 'not an object' });
    expect(await readRefreshToken('1')).toBeUndefined();
    await browser.storage.session.set({ 'auth.access.1': { token: 5 } });
    expect(await readAccessToken('1')).toBeUndefined();
  });
});
