import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSettings, saveClientId } from '@/lib/settings';

describe('a stored Client ID that is not text (a stray write, an old version)', () => {
  // identity is not in the fake browser: the settings read the callback URL from it.
  beforeEach(() => {
    Object.assign(fakeBrowser, { identity: { getRedirectURL: () => 'https://perchtestextensionid.chromiumapp.org/' } });
  });

  it.each([42, true, { id: 'abc' }, ['perch-client']])('reads %j as no Client ID of the person’s own', async (stored) => {
    const none = await readSettings();
    await browser.storage.local.set({ 'settings.clientId': stored });
    expect(await readSettings()).toEqual(none);
  });

  it('lets the person save their Client ID over it', async () => {
    await browser.storage.local.set({ 'settings.clientId': 42 });
    expect((await saveClientId('perch-own-client-1')).clientId).toBe('perch-own-client-1');
    expect((await readSettings()).clientId).toBe('perch-own-client-1');
  });
});
