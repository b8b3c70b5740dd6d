import { SEED_POSTS } from '../../emulator/seed';
import { hideComposer } from '../support/hidden-chunk';
import { CHROME_BUILD } from '../support/paths';
import { expect, popupOn, signIn, test } from './fixtures';

/**
 * The popup loads its composer from a file of its own when New post is pressed (entrypoints/popup/lazy.tsx). Here that
 * file is gone when it is asked for (as when Perch is updated under an open popup, or the disk fails), then back: the
 * popup says the screen could not load, keeps its way-in links, and Try again loads the composer.
 */

test('a composer whose file fails to load says so, keeps the way-in links, and loads on Try again', async ({ perch }) => {
  await signIn(perch, await perch.open('options'));
  const popup = await popupOn(perch, `https://x.com/gracehop/status/${SEED_POSTS.gracePhoto}`);
  await expect(popup.getByRole('region', { name: 'This post' })).toContainText('@gracehop');
  const restore = hideComposer(CHROME_BUILD);
  try {
    await popup.getByRole('button', { name: 'New post' }).click();
    await expect(popup.getByRole('alert')).toHaveText('Perch could not load this screen. Try again');
    const nav = popup.getByRole('navigation', { name: 'Perch' });
    await expect(nav.getByRole('button', { name: 'New post' })).toBeVisible();
    for (const name of ['Bookmarks', 'Lists', 'Drafts']) await expect(nav.getByRole('link', { name })).toBeVisible();

    restore();
    const again = popup.getByRole('button', { name: 'Try again' });
    await again.focus();
    await again.press('Enter');
    const composer = popup.getByRole('region', { name: 'New post' });
    await expect(composer).toBeVisible();
    await expect(composer.getByRole('textbox').first()).toBeFocused();
    await expect(popup.getByText('Perch could not load this screen.')).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Drafts' })).toBeVisible();
  } finally {
    restore();
  }
});
