import type { Page } from 'puppeteer-core';
import { SEED_POSTS } from '../../emulator/seed';
import { scanFirefox } from '../support/axe-firefox';
import { hasButton } from '../support/firefox-popup';
import { UNREACHABLE } from '../support/unreachable';
import { expect, signIn, test } from './fixtures';

/** What the popup page holds of the background cut off: whether its reads of the post fail, and the held read. */
type Cut = { cut: boolean; posts: number; held?: Promise<void>; letThrough?: () => void };

/**
 * From here on, the popup's reads of the post (`tab.post`) find no background while `cut` holds (as when Perch's worker
 * is gone), and once it is let go, wait for `letThrough` if one is held. `posts` counts the reads asked, cut or not.
 */
async function cutOff(popup: Page): Promise<void> {
  await popup.evaluate((unreachable) => {
    const w = window as unknown as Cut;
    w.cut = true;
    w.posts = 0;
    const send = browser.runtime.sendMessage.bind(browser.runtime);
    browser.runtime.sendMessage = ((m: { type?: string }) => {
      if (m.type !== 'tab.post') return send(m);
      w.posts += 1;
      if (w.cut) return Promise.reject(new Error(unreachable));
      return (w.held ?? Promise.resolve()).then(() => send(m));
    }) as typeof browser.runtime.sendMessage;
  }, 'Could not establish connection.');
}

const alerts = (popup: Page) =>
  popup.$$eval('main [role="alert"]', (els) => els.map((e) => e.textContent?.trim()).filter(Boolean)).catch(() => null);
const statuses = (popup: Page) =>
  popup.$$eval('main [role="status"]', (els) => els.map((e) => e.textContent?.trim()).filter(Boolean)).catch(() => null);
/** The focused control's words, or "the page". */
const focused = (popup: Page) =>
  popup.evaluate(() => (document.activeElement === document.body ? 'the page' : document.activeElement?.textContent?.trim()));
const readAgainBusy = (popup: Page) =>
  popup.evaluate(() => {
    const b = [...document.querySelectorAll('button')].find((el) => el.textContent?.trim() === 'Read again');
    return b ? (b.getAttribute('aria-busy') ?? 'not busy') : 'gone';
  });

// The popup's very first read of the post fails: the alert is all there is, with Read again under it. Read again,
// the background back, draws the post and moves the focus into it (the Chromium spec, popup-reread, has each panel).
test('on a post, in Firefox: Read again under a failed first read draws the post, the focus on Bookmark', async ({ ff }) => {
  await signIn(ff, ff.options);
  const url = `https://x.com/gracehop/status/${SEED_POSTS.gracePhoto}`;
  // popupOn, with the read cut off before the gate's click lets the panel ask.
  const popup = await ff.open('popup', `?url=${encodeURIComponent(url)}&title=`);
  const gate = await popup.waitForSelector('.popup-gate button');
  await cutOff(popup);
  await gate!.click();

  await expect.poll(() => alerts(popup)).toEqual([UNREACHABLE]);
  await expect.poll(() => hasButton(popup, 'Read again')).toBe(true);
  expect(await hasButton(popup, 'Bookmark')).toBe(false);
  await scanFirefox(popup, 'popup, a post whose first read failed, with Read again');

  // Still no background, by the keyboard: Enter asks once more, the failure is said again, the focus kept on Read again.
  await popup.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Read again')?.focus());
  const asked = await popup.evaluate(() => (window as unknown as Cut).posts);
  await popup.keyboard.press('Enter');
  await expect.poll(() => popup.evaluate(() => (window as unknown as Cut).posts)).toBe(asked + 1);
  await expect.poll(() => readAgainBusy(popup)).toBe('not busy');
  expect(await popup.evaluate(() => (window as unknown as Cut).posts)).toBe(asked + 1);
  expect(await alerts(popup)).toEqual([UNREACHABLE]);
  expect(await focused(popup)).toBe('Read again');

  // The background is back, its answer held: busy while it reads, then the post, the focus on its first action.
  await popup.evaluate(() => {
    const w = window as unknown as Cut;
    w.cut = false;
    w.held = new Promise<void>((resolve) => (w.letThrough = resolve));
  });
  await popup.keyboard.press('Enter');
  await expect.poll(() => readAgainBusy(popup)).toBe('true');
  expect(await statuses(popup)).toContain('Reading again…');
  expect(await focused(popup)).toBe('Read again');
  await popup.evaluate(() => (window as unknown as Cut).letThrough?.());

  await expect.poll(() => hasButton(popup, 'Bookmark')).toBe(true);
  await expect.poll(() => focused(popup)).toBe('Bookmark');
  expect(await readAgainBusy(popup)).toBe('gone');
  expect(await alerts(popup)).toEqual([]);
  expect(await statuses(popup)).not.toContain('Reading again…');
});
