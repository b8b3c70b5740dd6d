import { GRACE_PHOTO_ALT, SEED_POSTS } from '../../emulator/seed';
import { scan } from '../support/axe-chromium';
import { expect, popupOn, signIn, test } from './fixtures';

/**
 * Issue 15, alt text "shown in the popup card and the manager for posts that carry it": the picture carries X's
 * description as its `alt`, and X's "ALT" badge shows the description to everyone, as x.com does.
 */
const GRACE = 'gracehop';
const POST = SEED_POSTS.gracePhoto;

test.describe('alt text shown, in Chromium', () => {
  test('the popup’s post card and the manager show the picture with its description, and ALT reveals it', async ({ perch }) => {
    await signIn(perch, await perch.open('options'));

    const popup = await popupOn(perch, `https://x.com/${GRACE}/status/${POST}`, {
      viewport: { width: 360, height: 600 },
      show: 'Show this post',
    });
    const card = popup.getByRole('region', { name: 'This post' });
    await expect(card.getByRole('img', { name: GRACE_PHOTO_ALT })).toBeVisible();
    const alt = card.getByRole('button', { name: /^ALT/ });
    await expect(alt).toHaveText('ALT');
    await expect(alt).toHaveAttribute('aria-expanded', 'false');
    await expect(card.getByText(GRACE_PHOTO_ALT)).toHaveCount(0);
    await alt.click();
    await expect(alt).toHaveAttribute('aria-expanded', 'true');
    await expect(card.getByText(GRACE_PHOTO_ALT)).toBeVisible();
    await scan(popup, 'popup on a post with a described picture, description shown');
    await alt.click();
    await expect(card.getByText(GRACE_PHOTO_ALT)).toHaveCount(0);

    const manager = await perch.open('manager');
    const tab = manager.getByRole('tabpanel', { name: 'Bookmarks' });
    await tab.getByRole('searchbox', { name: 'Search bookmarks' }).fill('First actual case of bug');
    const bookmark = tab.getByRole('listitem').filter({ hasText: 'First actual case of bug being found' });
    await expect(bookmark.getByRole('img', { name: GRACE_PHOTO_ALT })).toBeVisible();
    await bookmark.getByRole('button', { name: /^ALT/ }).click();
    await expect(bookmark.getByText(GRACE_PHOTO_ALT)).toBeVisible();
  });
});
