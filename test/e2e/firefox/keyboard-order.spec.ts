import type { Page } from 'puppeteer-core';
import { STATE_PAGES } from '../support/a11y-states';
import { expectFocusShown } from '../support/focus';
import { popupOn } from '../support/firefox-popup';
import { expect, signIn, test } from './fixtures';

/**
 * The popup's three places (a post, a profile, any other page) with the keyboard alone in Firefox, where only the
 * bookmarks, lists, composer and sign-in had keyboard walks: Tab meets every control once,
 * top to bottom as seen, each visible (nothing hidden is reachable), named for the words it shows and showing the
 * focus; Shift+Tab meets the same controls in the reverse order.
 */

/** One Tab stop: its number, role, words, whether its name starts with them, whether it is seen. */
interface Stop {
  index: number;
  kind: string;
  words: string;
  named: boolean;
  seen: boolean;
}

/**
 * In the page: the focused control, numbered in the order the walk met it (or its number, once met before), its
 * words, whether its name starts with them, whether it is seen (drawn, in no hidden, inert or aria-hidden part).
 */
function stopHere(): Stop | undefined {
  const el = document.activeElement as HTMLElement | null;
  if (!el || el === document.body) return undefined;
  const met = el.dataset.walk;
  const index = met === undefined ? document.querySelectorAll('[data-walk]').length : Number(met);
  if (met === undefined) el.dataset.walk = String(index);
  const labels = (el as HTMLInputElement).labels;
  const field = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement;
  const copy = (labels && labels.length ? labels[0]! : field ? document.createElement('span') : el).cloneNode(true) as HTMLElement;
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"], .visually-hidden')) hidden.remove();
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
  const words = squash(copy.textContent ?? '');
  const by = el.getAttribute('aria-labelledby');
  const name = squash(
    by
      ? by
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ')
      : (el.getAttribute('aria-label') ?? (labels && labels.length ? labels[0]!.textContent : el.textContent) ?? ''),
  );
  const box = el.getBoundingClientRect();
  const seen =
    el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) &&
    box.width > 0 &&
    box.height > 0 &&
    !el.closest('[inert], [aria-hidden="true"], [hidden]');
  return {
    index,
    kind: el.getAttribute('role') ?? el.tagName.toLowerCase(),
    words,
    named: words ? name.startsWith(words) : /\S/.test(name),
    seen,
  };
}

/** Presses Tab from the page's top until the focus leaves the page or comes round; then Shift+Tab back to the first. */
async function walkBothWays(page: Page, where: string): Promise<string[]> {
  await page.evaluate(() => {
    for (const el of document.querySelectorAll<HTMLElement>('[data-walk]')) delete el.dataset.walk;
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute('tabindex');
  });
  const forward: Stop[] = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(stopHere);
    if (!stop || stop.index < forward.length) break;
    await expectFocusShown(page);
    forward.push(stop);
  }
  expect(forward.length, `${where}: Tab meets controls`).toBeGreaterThan(1);
  // A control is named for the words on it; a panel that takes the focus (a tab panel) is named otherwise.
  expect(
    forward.filter((s) => s.kind !== 'tabpanel' && !s.named).map((s) => s.words),
    `${where}: controls not named for their words`,
  ).toEqual([]);
  expect(
    forward.filter((s) => !s.seen).map((s) => s.words),
    `${where}: hidden controls Tab reaches`,
  ).toEqual([]);
  // Top to bottom as seen, all measured at once (a list scrolled inside its box moves as the focus goes down it): no
  // stop starts above the bottom of one met before it (controls side by side share a line).
  const boxes = await page.evaluate((n) => {
    return Array.from({ length: n }, (_, i) => {
      const box = document.querySelector(`[data-walk="${i}"]`)?.getBoundingClientRect();
      return box ? { top: box.top, bottom: box.bottom } : undefined;
    });
  }, forward.length);
  const upward = forward.filter((s, i) => {
    const at = boxes[i];
    return at && boxes.slice(0, i).some((p) => p && at.bottom <= p.top);
  });
  expect(
    upward.map((s) => s.words),
    `${where}: controls met after one drawn below them`,
  ).toEqual([]);
  // Back from the last: Shift+Tab meets each again, in the reverse order.
  await page.evaluate((last) => document.querySelector<HTMLElement>(`[data-walk="${last}"]`)?.focus(), forward.length - 1);
  const back: number[] = [];
  for (let i = 1; i < forward.length; i++) {
    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    back.push((await page.evaluate(stopHere))?.index ?? -1);
  }
  expect(back, `${where}: Shift+Tab goes back the same way`).toEqual(
    forward
      .map((s) => s.index)
      .reverse()
      .slice(1),
  );
  return forward.map((s) => s.words);
}

const aria = (page: Page, name: string, role: string) => page.locator(`::-p-aria(${name}[role="${role}"])`);

test.describe('the keyboard in Firefox’s popup', () => {
  test.beforeEach(async ({ ff }) => {
    await signIn(ff, ff.options);
  });

  test('the popup on a post, a profile and another page: every control, in order, both ways', async ({ ff }) => {
    test.setTimeout(180_000);
    const post = await popupOn(ff, STATE_PAGES.others);
    await aria(post, 'Bookmark', 'button').wait();
    const onPost = await walkBothWays(post, 'popup on a post');
    expect(onPost).toEqual(expect.arrayContaining(['@gracehop', 'Bookmark', 'Repost', 'Like', 'Mute @gracehop']));
    await post.close();

    const own = await popupOn(ff, STATE_PAGES.own);
    await aria(own, 'Delete post', 'button').wait();
    await walkBothWays(own, 'popup on one’s own post');
    await own.close();

    const profile = await popupOn(ff, 'https://x.com/gracehop');
    await aria(profile, 'Mute', 'button').wait();
    const onProfile = await walkBothWays(profile, 'popup on a profile');
    expect(onProfile).toEqual(expect.arrayContaining(['@gracehop', 'Mute', 'Add to list…']));
    await profile.close();

    const page = await popupOn(ff, 'https://example.com/article', 'An article');
    // popupOn went through the page's gate: the composer, its text about the page.
    await aria(page, 'Post text', 'textbox').wait();
    const elsewhere = await walkBothWays(page, 'popup on another page');
    expect(elsewhere).toEqual(expect.arrayContaining(['Add image', 'Post']));
    await page.close();
  });
});
