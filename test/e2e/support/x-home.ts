import type { Page, Worker } from '@playwright/test';
import type { Perch } from './chromium';

/** x.com's home page, served by the test (no real X): a page Perch's right-click entries can act from. */
export async function xHome(perch: Perch): Promise<Page> {
  await perch.context.route('https://x.com/home', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Home / X</title><p>Home</p>' }),
  );
  const page = await perch.context.newPage();
  await page.goto('https://x.com/home');
  return page;
}

/** A right-click entry chosen on a link on x.com, delivered to Perch's listener (the test build's `perchTest` hook). */
export async function menuClick(worker: Worker, page: Page, menuItemId: string, linkUrl: string): Promise<void> {
  await page.bringToFront();
  const [tab] = await worker.evaluate(() => chrome.tabs.query({ active: true, lastFocusedWindow: true }));
  await worker.evaluate(
    async ({ menuItemId, linkUrl, tab }) => {
      if (!globalThis.perchTest) throw new Error('not a test build');
      await globalThis.perchTest.menuClick({ menuItemId, linkUrl, pageUrl: 'https://x.com/home' }, tab);
    },
    { menuItemId, linkUrl, tab: { ...tab!, url: 'https://x.com/home' } },
  );
}
