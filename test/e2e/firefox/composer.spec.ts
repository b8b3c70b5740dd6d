import { ADA } from '../support/emulator-control';
import { postOfWeight } from '../support/posts';
import { expect, signIn, test, textOf } from './fixtures';
import type { Page } from 'puppeteer-core';

const box = (page: Page, name = 'Post text') => page.locator(`::-p-aria(${name}[role="textbox"])`);
const button = (page: Page, name: string) => page.locator(`::-p-aria(${name}[role="button"])`);

async function typeInto(page: Page, text: string): Promise<void> {
  // Set the whole text at once (as a paste would), then let React see the input event.
  await page.$eval(
    'textarea',
    (el, value) => {
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
      setter.call(el, value);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    text,
  );
}

test.describe('the composer in Firefox', () => {
  test('counts emoji, CJK and a URL as X does, posts, and deletes', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    const popup = await ff.open('popup');
    await box(popup).wait();
    await typeInto(popup, postOfWeight(200));
    await expect.poll(() => popup.$eval('.counter', (e) => e.getAttribute('aria-label'))).toBe('80 characters left');
    await button(popup, 'Post').click();
    await expect.poll(() => textOf(popup, '.published')).toContain('Your post is on X.');
    const href = await popup.$eval('.published a', (a) => a.getAttribute('href'));
    expect(href).toMatch(new RegExp(`^https://x\\.com/${ADA.username}/status/\\d+$`));
    await button(popup, 'Delete').click();
    await button(popup, 'Delete post').click();
    await expect.poll(() => textOf(popup, '.published')).toContain('Deleted.');
    const postId = href!.split('/').pop()!;
    expect((await emu.log()).filter((e) => e.method === 'DELETE' && e.path === `/2/tweets/${postId}`).map((e) => e.status)).toEqual([200]);
  });

  test('refuses 281 weighted characters and allows 280', async ({ ff }) => {
    await signIn(ff, ff.options);
    const popup = await ff.open('popup');
    await box(popup).wait();
    await typeInto(popup, postOfWeight(281));
    await expect.poll(() => popup.$eval('.counter', (e) => e.getAttribute('aria-label'))).toBe('1 characters over the limit');
    expect(await popup.$eval('.composer-actions .primary', (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    await typeInto(popup, postOfWeight(280));
    await expect.poll(() => popup.$eval('.counter', (e) => e.getAttribute('aria-label'))).toBe('0 characters left');
    await button(popup, 'Post').click();
    await expect.poll(() => textOf(popup, '.published')).toContain('Your post is on X.');
  });

  test('keeps the draft when the popup closes, and says when the outcome of a post is unknown', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    let popup = await ff.open('popup');
    await box(popup).wait();
    await typeInto(popup, 'Half a thought about 日本 and 🐦‍🔥');
    await popup.close();
    popup = await ff.open('popup');
    await expect.poll(() => popup.$eval('textarea', (t) => t.value)).toBe('Half a thought about 日本 and 🐦‍🔥');

    await emu.fault({ method: 'POST', path: '/2/tweets', count: 1, kind: 'cut' });
    await button(popup, 'Post').click();
    await expect.poll(() => textOf(popup, '.notice')).toContain('can’t tell whether your post went out');
    expect(await popup.$eval('textarea', (t) => t.value)).toBe('Half a thought about 日本 and 🐦‍🔥');
    expect((await emu.log()).filter((e) => e.method === 'POST' && e.path === '/2/tweets').map((e) => e.status)).toEqual([201]);
  });
});
