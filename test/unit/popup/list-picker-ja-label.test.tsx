import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ListPicker } from '@/entrypoints/popup/ListPicker';
import { readInJapanese } from '../locales/in-japanese';
import { renderInPage } from '../support/react-page';

// "Add to list…" opens the person's OWN Lists, to add @gracehop to. In English the region is "Lists for
// @gracehop"; in Japanese it is 「@gracehopさんのリスト」, which says "@gracehop's Lists" (Lists she owns): a screen
// reader user hears the wrong thing. Expected words such as 「@gracehopさんを追加するリスト」.

const USER = { id: '1452871219391512578', name: 'Grace Hopper', username: 'gracehop' };

describe('the popup’s list picker, read in Japanese', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is named as the Lists to add the person to, not as the person’s own Lists', async () => {
    readInJapanese();
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, data: [] } as never);
    const page = await renderInPage(<ListPicker accountId="1" user={USER} onChanged={() => undefined} />, { settleMs: 30 });
    try {
      const label = page.document.querySelector('section')?.getAttribute('aria-label') ?? '';
      expect(label).toContain('@gracehop');
      expect(label).toContain('追加');
    } finally {
      await page.leave();
    }
  });
});
