import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';

describe('the unit test environment', () => {
  it('stores and reads back extension storage through the fake browser', async () => {
    await browser.storage.local.set({ k: 'v' });
    expect(await browser.storage.local.get('k')).toEqual({ k: 'v' });
  });
});
