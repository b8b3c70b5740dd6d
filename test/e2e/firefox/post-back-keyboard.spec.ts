import type { Page } from 'puppeteer-core';
import { ADA } from '../support/emulator-control';
import { typeInto } from '../support/firefox-input';
import { hasButton, popupOn } from '../support/firefox-popup';
import { expectFocusShown, focusedName, tabToInFirefox as tabTo } from '../support/focus';
import { focusDrops, watchFocusDrops } from '../support/focus-drops';
import { expect, signIn, test, textOf, type FirefoxPerch } from './fixtures';

/**
 * The popup on your own post, by the keyboard alone in Firefox: Edit post and Reply each open a composer with the focus
 * in its box, and its Back to the post, pressed with Enter, gives the focus back to the button that opened it. It
 * used to go with the button it was on, to the page, and the next Tab started again from the popup's top. Edit post
 * then Update, pressed with Enter, says the post was edited (x-api--fundamentals--edit-posts: within 30 minutes) with
 * the focus on its View on X link. The Chromium walk of the edit is chromium/post-edit-keyboard.spec.ts.
 */

/** Ada's new post, published from the popup's composer; the popup on it, its actions drawn. */
async function onOwnNewPost(ff: FirefoxPerch, text: string): Promise<Page> {
  const composer = await ff.open('popup');
  await typeInto(composer, text);
  await composer.locator('::-p-aria(Post[role="button"])').click();
  await expect.poll(() => textOf(composer, '.published')).toContain('Your post is on X.');
  const id = (await composer.$eval('.published a', (a) => a.getAttribute('href')))!.split('/').pop()!;
  await composer.close();
  const popup = await popupOn(ff, `https://x.com/${ADA.username}/status/${id}`);
  await popup.bringToFront();
  await expect.poll(() => hasButton(popup, 'Edit post')).toBe(true);
  return popup;
}

/** The composer's box has the focus, shown. */
async function inTheBox(popup: Page): Promise<void> {
  await expect.poll(() => popup.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
  await expectFocusShown(popup);
}

test('Back to the post gives the focus back to Edit post and Reply, and Update keeps it, in Firefox', async ({ ff, emu }) => {
  await signIn(ff, ff.options);
  const popup = await onOwnNewPost(ff, 'Helo wrold from Firefox');

  for (const opener of ['Edit post', 'Reply']) {
    await tabTo(popup, opener, 'button');
    await popup.keyboard.press('Enter');
    await inTheBox(popup);
    await tabTo(popup, 'Back to the post', 'button');
    await popup.evaluate(watchFocusDrops);
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.evaluate(focusedName), { message: `the focus is back on ${opener}` }).toBe(opener);
    await expectFocusShown(popup);
    expect(await popup.evaluate(focusDrops), 'the focus never fell to the page').toEqual([]);
  }

  // Edit post, then Update with Enter: X makes the new version, and the line saying so has the focus on View on X.
  await tabTo(popup, 'Edit post', 'button');
  await popup.keyboard.press('Enter');
  await inTheBox(popup);
  await popup.keyboard.press('End');
  await popup.keyboard.type(', fixed');
  await emu.clearLog();
  await tabTo(popup, 'Update', 'button');
  await popup.keyboard.press('Enter');
  await expect.poll(() => textOf(popup, '.published')).toContain('Your post was edited.');
  await expect.poll(() => popup.evaluate(focusedName)).toBe('View on X');
  await expectFocusShown(popup);
  expect((await emu.log()).filter((e) => e.method === 'POST' && e.path === '/2/tweets').map((e) => e.status)).toEqual([201]);
});
