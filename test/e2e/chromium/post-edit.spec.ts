import type { Page } from '@playwright/test';
import { ADA } from '../support/emulator-control';
import { expect, popupOn, signIn, test, type Perch } from './fixtures';

/**
 * Editing your own post within X's window (x-api--fundamentals--edit-posts: 30 minutes, up to 5 edits; each edit a
 * new post id): from the published post's line and from the popup on your own post, with the time left shown.
 */

/** Posts `text` from the popup's composer and returns the new post's id, from its View on X link. */
async function publish(perch: Perch, text: string): Promise<{ popup: Page; id: string }> {
  const popup = await perch.open('popup');
  await popup.getByRole('textbox', { name: 'Post text' }).fill(text);
  await popup.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(popup.getByText('Your post is on X.')).toBeVisible();
  return { popup, id: await viewedId(popup) };
}

async function viewedId(page: Page): Promise<string> {
  const href = await page.getByRole('link', { name: 'View on X' }).getAttribute('href');
  expect(href).toMatch(new RegExp(`^https://x\\.com/${ADA.username}/status/\\d+$`));
  return href!.split('/').pop()!;
}

test.describe('editing a post in Chromium', () => {
  test.beforeEach(async ({ perch }) => {
    await signIn(perch, await perch.open('options'));
  });

  test('Edit on the published post: the time left, Update, and View shows the new version', async ({ perch, emu }) => {
    const { popup, id } = await publish(perch, 'Helo wrold from Perch');
    await popup.getByRole('button', { name: 'Edit', exact: true }).click();
    const editor = popup.getByRole('region', { name: 'Edit post' });
    await expect(editor.getByText(/^Editing your post · (30|29) min left · 5 edits left$/)).toBeVisible();
    const box = editor.getByRole('textbox', { name: 'Post text' });
    await expect(box).toHaveValue('Helo wrold from Perch');
    await box.fill('Hello world from Perch');
    await emu.clearLog();
    await editor.getByRole('button', { name: 'Update', exact: true }).click();
    await expect(popup.getByText('Your post was edited.')).toBeVisible();
    const sent = (await emu.log()).filter((e) => e.method === 'POST' && e.path === '/2/tweets');
    expect(sent.map((e) => e.status)).toEqual([201]);
    const edited = await viewedId(popup);
    expect(edited).not.toBe(id);

    // The new version, on its own page: the new text, and Edit again with one edit fewer.
    const onPost = await popupOn(perch, `https://x.com/${ADA.username}/status/${edited}`);
    await expect(onPost.getByRole('region', { name: 'This post' })).toContainText('Hello world from Perch');
    await expect(onPost.getByText(/^(30|29) min left to edit · 4 edits left$/)).toBeVisible();
    await onPost.getByRole('button', { name: 'Edit post', exact: true }).click();
    await expect(onPost.getByRole('textbox', { name: 'Post text' })).toHaveValue('Hello world from Perch');
    await expect(onPost.getByRole('button', { name: 'Update', exact: true })).toBeEnabled();
  });

  test('past X’s 30 minutes: no Edit on the post, and an edit under way is refused in words, its text kept', async ({ perch, emu }) => {
    const { popup, id } = await publish(perch, 'Nearly too late');
    await popup.getByRole('button', { name: 'Edit', exact: true }).click();
    const box = popup.getByRole('textbox', { name: 'Post text' });
    await box.fill('Nearly too late, fixed');
    await emu.advanceClock(31 * 60);
    await popup.getByRole('button', { name: 'Update', exact: true }).click();
    await expect(popup.getByRole('alert').filter({ hasText: /\S/ })).toContainText('X would not edit your post');
    await expect(popup.getByRole('alert').filter({ hasText: /\S/ })).toContainText('Your text is kept as a draft.');
    await expect(box).toHaveValue('Nearly too late, fixed');

    // X says the post is no longer editable: the popup on it offers Delete post and no Edit post.
    const onPost = await popupOn(perch, `https://x.com/${ADA.username}/status/${id}`);
    await expect(onPost.getByRole('button', { name: 'Delete post', exact: true })).toBeVisible();
    await expect(onPost.getByRole('button', { name: 'Edit post', exact: true })).toHaveCount(0);
    await expect(onPost.getByText(/min left to edit/)).toHaveCount(0);
  });
});
