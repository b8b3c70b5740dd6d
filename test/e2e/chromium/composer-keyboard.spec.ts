import { fileDialogs } from '../support/file-chooser';
import { expectFocusShown, tabTo } from '../support/focus';
import { PNG } from '../support/media';
import { postOfWeight } from '../support/posts';
import { expect, signIn, test } from './fixtures';

/**
 * The composer with the keyboard alone, in the popup: write a post, add a second post to the thread and remove it,
 * attach an image (Enter on Add image, the file chosen in the browser's own dialog), describe it, remove it, go over
 * X's limit and back, publish — each control reached with Tab or Shift+Tab and pressed with Enter, each showing where
 * the focus is, and the focus never dropped to the page after an action.
 */

test('writes a thread, describes and removes an image, and posts with the keyboard alone, in Chromium', async ({ perch, emu }) => {
  test.setTimeout(120_000);
  await signIn(perch, await perch.open('options'));
  const popup = await perch.open('popup');
  const dialogs = fileDialogs(popup);
  const first = popup.getByRole('textbox', { name: 'Post text' });
  await expect(first).toBeFocused();
  await popup.keyboard.type('A robin at the feeder');

  // A second post: the focus goes to its box; removed, back to the end of the first.
  await tabTo(popup, popup.getByRole('button', { name: 'Add post to thread' }));
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('textbox', { name: 'Post 2 of 2' })).toBeFocused();
  await popup.keyboard.type('and a second one');
  await tabTo(popup, popup.getByRole('button', { name: 'Remove post 2' }));
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('textbox', { name: 'Post 2 of 2' })).toHaveCount(0);
  await expect(first).toBeFocused();
  await popup.keyboard.type('!');
  await expect(first).toHaveValue('A robin at the feeder!');

  // An image, chosen in the browser's dialog opened by Enter; described; removed.
  const addImage = popup.getByRole('button', { name: 'Add image' });
  await tabTo(popup, addImage);
  await popup.keyboard.press('Enter');
  await (await dialogs.next()).setFiles({ name: 'robin.png', mimeType: 'image/png', buffer: PNG });
  await tabTo(popup, popup.getByRole('button', { name: 'Add description (robin.png)' }), 'Shift+Tab');
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('textbox', { name: 'Description of robin.png' })).toBeFocused();
  await popup.keyboard.type('A robin');
  await tabTo(popup, popup.getByRole('button', { name: 'Remove image robin.png' }), 'Shift+Tab');
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('list', { name: 'Images in post 1' })).toHaveCount(0);
  // The image is gone, and the focus is on the button that adds one again, not lost to the page.
  await expect(addImage).toBeFocused();
  await expectFocusShown(popup);

  // Over X's limit: said, with by how much; back within it: said too.
  await first.focus();
  await popup.keyboard.press('Control+A');
  await popup.keyboard.insertText(postOfWeight(280));
  await popup.keyboard.type('ab');
  await expect(popup.getByRole('status').filter({ hasText: '2 characters over the limit' })).toBeAttached();
  await popup.keyboard.press('Backspace');
  await popup.keyboard.press('Backspace');
  await expect(popup.getByRole('status').filter({ hasText: 'Within the limit again' })).toBeAttached();

  // Published: the outcome is said, and the focus lands on it, not on the page.
  await emu.clearLog();
  await tabTo(popup, popup.getByRole('button', { name: 'Post', exact: true }));
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('status').filter({ hasText: 'Your post is on X.' })).toBeVisible();
  await expect(popup.locator('body')).not.toBeFocused();
  const view = popup.getByRole('link', { name: 'View on X' });
  await expect(view).toBeFocused();
  await expectFocusShown(popup);

  // Delete asks first, the focus on the answer that keeps the post; Keep it puts it back on Delete.
  const del = popup.getByRole('button', { name: 'Delete', exact: true });
  await tabTo(popup, del);
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await expectFocusShown(popup);
  await popup.keyboard.press('Enter');
  await expect(del).toBeFocused();
  // Deleted: the question goes, and so does the link to a post no longer on X: the focus waits on the word.
  await popup.keyboard.press('Enter');
  await tabTo(popup, popup.getByRole('button', { name: 'Delete post' }), 'Shift+Tab');
  await popup.keyboard.press('Enter');
  await expect(popup.getByText('Your post is deleted from X.')).toBeFocused();
  await expect(view).toHaveCount(0);
  expect((await emu.log()).filter((e) => e.method === 'DELETE').map((e) => e.status)).toEqual([200]);
});

test('when X refuses a post sent with Enter on Post, says so with the focus still on Post, in Chromium', async ({ perch, emu }) => {
  await signIn(perch, await perch.open('options'));
  const popup = await perch.open('popup');
  await expect(popup.getByRole('textbox', { name: 'Post text' })).toBeFocused();
  await popup.keyboard.type('Refused, and the focus kept');
  await emu.fault({ method: 'POST', path: '/2/tweets', count: 1, kind: 'status', status: 403 });
  const post = popup.getByRole('button', { name: 'Post', exact: true });
  await tabTo(popup, post);
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('alert').filter({ hasText: 'X does not allow this.' })).toBeVisible();
  await expect(popup.locator('body')).not.toBeFocused();
  await expect(post).toBeFocused();
  await expectFocusShown(popup);
  // Pressed again once X's answer is in, it posts.
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('status').filter({ hasText: 'Your post is on X.' })).toBeVisible();
});
