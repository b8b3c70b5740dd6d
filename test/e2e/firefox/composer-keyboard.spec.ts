import type { ElementHandle, Page } from 'puppeteer-core';
import { expectFocusShown, focusOnInFirefox as focusOn, tabToInFirefox as tabTo } from '../support/focus';
import { fileOf, PNG } from '../support/media';
import { postOfWeight } from '../support/posts';
import { typeInto } from '../support/firefox-input';
import { expect, signIn, test, textOf } from './fixtures';

/**
 * The composer with the keyboard alone, in the popup in Firefox: write a post, add a second post to the thread and
 * remove it, describe an image and remove it, go over X's limit and back, publish, and Delete's question — each
 * control reached with Tab or Shift+Tab and pressed with Enter, each showing where the focus is, and the focus never
 * dropped to the page after an action. (BiDi has no file chooser: the image goes straight into the file input.)
 */

/** The popup's live regions' words, joined. */
const statusWords = (page: Page) => page.$$eval('[role="status"]', (all) => all.map((s) => s.textContent).join(' | '));

test('writes a thread, describes and removes an image, and posts with the keyboard alone, in Firefox', async ({ ff, emu }) => {
  test.setTimeout(150_000);
  await signIn(ff, ff.options);
  const popup = await ff.open('popup');
  await expect.poll(() => focusOn(popup, 'Post text', 'textbox')).toBe(true);
  await popup.keyboard.type('A robin');

  // A second post: the focus goes to its box; removed, back to the end of the first.
  await tabTo(popup, 'Add post to thread', 'button');
  await popup.keyboard.press('Enter');
  await expect.poll(() => focusOn(popup, 'Post 2 of 2', 'textbox')).toBe(true);
  await popup.keyboard.type('and more');
  await tabTo(popup, 'Remove post 2', 'button');
  await popup.keyboard.press('Enter');
  await expect.poll(() => popup.$$eval('textarea', (all) => all.length)).toBe(1);
  await expect.poll(() => focusOn(popup, 'Post text', 'textbox')).toBe(true);
  await popup.keyboard.type('!');
  expect(await popup.$eval('textarea', (t) => t.value)).toBe('A robin!');

  // An image: described, then removed; the focus goes to the button that adds one again.
  const input = (await popup.$('input[type="file"]')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(fileOf('robin.png', PNG));
  await tabTo(popup, 'Add description \\(robin.png\\)', 'button');
  await popup.keyboard.press('Enter');
  await expect.poll(() => focusOn(popup, 'Description of robin.png', 'textbox')).toBe(true);
  await popup.keyboard.type('A robin');
  await tabTo(popup, 'Remove image robin.png', 'button');
  await popup.keyboard.press('Enter');
  await expect.poll(() => popup.$$eval('.media-list', (all) => all.length)).toBe(0);
  await expect.poll(() => focusOn(popup, 'Add image', 'button')).toBe(true);
  await expectFocusShown(popup);

  // Over X's limit: said, with by how much; back within it: said too.
  await typeInto(popup, postOfWeight(280));
  await popup.$eval('textarea', (t) => t.focus());
  await popup.keyboard.press('End');
  await popup.keyboard.type('ab');
  await expect.poll(() => statusWords(popup)).toContain('2 characters over the limit');
  await popup.keyboard.press('Backspace');
  await popup.keyboard.press('Backspace');
  await expect.poll(() => statusWords(popup)).toContain('Within the limit again');

  // Published: the focus lands on the post's link, not on the page.
  await tabTo(popup, 'Post', 'button');
  await popup.keyboard.press('Enter');
  await expect.poll(() => textOf(popup, '.published')).toContain('Your post is on X.');
  await expect.poll(() => focusOn(popup, 'View on X', 'link')).toBe(true);
  await expectFocusShown(popup);

  // Delete asks first, the focus on Keep it; Keep it puts it back on Delete; Delete post leaves it on the word.
  await tabTo(popup, 'Delete', 'button');
  await popup.keyboard.press('Enter');
  await expect.poll(() => focusOn(popup, 'Keep it', 'button')).toBe(true);
  await popup.keyboard.press('Enter');
  await expect.poll(() => focusOn(popup, 'Delete', 'button')).toBe(true);
  await popup.keyboard.press('Enter');
  await tabTo(popup, 'Delete post', 'button');
  await emu.clearLog();
  await popup.keyboard.press('Enter');
  await expect.poll(() => textOf(popup, '.published')).toContain('Your post is deleted from X.');
  // The link to a post no longer on X is gone: the focus waits on the one line that says so.
  await expect.poll(() => popup.evaluate(() => document.activeElement?.textContent ?? '')).toBe('Your post is deleted from X.');
  expect(await popup.evaluate(() => [...document.querySelectorAll('.published a')].length)).toBe(0);
  expect((await emu.log()).filter((e) => e.method === 'DELETE').map((e) => e.status)).toEqual([200]);
});
