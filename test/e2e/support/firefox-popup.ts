import type { Page } from 'puppeteer-core';
import type { FirefoxPerch } from '../firefox/fixtures';

/** Whether a button with exactly this accessible name is on the page (Firefox, over BiDi). */
export const hasButton = (page: Page, name: string): Promise<boolean> =>
  page
    .$(`::-p-aria(${name}[role="button"])`)
    .then((b) => !!b)
    .catch(() => false);

/**
 * The popup aimed at a page (with the tab's `title`, if any), clicked through: opened by the test, not by Perch, it
 * waits for a click first (lib/popup-gate.ts).
 */
export async function popupOn(ff: Pick<FirefoxPerch, 'open'>, url: string, title = ''): Promise<Page> {
  const popup = await ff.open('popup', `?url=${encodeURIComponent(url)}&title=${encodeURIComponent(title)}`);
  await (await popup.waitForSelector('.popup-gate button'))!.click();
  return popup;
}

/**
 * The popup opened on its own page (no post, profile or page to share), once its screen is whole: the new post's
 * composer loads after the links below it and moves them about 230 px down. Puppeteer clicks where an element was, not
 * where it is (no hit check, unlike Playwright), so a click on a link before the composer is in can land on the
 * composer. A person clicks the screen they see; so does the test.
 */
export async function popupDrawn(ff: Pick<FirefoxPerch, 'open'>): Promise<Page> {
  const popup = await ff.open('popup');
  await popup.waitForSelector('.composer textarea');
  return popup;
}
