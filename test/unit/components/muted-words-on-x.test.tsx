import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RelationView } from '@/components/manager/RelationView';
import { readInJapanese } from '../locales/in-japanese';
import { renderInPage } from '../support/react-page';
import { withEmptyStore } from '../support/store';

/**
 * People look in the Muted tab for their muted words, which X's API v2 does not give apps (its mutes are of accounts
 * only: x-api--users--mutes--introduction, /2/users/{id}/muting). The tab said nothing of them; it now says they are
 * managed on x.com, with a plain link to X's page for them. The Blocked tab does not say it.
 */

const ACCOUNT = '2244994945';

withEmptyStore();

/** The tab's words and its links (name and address), from the store alone (the background never answers). */
async function tab(relation: 'muted' | 'blocked'): Promise<{ text: string; links: { name: string; href: string; target: string }[] }> {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockReturnValue(new Promise<never>(() => undefined) as never);
  const page = await renderInPage(<RelationView accountId={ACCOUNT} relation={relation} />, { settleMs: 50 });
  try {
    const section = page.container.querySelector('section');
    return {
      text: section?.textContent ?? '',
      links: [...page.container.querySelectorAll('a')].map((a) => ({
        name: a.textContent ?? '',
        href: a.getAttribute('href') ?? '',
        target: a.getAttribute('target') ?? '',
      })),
    };
  } finally {
    await page.leave();
  }
}

describe('the Muted tab on muted words', () => {
  it('says they are managed on x.com, with a link to them there', async () => {
    const shown = await tab('muted');
    expect(shown.text).toContain('Muted words are managed on x.com.');
    expect(shown.links).toContainEqual({
      name: 'Open muted words on x.com',
      href: 'https://x.com/settings/muted_keywords',
      target: '_blank',
    });
  });

  it('says it in Japanese to a Japanese reader', async () => {
    readInJapanese();
    const shown = await tab('muted');
    expect(shown.text).toContain('ミュートするキーワードはx.comで管理します。');
    expect(shown.links.map((l) => l.name)).toContain('x.comでミュートするキーワードを開く');
  });

  it('is said in the Muted tab only, not the Blocked one', async () => {
    const muted = await tab('muted');
    const blocked = await tab('blocked');
    expect(muted.links.some((l) => l.href.includes('muted_keywords'))).toBe(true);
    expect(blocked.text).not.toContain('Muted words');
    expect(blocked.links.some((l) => l.href.includes('muted_keywords'))).toBe(false);
  });
});
