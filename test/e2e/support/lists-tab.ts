import type { Page } from '@playwright/test';
import { openManager } from './bookmarks-tab';
import type { Perch } from './chromium';

/**
 * Set-up the Chromium specs of a List's screen in the manager share (list-posts-retrying, long-posts): the manager
 * opened in a new tab, its Lists tab chosen, and the List `name` opened from its section, as a person does it. The
 * page, on the List's screen.
 */
export async function openList(perch: Perch, name: string, section: 'Pinned' | 'Owned' = 'Pinned'): Promise<Page> {
  const page = await openManager(perch);
  await page.getByRole('tab', { name: 'Lists' }).click();
  await page
    .getByRole('region', { name: new RegExp(`^${section}`) })
    .getByRole('button', { name, exact: true })
    .click();
  return page;
}
