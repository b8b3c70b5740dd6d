import { scan } from '../support/axe-chromium';
import { STATE_PAGES } from '../support/a11y-states';
import { ADA } from '../support/emulator-control';
import { expectFocusShown, tabTo } from '../support/focus';
import { focusDropped, walkTabStops } from '../support/tab-walk';
import { expect, popupOn, signIn, test } from './fixtures';

/**
 * The popup on a post with the keyboard alone: every control met in the order it is seen, each named for its visible
 * label first, the focus shown; Enter and Space on Bookmark, Repost and Like change the button the focus is on and
 * leave it there; on your own post, Delete post's question opens on Cancel, Escape closes it back to Delete post, and
 * once X has deleted the post the focus is on the line that says so, never dropped to the page. Each state is scanned
 * by axe.
 */

const POPUP = { viewport: { width: 360, height: 600 } };
const POST = STATE_PAGES.others.split('/').pop()!;
/** The popup's ways into the manager, under every panel. */
const MANAGER_WAYS = ['New post', 'Bookmarks', 'Lists', 'Drafts'];

test.describe('the popup on a post with the keyboard alone, in Chromium', () => {
  test.beforeEach(async ({ perch }) => {
    await signIn(perch, await perch.open('options'));
  });

  test('reaches, names and presses Bookmark, Repost and Like, the focus kept on each', async ({ perch, emu }) => {
    const popup = await popupOn(perch, STATE_PAGES.others, POPUP);
    const panel = popup.getByRole('region', { name: 'This post' });
    await expect(panel.getByRole('button', { name: 'Bookmark', exact: true })).toBeVisible();

    // Top to bottom, as seen: the account, the author, the post's actions, the author's, then the ways into the manager.
    const stops = (await walkTabStops(popup)).map((s) => s.words);
    expect(stops).toEqual([
      `${ADA.name} @${ADA.username}`,
      '@gracehop',
      'Bookmark',
      'Repost',
      'Like',
      'Reply on x.com',
      'Quote on x.com',
      'Post a link to it',
      'Mute @gracehop',
      'Block @gracehop on x.com',
      'Add @gracehop to a list…',
      ...MANAGER_WAYS,
    ]);

    for (const [on, off, key, field] of [
      ['Bookmark', 'Remove bookmark', 'Enter', 'bookmarks'],
      ['Repost', 'Undo repost', ' ', 'reposts'],
      ['Like', 'Unlike', 'Enter', 'likes'],
    ] as const) {
      await tabTo(popup, panel.getByRole('button', { name: on, exact: true }));
      await popup.keyboard.press(key);
      await expect.poll(async () => (await emu.relations())[field]).toContain(POST);
      await expect(panel.getByRole('button', { name: off, exact: true })).toBeFocused();
      await expectFocusShown(popup);
    }
    await scan(popup, 'popup on a post after Bookmark, Repost and Like by keyboard');
  });

  test('asks before Delete post, and once deleted keeps the focus on the line that says so', async ({ perch, emu }) => {
    const popup = await popupOn(perch, STATE_PAGES.own, POPUP);
    const panel = popup.getByRole('region', { name: 'This post' });
    const del = panel.getByRole('button', { name: 'Delete post', exact: true });
    await expect(del).toBeVisible();
    const stops = (await walkTabStops(popup)).map((s) => s.words);
    expect(stops).toEqual([
      `${ADA.name} @${ADA.username}`,
      `@${ADA.username}`,
      'Bookmark',
      'Repost',
      'Like',
      'Reply',
      'Quote on x.com',
      'Post a link to it',
      'Delete post',
      ...MANAGER_WAYS,
    ]);

    await tabTo(popup, del);
    await popup.keyboard.press('Enter');
    const ask = popup.getByRole('dialog', { name: 'Delete your post?' });
    await expect(ask.getByRole('button', { name: 'Cancel', exact: true })).toBeFocused();
    await popup.keyboard.press('Shift+Tab');
    await expect(ask.getByRole('button', { name: 'Delete post', exact: true })).toBeFocused();
    await expectFocusShown(popup);
    await popup.keyboard.press('Escape');
    await expect(ask).toHaveCount(0);
    await expect(del).toBeFocused();

    await popup.keyboard.press('Enter');
    await expect(ask.getByRole('button', { name: 'Cancel', exact: true })).toBeFocused();
    await popup.keyboard.press('Shift+Tab');
    await popup.keyboard.press('Enter');
    const deleted = panel.getByRole('status').filter({ hasText: 'Deleted.' });
    await expect(deleted).toBeVisible();
    expect(await focusDropped(popup), 'the focus stays in the popup once the post is deleted').toBe(false);
    await expect(deleted).toBeFocused();
    await expectFocusShown(popup);
    expect((await emu.log()).filter((e) => e.method === 'DELETE' && e.path.startsWith('/2/tweets/'))).toHaveLength(1);
    await scan(popup, 'popup on your own post once deleted');
  });
});
