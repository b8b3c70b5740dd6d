import type { Page } from 'puppeteer-core';
import { expectFocusShown, focusedName, focusOnInFirefox as focusOn, tabToInFirefox as tabTo } from '../support/focus';
import { focusDrops, watchFocusDrops } from '../support/focus-drops';
import { expect, signIn, test } from './fixtures';

/**
 * Post pressed from the keyboard when X's answer never arrives (a `cut` fault on createPosts: X publishes it, the
 * connection drops; x-api--fundamentals--response-codes-and-errors), in the popup in Firefox: Post gives way to Post
 * again and Check on X, and the focus goes to Check on X, shown, never to the page; Post again, confirmed, keeps the
 * focus on its question until X has answered (a duplicate), then on Post again.
 */

const postsSent = async (emu: { log(): Promise<{ method: string; path: string }[]> }) =>
  (await emu.log()).filter((e) => e.method === 'POST' && e.path === '/2/tweets').length;

test('when X’s answer to Post never comes, the focus goes to Check on X, not the page, in Firefox', async ({ ff, emu }) => {
  await signIn(ff, ff.options);
  const popup: Page = await ff.open('popup');
  await expect.poll(() => focusOn(popup, 'Post text', 'textbox')).toBe(true);
  await popup.keyboard.type('Did this one make it?');
  await tabTo(popup, 'Post', 'button');
  await popup.evaluate(watchFocusDrops);

  await emu.fault({ method: 'POST', path: '/2/tweets', count: 1, kind: 'cut' });
  await popup.keyboard.press('Enter');
  await expect
    .poll(() => popup.$$eval('[role="alert"]', (all) => all.map((a) => a.textContent).join(' ')))
    .toContain('can’t tell whether your post went out');
  await expect.poll(() => popup.evaluate(focusedName)).toBe('Check on X');
  await expectFocusShown(popup);
  expect(await popup.$eval('textarea', (t) => t.value)).toBe('Did this one make it?');

  // Post again asks first; confirmed, X has it already and says so, and the focus is back on Post again.
  await tabTo(popup, 'Post again', 'button');
  await popup.keyboard.press('Enter');
  expect(await focusOn(popup, 'Cancel', 'button')).toBe(true);
  await tabTo(popup, 'Yes, post again', 'button');
  await popup.keyboard.press('Enter');
  await expect.poll(() => postsSent(emu)).toBe(2);
  await expect.poll(() => popup.evaluate(focusedName)).toBe('Post again');
  await expectFocusShown(popup);
  expect(await popup.evaluate(focusDrops), 'the focus never fell to the page').toEqual([]);
});
