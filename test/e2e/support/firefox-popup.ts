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
 * composer in. The links below it used to be drawn first and moved about 230 px down when it came in, where a
 * Puppeteer click (no hit check, unlike Playwright) then landed on the composer; they now wait for the screen
 * (entrypoints/popup/use-screen-drawn.ts), and the tests still click only the screen a person sees whole.
 */
export async function popupDrawn(ff: Pick<FirefoxPerch, 'open'>): Promise<Page> {
  const popup = await ff.open('popup');
  await popup.waitForSelector('.composer textarea');
  return popup;
}
