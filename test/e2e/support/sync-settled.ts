import { expect } from '@playwright/test';
import type { EmulatorControl } from './emulator-control';

/** A manager page of either driver (Playwright, puppeteer over WebDriver BiDi), as `syncSettled` reads it. */
interface SyncedPage {
  bringToFront(): Promise<void>;
  evaluate(fn: () => string): Promise<string>;
}

/** In the page: what the Bookmarks tab's sync line says (components/manager/SyncBar.tsx), or nothing. */
function bookmarksSyncLine(): string {
  return document.querySelector('.bookmarks-sync [role="status"]')?.textContent ?? '';
}

/**
 * Waits until the sync a manager page's Bookmarks tab started on first show (its pages of bookmarks, then the
 * folders) is over: the tab's line says when it last synced (`synced`, lib/locales/en.yml bookmarks_last_synced;
 * pass ja.yml's words on a Japanese page), then X has been asked nothing for a while (EmulatorControl.untilQuiet).
 * The line alone is not enough: the folders are read after it shows, and a sync a tab starts runs on in the
 * background after the tab closes. A test that changes X's side next (revoking the sign-in, expiring the token, a
 * fault) calls this first, so that what it changes meets the step it means and not a sync page. The page is brought
 * to the front first, as Firefox throttles the timers of a tab behind.
 */
export async function syncSettled(page: SyncedPage, emu: EmulatorControl, synced: RegExp = /^Last synced /): Promise<void> {
  await page.bringToFront();
  await expect.poll(() => page.evaluate(bookmarksSyncLine), { timeout: 30_000 }).toMatch(synced);
  await emu.untilQuiet();
}
