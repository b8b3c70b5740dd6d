import { expect, type Locator, type Page } from '@playwright/test';
import { signIn, type Perch } from './chromium';

/**
 * Set-up the Chromium specs of the manager's Bookmarks tab share (manager-bookmarks, manager-bookmarks-cards, and the
 * keyboard walks bookmarks-keyboard and bookmark-organise-keyboard).
 */

/** The manager page, opened in a new tab. */
export const openManager = (perch: Perch): Promise<Page> => perch.open('manager');

/** The Bookmarks tab fills the local copy by itself on its first visit of the day: waits until it has. */
export async function syncBookmarks(page: Page): Promise<void> {
  await expect(page.getByText('800 bookmarks', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/^Last synced /)).toBeVisible();
}

/**
 * Signs Ada in from the settings and opens the manager on its Bookmarks tab in a new tab, once the tab's first sync has
 * read her 800 bookmarks: the page and the Bookmarks panel.
 */
export async function signedInBookmarks(perch: Perch): Promise<{ page: Page; panel: Locator }> {
  await signIn(perch, await perch.open('options'));
  const page = await perch.open('manager', '#bookmarks');
  await expect(page.getByText('800 bookmarks', { exact: true })).toBeVisible({ timeout: 30_000 });
  return { page, panel: page.getByRole('tabpanel', { name: 'Bookmarks' }) };
}

export const search = (page: Page) => page.getByRole('searchbox', { name: 'Search bookmarks' });
export const list = (page: Page) => page.getByRole('list', { name: 'Bookmarks' });
/** X lets apps read folders only (openapi.json: GET .../bookmarks/folders and .../folders/{folder_id}, nothing else). */
export const FOLDERS_ON_X = 'X lets apps only read bookmark folders: make them and move bookmarks into them on x.com.';
