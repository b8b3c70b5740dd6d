import type { Page } from 'puppeteer-core';
import { typeInto } from '../support/firefox-input';
import { expect, signIn, test, textOf, type FirefoxPerch } from './fixtures';

const LINK_POST = 'Worth a read: https://example.com/article';

/** The popup's composer holding a link, once it has read the text (its link count shows). */
async function composerWithLink(ff: FirefoxPerch): Promise<Page> {
  const popup = await ff.open('popup');
  await typeInto(popup, LINK_POST);
  await popup.locator('::-p-text(The link counts as 23 characters.)').wait();
  return popup;
}

test.describe('costs in Firefox', () => {
  test('the composer says a link post’s price once, until Got it', async ({ ff }) => {
    await signIn(ff, ff.options);
    let popup = await composerWithLink(ff);
    await expect.poll(() => textOf(popup, '.link-cost-note')).toContain('A post with a link costs $0.200');
    await popup.locator('::-p-aria(Got it[role="button"])').click();
    await expect.poll(() => popup.$$eval('.link-cost-note', (els) => els.length)).toBe(0);
    await popup.close();

    popup = await composerWithLink(ff);
    // The composer has drawn the link's count; give storage's answer a moment, then the note must still be absent.
    await new Promise((r) => setTimeout(r, 500));
    expect(await popup.$$eval('.link-cost-note', (els) => els.length)).toBe(0);
  });

  test('the settings list X’s prices', async ({ ff }) => {
    await signIn(ff, ff.options);
    await expect.poll(() => textOf(ff.options, '#costs-heading')).toBe('Costs');
    await expect.poll(() => textOf(ff.options, '.costs')).toContain('Post or reply with a link$0.200');
  });
});
