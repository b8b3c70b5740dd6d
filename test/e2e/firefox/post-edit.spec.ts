import type { Page } from 'puppeteer-core';
import { ADA } from '../support/emulator-control';
import { typeInto } from '../support/firefox-input';
import { popupOn } from '../support/firefox-popup';
import { expect, signIn, test, textOf, type FirefoxPerch } from './fixtures';

/**
 * Editing your own post within X's window, in Firefox (x-api--fundamentals--edit-posts: 30 minutes, up to 5 edits;
 * each edit a new post id): from the published post's line and from the popup on your own post.
 */

const button = (page: Page, name: string) => page.locator(`::-p-aria(${name}[role="button"])`);
/** The visible names of the page's buttons. */
const buttons = (page: Page) => page.$$eval('button', (all) => all.map((b) => b.textContent?.trim() ?? '')).catch(() => [] as string[]);
const boxValue = (page: Page) => page.$eval('textarea', (t) => t.value).catch(() => null);

/** The post id of the published line's View on X link. */
const viewedId = async (page: Page) => (await page.$eval('.published a', (a) => a.getAttribute('href')))!.split('/').pop()!;

async function publish(ff: FirefoxPerch, text: string): Promise<{ popup: Page; id: string }> {
  const popup = await ff.open('popup');
  await typeInto(popup, text);
  await button(popup, 'Post').click();
  await expect.poll(() => textOf(popup, '.published')).toContain('Your post is on X.');
  return { popup, id: await viewedId(popup) };
}

test.describe('editing a post in Firefox', () => {
  test('Edit on the published post, Update, and the popup on the new version shows its text and the time left', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    const { popup, id } = await publish(ff, 'Helo wrold from Firefox');
    await button(popup, 'Edit').click();
    await expect.poll(() => boxValue(popup)).toBe('Helo wrold from Firefox');
    await expect.poll(() => textOf(popup, '.composer')).toMatch(/Editing your post · (30|29) min left · 5 edits left/);
    await typeInto(popup, 'Hello world from Firefox');
    await emu.clearLog();
    await button(popup, 'Update').click();
    await expect.poll(() => textOf(popup, '.published')).toContain('Your post was edited.');
    const edited = await viewedId(popup);
    expect(edited).not.toBe(id);
    expect((await emu.log()).filter((e) => e.method === 'POST' && e.path === '/2/tweets').map((e) => e.status)).toEqual([201]);

    const onPost = await popupOn(ff, `https://x.com/${ADA.username}/status/${edited}`);
    await expect.poll(() => textOf(onPost, '.post-card')).toContain('Hello world from Firefox');
    await expect.poll(() => buttons(onPost)).toContain('Edit post');
    expect(await textOf(onPost, '.post-panel')).toMatch(/(30|29) min left to edit · 4 edits left/);
  });

  test('past X’s 30 minutes: the edit is refused in words with its text kept, and the post offers no Edit', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    const { popup, id } = await publish(ff, 'Firefox, nearly too late');
    await button(popup, 'Edit').click();
    await expect.poll(() => boxValue(popup)).toBe('Firefox, nearly too late');
    await typeInto(popup, 'Firefox, nearly too late, fixed');
    await emu.advanceClock(31 * 60);
    await button(popup, 'Update').click();
    await expect.poll(() => textOf(popup, '[role="alert"]:not(:empty)')).toContain('X would not edit your post');
    expect(await boxValue(popup)).toBe('Firefox, nearly too late, fixed');

    const onPost = await popupOn(ff, `https://x.com/${ADA.username}/status/${id}`);
    await expect.poll(() => buttons(onPost)).toContain('Delete post');
    expect(await buttons(onPost)).not.toContain('Edit post');
  });
});
