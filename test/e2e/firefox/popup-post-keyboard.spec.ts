import { STATE_PAGES } from '../support/a11y-states';
import { expectFocusShown, focusedName, focusOnInFirefox, tabToInFirefox } from '../support/focus';
import { focusDrops, watchFocusDrops } from '../support/focus-drops';
import { hasButton, popupOn } from '../support/firefox-popup';
import { expect, setViewportSize, signIn, test } from './fixtures';

/**
 * Delete post on your own post, in the popup, by the keyboard alone in Firefox: its question opens on Cancel; Cancel
 * and Escape each give the focus back to Delete post; confirmed, the focus stays on Delete post, shown busy, while X
 * has not answered (a `hold` fault on deletePosts), then is on the line saying the post is deleted. Each time the
 * focus shows, and it never falls to the page.
 */

const POST = STATE_PAGES.own.split('/').pop()!;

test('asks before Delete post by keyboard, and keeps the focus shown in the popup until X has deleted it, in Firefox', async ({
  ff,
  emu,
}) => {
  await signIn(ff, ff.options);
  const popup = await popupOn(ff, STATE_PAGES.own);
  await setViewportSize(popup, 360, 600);
  await popup.bringToFront();
  await expect.poll(() => hasButton(popup, 'Delete post')).toBe(true);
  await tabToInFirefox(popup, 'Delete post', 'button');
  await popup.evaluate(watchFocusDrops);
  const backOnDeletePost = async () => {
    await expect.poll(() => popup.$$('dialog[open]').then((d) => d.length)).toBe(0);
    await expect.poll(() => popup.evaluate(focusedName)).toBe('Delete post');
    await expectFocusShown(popup);
  };

  // Cancel, pressed with Enter: the question goes, and Delete post has the focus again.
  await popup.keyboard.press('Enter');
  expect(await focusOnInFirefox(popup, 'Cancel', 'button')).toBe(true);
  await expectFocusShown(popup);
  await popup.keyboard.press('Enter');
  await backOnDeletePost();

  // Escape: the same.
  await popup.keyboard.press('Enter');
  expect(await focusOnInFirefox(popup, 'Cancel', 'button')).toBe(true);
  await popup.keyboard.press('Escape');
  await backOnDeletePost();

  // Confirmed while X holds its answer: the focus stays on Delete post, which shows the step in flight.
  await emu.fault({ method: 'DELETE', path: `/2/tweets/${POST}`, count: 1, kind: 'hold' });
  await popup.keyboard.press('Enter');
  expect(await focusOnInFirefox(popup, 'Cancel', 'button')).toBe(true);
  await popup.keyboard.down('Shift');
  await popup.keyboard.press('Tab');
  await popup.keyboard.up('Shift');
  await expect.poll(() => popup.evaluate(focusedName)).toBe('Delete post');
  await expectFocusShown(popup);
  await popup.keyboard.press('Enter');
  await expect.poll(() => emu.held()).toBe(1);
  await expect
    .poll(() => popup.evaluate(() => [document.activeElement?.textContent?.trim(), document.activeElement?.getAttribute('aria-busy')]))
    .toEqual(['Delete post', 'true']);
  await expectFocusShown(popup);

  await emu.release();
  await expect.poll(() => popup.evaluate(focusedName)).toBe('Deleted.');
  await expectFocusShown(popup);
  expect(await popup.evaluate(focusDrops), 'the focus never fell to the page').toEqual([]);
  expect((await emu.log()).filter((e) => e.method === 'DELETE' && e.path === `/2/tweets/${POST}`)).toHaveLength(1);
});
