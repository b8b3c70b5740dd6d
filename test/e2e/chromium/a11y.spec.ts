import { SEED_POSTS } from '../../emulator/seed';
import { scan } from '../support/axe-chromium';
import { expect, popupOn, signIn, test } from './fixtures';

const GRACE = 'gracehop';

/** The popup's own size, which the scans read it at. */
const POPUP = { viewport: { width: 360, height: 600 } };

/** Every screen state a new user meets, scanned by axe-core light and dark (test/e2e/support/axe.ts). */
test('every screen passes an axe scan, light and dark, in Chromium', async ({ perch }) => {
  // Each scan takes a second or two, light and dark: more than the suite's 90 s for one test.
  test.setTimeout(300_000);
  const scanned: string[] = [];

  const options = await perch.open('options');
  await expect(options.getByRole('button', { name: 'Sign in with X' })).toBeVisible();
  scanned.push(await scan(options, 'settings, signed out'));
  const signedOutPopup = await perch.open('popup');
  await expect(signedOutPopup.getByRole('button', { name: 'Sign in with X' })).toBeVisible();
  scanned.push(await scan(signedOutPopup, 'popup, signed out'));
  await signedOutPopup.close();
  await signIn(perch, options);
  scanned.push(await scan(options, 'settings, signed in'));

  const gate = await perch.context.newPage();
  await gate.goto(`chrome-extension://${perch.id}/popup.html?url=${encodeURIComponent('https://example.com/')}&title=`);
  await expect(gate.getByRole('region', { name: 'Opened by another page' })).toBeVisible();
  scanned.push(await scan(gate, 'popup, opened by another page'));
  await gate.close();

  const onPost = await popupOn(perch, `https://x.com/${GRACE}/status/${SEED_POSTS.gracePhoto}`, POPUP);
  await expect(onPost.getByRole('region', { name: 'This post' })).toContainText(`@${GRACE}`);
  scanned.push(await scan(onPost, 'popup on a post'));
  // The popup opens with focus on its first action, and each action's status region is there before its words.
  await expect(onPost.getByRole('button', { name: 'Bookmark', exact: true })).toBeFocused();
  await expect(onPost.getByRole('heading', { level: 1 })).toHaveText('Perch for X');
  // The status region under the rows that the button names first as its description (aria-describedby); then, no
  // bookmark sync having run, the note that Perch has not read the bookmarks (Grace's photo is bookmarked on X).
  const bookmark = onPost.getByRole('button', { name: 'Bookmark', exact: true });
  await expect(bookmark).toHaveAccessibleDescription(/Perch has not read your bookmarks from X yet/);
  const noteId = (await bookmark.getAttribute('aria-describedby'))?.split(' ')[0];
  const bookmarkStatus = onPost.locator(`[id="${noteId}"]`);
  await expect(bookmarkStatus).toHaveRole('status');
  await expect(bookmarkStatus).toHaveText('');
  await onPost.getByRole('button', { name: 'Bookmark', exact: true }).click();
  await expect(onPost.getByRole('button', { name: 'Remove bookmark', exact: true })).toBeVisible();
  scanned.push(await scan(onPost, 'popup on a post, bookmarked'));
  await onPost.close();

  const onProfile = await popupOn(perch, `https://x.com/${GRACE}`, POPUP);
  await expect(onProfile.getByRole('button', { name: 'Mute', exact: true })).toBeVisible();
  scanned.push(await scan(onProfile, 'popup on a profile'));
  await onProfile.close();

  const share = await popupOn(perch, 'https://example.com/article', POPUP);
  await expect(share.getByRole('textbox').first()).toBeVisible();
  scanned.push(await scan(share, 'popup sharing a page'));
  await share.close();

  const panel = await perch.open('sidepanel');
  await panel.setViewportSize({ width: 360, height: 800 });
  await expect(panel.getByText('800 bookmarks', { exact: true })).toBeVisible({ timeout: 30_000 });
  scanned.push(await scan(panel, 'side panel, bookmarks'));
  // One main landmark with the page's h1, and a "skip to" link past the header and tabs to the open tab's list.
  await expect(panel.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Perch manager');
  await panel.getByRole('link', { name: 'Skip to Bookmarks' }).focus();
  await expect(panel.getByRole('link', { name: 'Skip to Bookmarks' })).toBeInViewport();
  await panel.keyboard.press('Enter');
  await expect(panel.getByRole('tabpanel', { name: 'Bookmarks' })).toBeFocused();
  await panel.getByText('New post', { exact: true }).click();
  await expect(panel.getByRole('textbox').first()).toBeVisible();
  scanned.push(await scan(panel, 'side panel, new post'));
  for (const tab of ['Lists', 'Muted', 'Blocked', 'Activity']) {
    await panel.getByRole('tab', { name: tab }).click();
    await expect(panel.getByRole('tab', { name: tab, selected: true })).toBeVisible();
    await expect(panel.getByRole('tabpanel', { name: tab })).not.toBeEmpty();
    scanned.push(await scan(panel, `side panel, ${tab}`));
  }
  await panel.getByRole('tab', { name: 'Lists' }).click();
  const lists = panel.getByRole('tabpanel', { name: 'Lists' });
  await lists.getByRole('button', { name: 'New list' }).click();
  await expect(lists.getByRole('textbox', { name: 'Name' })).toBeVisible();
  scanned.push(await scan(panel, 'side panel, new list form'));
  await lists.getByRole('button', { name: 'Cancel' }).click();
  await lists.getByRole('button', { name: 'Compiler folks 🛠️', exact: true }).click();
  await expect(lists.getByRole('heading', { name: 'Compiler folks 🛠️' })).toBeVisible();
  scanned.push(await scan(panel, 'side panel, a list'));
  await panel.getByRole('tab', { name: 'Muted' }).click();
  await panel.getByRole('tabpanel', { name: 'Muted' }).getByRole('button', { name: 'Sync now' }).click();
  await expect(panel.getByRole('tabpanel', { name: 'Muted' }).getByText(/^Last synced /)).toBeVisible();
  scanned.push(await scan(panel, 'side panel, Muted, synced'));

  const manager = await perch.open('manager');
  await expect(manager.getByText('800 bookmarks', { exact: true })).toBeVisible({ timeout: 30_000 });
  scanned.push(await scan(manager, 'manager, bookmarks'));

  expect(scanned).toHaveLength(18);
});
