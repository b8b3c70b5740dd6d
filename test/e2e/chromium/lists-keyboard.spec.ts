import type { Page } from '@playwright/test';
import { SECOND_USER_ID } from '../../emulator/seed';
import { scan } from '../support/axe-chromium';
import { expectFocusShown, tabTo } from '../support/focus';
import { focusDropped } from '../support/tab-walk';
import { expect, signIn, test } from './fixtures';

/**
 * A List's members with the keyboard alone, in the manager's Lists tab: open the List, load its members, look an
 * account up and add it, remove it, undo — each control reached with Tab and pressed with Enter, each showing where
 * the focus is, and each state scanned by axe, light and dark.
 */

const LIST = 'Reading list 📚';

/** The tab's status line, once it says `text`. */
const note = (page: Page, text: string) => expect(page.getByRole('status').filter({ hasText: text })).toBeVisible();

test('adds and removes a List member with the keyboard alone, each state passing axe, in Chromium', async ({ perch, emu }) => {
  test.setTimeout(180_000);
  await signIn(perch, await perch.open('options'));
  const page = await perch.open('manager', '#lists');
  const memberIds = async () => (await emu.relations()).owned_lists.find((l) => l.name === LIST)?.member_ids ?? [];
  const scanned: string[] = [];

  await tabTo(page, page.getByRole('region', { name: /^Owned/ }).getByRole('button', { name: LIST, exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: LIST, level: 2 })).toBeFocused();

  await tabTo(page, page.getByRole('button', { name: `Load members of ${LIST} from X` }));
  await page.keyboard.press('Enter');
  const members = page.getByRole('list', { name: `Members of ${LIST}` });
  await expect(members.getByRole('listitem')).toHaveCount(4);
  // The focus stays on the button while the page loads and after: Tab goes on from there, not from the top.
  await expect(page.getByRole('button', { name: `Reload members of ${LIST} from X` })).toBeFocused();
  scanned.push(await scan(page, 'manager, a List’s members loaded'));

  await tabTo(page, page.getByRole('textbox', { name: `Add an account to ${LIST} by @username` }));
  await page.keyboard.type('@gracehop');
  await page.keyboard.press('Enter');
  const add = page.getByRole('group', { name: 'Account found: @gracehop' }).getByRole('button', { name: `Add @gracehop to ${LIST}` });
  // Found: the focus moves to the button that adds them.
  await expect(add).toBeFocused();
  await expectFocusShown(page);
  scanned.push(await scan(page, 'manager, an account found to add to a List'));
  await page.keyboard.press('Enter');
  await note(page, `Add @gracehop to “${LIST}”: done.`);
  expect(await memberIds()).toContain(SECOND_USER_ID);
  await expect(members.getByRole('listitem').first()).toContainText('Grace Hopper');
  // Added: back in the field, for the next one.
  await expect(page.getByRole('textbox', { name: `Add an account to ${LIST} by @username` })).toBeFocused();

  await tabTo(page, members.getByRole('button', { name: `Remove @gracehop from ${LIST}` }));
  await page.keyboard.press('Enter');
  await note(page, `Remove @gracehop from “${LIST}”: done.`);
  expect(await memberIds()).not.toContain(SECOND_USER_ID);
  await expect(members.getByRole('listitem')).toHaveCount(4);
  scanned.push(await scan(page, 'manager, a List member removed, with Undo'));

  await tabTo(page, page.getByRole('button', { name: `Undo: Remove @gracehop from “${LIST}”` }));
  await page.keyboard.press('Enter');
  await note(page, `Remove @gracehop from “${LIST}”: undone.`);
  expect(await memberIds()).toContain(SECOND_USER_ID);

  // The posts preview: X held while it reads, the focus stays on the button pressed (busy, not dropped to the page),
  // which then offers to refresh; Tab goes on to each post's Open on X, then to its author's Profile on x.com.
  const listId = (await emu.relations()).owned_lists.find((l) => l.name === LIST)!.id;
  await emu.fault({ method: 'GET', path: `/2/lists/${listId}/tweets`, count: 1, kind: 'hold' });
  const show = page.getByRole('button', { name: `Show latest posts of ${LIST}` });
  await tabTo(page, show);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Loading posts…')).toBeVisible();
  await expect.poll(() => emu.held()).toBe(1);
  expect(await focusDropped(page), 'the focus stays on the button while X answers').toBe(false);
  await expect(show).toBeFocused();
  await emu.release();
  const posts = page.getByRole('list', { name: `Latest posts of ${LIST}` });
  await expect(posts.getByRole('listitem').first()).toBeVisible();
  await expect(page.getByRole('button', { name: `Refresh posts of ${LIST}` })).toBeFocused();
  await expectFocusShown(page);
  await page.keyboard.press('Tab');
  const open = posts.getByRole('link', { name: /^Open on X: the post by @\w+$/ }).first();
  await expect(open).toBeFocused();
  await expectFocusShown(page);
  const author = /@(\w+)$/.exec((await open.getAttribute('aria-label')) ?? '')![1]!;
  await page.keyboard.press('Tab');
  const profile = posts.getByRole('link', { name: `Profile of @${author} on X` }).first();
  await expect(profile).toBeFocused();
  await expect(profile).toHaveAttribute('href', `https://x.com/${author}`);
  await expect(profile).toHaveAttribute('target', '_blank');
  scanned.push(await scan(page, 'manager, a List’s latest posts shown'));
  expect(scanned).toHaveLength(4);
});
