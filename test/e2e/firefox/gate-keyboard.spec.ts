import type { Page } from 'puppeteer-core';
import { STATE_PAGES } from '../support/a11y-states';
import { expectFocusShown, focusedName, focusOnInFirefox, tabToInFirefox } from '../support/focus';
import { focusDrops, watchFocusDrops } from '../support/focus-drops';
import { expect, signIn, test } from './fixtures';

/**
 * The popup aimed at a post by another page waits for the person's click (lib/popup-gate.ts). A keyboard user who
 * reaches Show this post with Tab and presses Enter used to lose the focus to the page for good: their Tab counted as
 * "moved the focus themselves", so the first action never took it, and the button they pressed went from under it.
 * Now, while X's answer is held (a `hold` fault on getPostsByIds, GET /2/tweets), the focus waits on the line saying
 * the post loads, shown; then it is on Bookmark, shown; it never falls to the page.
 */

test('Show this post pressed with Enter: the focus waits on the loading line, then is on Bookmark, in Firefox', async ({ ff, emu }) => {
  await signIn(ff, ff.options);
  await emu.untilQuiet();
  const popup: Page = await ff.open('popup', `?url=${encodeURIComponent(STATE_PAGES.others)}&title=`);
  await popup.bringToFront();
  await tabToInFirefox(popup, 'Show this post', 'button');
  await emu.fault({ method: 'GET', path: '/2/tweets*', count: 1, kind: 'hold' });
  await popup.evaluate(watchFocusDrops);

  await popup.keyboard.press('Enter');
  await expect.poll(() => emu.held()).toBe(1);
  await expect.poll(() => popup.evaluate(focusedName)).toBe('Loading the post…');
  await expectFocusShown(popup);

  await emu.release();
  await expect.poll(() => popup.evaluate(focusedName)).toBe('Bookmark');
  await expectFocusShown(popup);
  expect(await popup.evaluate(focusDrops), 'the focus never fell to the page').toEqual([]);
});

test('Write a post about this page pressed with Enter: the focus waits on the composer, then is in its box, in Firefox', async ({ ff }) => {
  await signIn(ff, ff.options);
  const popup: Page = await ff.open('popup', `?url=${encodeURIComponent('https://example.com/article')}&title=An%20article`);
  await popup.bringToFront();
  await tabToInFirefox(popup, 'Write a post about this page', 'button');
  await popup.evaluate(watchFocusDrops);
  await popup.keyboard.press('Enter');
  await expect.poll(() => focusOnInFirefox(popup, 'Post text', 'textbox')).toBe(true);
  await expectFocusShown(popup);
  expect(await popup.evaluate(focusDrops), 'the focus never fell to the page').toEqual([]);
});
