import type { Page } from '@playwright/test';
import { SEED_POSTS } from '../../emulator/seed';
import { scan } from '../support/axe-chromium';
import { expect, popupOn, signIn, test, type Perch } from './fixtures';

/** A test's click cannot open Chromium's side panel: refuse it, so the popup's links open the manager in a tab. */
async function refuseSidePanel(page: Page): Promise<void> {
  await page.evaluate(() => {
    (chrome.sidePanel as { open: (o: unknown) => Promise<void> }).open = () => Promise.reject(new Error('no gesture'));
  });
}

/** Writes a reply to Grace's post and a new post in the popup, each kept as a draft. */
async function writeTwoDrafts(perch: Perch): Promise<void> {
  const onPost = await popupOn(perch, `https://x.com/gracehop/status/${SEED_POSTS.graceMentionsAda}`);
  await onPost.getByRole('button', { name: 'Reply', exact: true }).click();
  await onPost.getByRole('textbox', { name: 'Post text' }).fill('A reply I have not sent yet');
  const popup = await perch.open('popup');
  await popup.getByRole('textbox', { name: 'Post text' }).fill('A plain thought for later');
  // Saved through the background on every change: reopening the popup finds it (and so will the manager).
  await popup.reload();
  await expect(popup.getByRole('textbox', { name: 'Post text' })).toHaveValue('A plain thought for later');
  await onPost.close();
  await popup.close();
}

const draftsList = (page: Page) => page.getByRole('list', { name: 'Your drafts' });

test.describe('the drafts list in Chromium', () => {
  test.beforeEach(async ({ perch }) => {
    await signIn(perch, await perch.open('options'));
  });

  test('lists reply and plain drafts with their context and age, reopens one with its text, and deletes one', async ({ perch }) => {
    await writeTwoDrafts(perch);

    // One click from the popup, which shows the count.
    const popup = await perch.open('popup');
    await refuseSidePanel(popup);
    const link = popup.getByRole('navigation', { name: 'Perch' }).getByRole('link', { name: 'Drafts (2)' });
    await expect(link).toBeVisible();
    const opened = perch.context.waitForEvent('page', (p) => p.url().includes('/manager.html'));
    await link.click();
    const manager = await opened;
    expect(manager.url()).toBe(`chrome-extension://${perch.id}/manager.html#drafts`);
    await expect(manager.getByRole('tab', { name: 'Drafts' })).toHaveAttribute('aria-selected', 'true');

    // Newest first, each with what it was started on and how long ago.
    const items = draftsList(manager).getByRole('listitem');
    await expect(items).toHaveCount(2);
    await expect(items.nth(0)).toContainText('New post');
    await expect(items.nth(0)).toContainText('A plain thought for later');
    await expect(items.nth(1)).toContainText('Reply to @gracehop');
    await expect(items.nth(1)).toContainText('A reply I have not sent yet');
    for (const i of [0, 1]) await expect(items.nth(i).locator('time')).toHaveText(/^(now|\d+ seconds? ago|1 minute ago)$/);
    await expect(manager.getByText('2 drafts', { exact: true })).toBeVisible();
    await scan(manager, 'manager, drafts');

    // Reached by keyboard like the other tabs: from Activity, the right arrow.
    await manager.getByRole('tab', { name: 'Activity' }).click();
    await manager.keyboard.press('ArrowRight');
    await expect(manager.getByRole('tab', { name: 'Drafts' })).toBeFocused();
    await expect(manager.getByRole('tab', { name: 'Drafts' })).toHaveAttribute('aria-selected', 'true');

    // Reopen the reply: Perch's own window on the post, straight at the reply with its text, with no click to load.
    const window = perch.context.waitForEvent('page', (p) => p.url().includes('/popup.html?'));
    await draftsList(manager).getByRole('button', { name: 'Open draft: Reply to @gracehop' }).click();
    const reopened = await window;
    expect(new URL(reopened.url()).searchParams.get('url')).toContain(`/status/${SEED_POSTS.graceMentionsAda}`);
    await expect(reopened.getByText('Replying to @gracehop')).toBeVisible();
    await expect(reopened.getByRole('textbox', { name: 'Post text' })).toHaveValue('A reply I have not sent yet');
    await expect(reopened.getByRole('region', { name: 'Opened by another page' })).toHaveCount(0);
    await reopened.close();

    // Reopen the plain one: the popup's composer.
    const plainWindow = perch.context.waitForEvent('page', (p) => p.url().endsWith('/popup.html'));
    await draftsList(manager).getByRole('button', { name: 'Open draft: New post' }).click();
    const plain = await plainWindow;
    await expect(plain.getByRole('textbox', { name: 'Post text' })).toHaveValue('A plain thought for later');
    await plain.close();

    // Delete asks first; Keep draft keeps it.
    await draftsList(manager).getByRole('button', { name: 'Delete draft: New post' }).click();
    let dialog = manager.getByRole('dialog', { name: 'Delete this draft?' });
    await expect(dialog).toBeVisible();
    await scan(manager, 'manager, delete a draft?');
    await dialog.getByRole('button', { name: 'Keep draft' }).click();
    await expect(items).toHaveCount(2);
    await draftsList(manager).getByRole('button', { name: 'Delete draft: New post' }).click();
    dialog = manager.getByRole('dialog', { name: 'Delete this draft?' });
    await dialog.getByRole('button', { name: 'Delete draft' }).click();
    await expect(items).toHaveCount(1);
    await expect(items.nth(0)).toContainText('Reply to @gracehop');
    await expect(manager.getByText('1 draft', { exact: true })).toBeVisible();
    await expect(manager.getByRole('status').filter({ hasText: 'Draft deleted: New post' })).toBeFocused();
    // The popup left open follows live: its count drops with no reopening.
    await expect(popup.getByRole('link', { name: 'Drafts (1)' })).toBeVisible();

    // The popup's count follows, and the popup's composer no longer has the deleted text.
    const again = await perch.open('popup');
    await expect(again.getByRole('link', { name: 'Drafts (1)' })).toBeVisible();
    await expect(again.getByRole('textbox', { name: 'Post text' })).toHaveValue('');

    // The last one gone: the empty state says how drafts are made.
    await draftsList(manager).getByRole('button', { name: 'Delete draft: Reply to @gracehop' }).click();
    await manager.getByRole('dialog', { name: 'Delete this draft?' }).getByRole('button', { name: 'Delete draft' }).click();
    await expect(manager.getByText('No drafts', { exact: true })).toBeVisible();
    await expect(manager.getByText(/A draft is kept when you write a post/)).toBeVisible();
    await scan(manager, 'manager, no drafts');
    const last = await perch.open('popup');
    await expect(last.getByRole('link', { name: 'Drafts', exact: true })).toBeVisible();
  });

  test('signing out deletes the drafts unless “Keep my drafts” is ticked, which it is not by default', async ({ perch }) => {
    await writeTwoDrafts(perch);
    const options = await perch.open('options');
    const signOut = async (keep: boolean) => {
      await options.locator('button[aria-haspopup="menu"]').click();
      await options.getByRole('menu').getByRole('menuitem', { name: 'Sign out' }).click();
      const dialog = options.getByRole('dialog', { name: /^Sign out of @/ });
      const box = dialog.getByRole('checkbox', { name: 'Keep my drafts' });
      await expect(box).not.toBeChecked();
      await expect(dialog).toContainText('2 drafts, with their images');
      if (keep) {
        await box.check();
        // Kept: no longer listed as lost.
        await expect(dialog).not.toContainText('2 drafts, with their images');
      }
      await dialog.getByRole('button', { name: 'Sign out' }).click();
      await expect(dialog).toBeHidden();
      await expect(options.getByRole('button', { name: 'Sign in with X' })).toBeVisible();
    };

    await signOut(true);
    await signIn(perch, options);
    let manager = await perch.open('manager');
    await manager.getByRole('tab', { name: 'Drafts' }).click();
    await expect(draftsList(manager).getByRole('listitem')).toHaveCount(2);
    await manager.close();

    await signOut(false);
    await signIn(perch, options);
    manager = await perch.open('manager');
    await manager.getByRole('tab', { name: 'Drafts' }).click();
    await expect(manager.getByText('No drafts', { exact: true })).toBeVisible();
    const popup = await perch.open('popup');
    await expect(popup.getByRole('textbox', { name: 'Post text' })).toHaveValue('');
  });
});
