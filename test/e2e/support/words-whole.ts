import { expect, type Page as PlaywrightPage } from '@playwright/test';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { measureLayout, type Layout } from './layout-measure';

/**
 * Perch's own Japanese words read whole on a narrow page (test/e2e/chromium/words-whole-ja.spec.ts and
 * test/e2e/firefox/words-whole-ja.spec.ts): no katakana word of Perch's (lib/locales/ja.yml) is cut over two lines
 * (「ブロッ」 / 「ク」), and no text runs out of its box. X's words and the person's own are left out: they wrap as
 * they always did (components/base.css lists them).
 */

/** A page of Perch's in Chromium (Playwright) or in Firefox (Puppeteer). */
type MeasuredPage = PlaywrightPage | PuppeteerPage;

/** Runs `fn` in the page: both drivers take a function and its arguments alike, their types differ. */
const run = <A extends unknown[], R>(page: MeasuredPage, fn: (...args: A) => R, ...args: A): Promise<R> =>
  (page.evaluate as unknown as (f: typeof fn, ...a: A) => Promise<R>).call(page, fn, ...args);

export interface Words {
  /** Katakana words of Perch's shown on the page. */
  words: number;
  /** Those cut over two lines, as "before / after ← the text they are in". */
  split: string[];
  /** Boxes of Perch's own text whose text is wider than they are, as "text: its width > the box's". */
  overflows: string[];
}

/** Measures the page as it is drawn now. Self-contained: passed to the page as it is. */
export function measureWords(): Words {
  // X's words and the person's own (components/base.css, the second list).
  const notOurs =
    '.post-card, .parent-text, .list-card-name, .popup-gate-url, .bookmarks-text, .bookmarks-quote, .bookmarks-note, ' +
    '.bookmarks-alt-text, .bookmarks-manage-name, .mgr-list-name, .mgr-list-description, .mgr-post-text, .drafts-text, ' +
    'bdi, input, textarea, code';
  const out: Words = { words: 0, split: [], overflows: [] };
  const boxes = new Set<Element>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    const text = n.textContent ?? '';
    if (!el || !text.trim() || el.closest(notOurs) || !el.checkVisibility({ visibilityProperty: true })) continue;
    let box: Element | null = el;
    while (box && getComputedStyle(box).display.startsWith('inline')) box = box.parentElement;
    if (box) boxes.add(box);
    // A run of katakana (and its long-vowel mark 「ー」, its middle dot 「・」 left out) is one word: 「アカウント」.
    for (const m of text.matchAll(/[\p{Script=Katakana}\u30FC]{2,}/gu)) {
      const tops: number[] = [];
      for (let i = m.index; i < m.index + m[0].length; i++) {
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + 1);
        const r = [...range.getClientRects()].find((b) => b.width > 0);
        if (r) tops.push(Math.round(r.top));
      }
      if (tops.length !== m[0].length) continue;
      out.words++;
      const cut = tops.findIndex((t) => t !== tops[0]);
      if (cut > 0) out.split.push(`${m[0].slice(0, cut)} / ${m[0].slice(cut)} ← ${text.trim().slice(0, 30)}`);
    }
  }
  for (const box of boxes) {
    const style = getComputedStyle(box);
    // A line cut on purpose with an ellipsis is measureLayout's to judge (its whole text kept in a title or name); a
    // box of 1 px is text for screen readers only (.visually-hidden).
    if (style.textOverflow === 'ellipsis' || box.clientWidth <= 1) continue;
    // Both are whole pixels, rounded from a fractional width: one pixel is rounding, not text run out.
    if (box.scrollWidth > box.clientWidth + 1)
      out.overflows.push(`${(box.textContent ?? '').trim().slice(0, 30)}: ${box.scrollWidth} > ${box.clientWidth} px`);
  }
  return out;
}

/**
 * No katakana word of Perch's is cut over two lines, no box of Perch's text is wider inside than out, and the page's
 * layout holds (./layout-measure.ts: no sideways scroll, controls whole, text wraps or is cut with its whole kept).
 * `shot` names the picture (/tmp/words-<shot>.png) and the log line. Returns how many katakana words were seen.
 */
export async function expectWordsWhole(page: MeasuredPage, shot: string): Promise<number> {
  await page.screenshot({ path: `/tmp/words-${shot}.png`, fullPage: true }).catch(() => undefined);
  const words: Words = await run(page, measureWords);
  const layout: Layout = await run(page, measureLayout);
  console.log(`${shot}: ${JSON.stringify(words)} ${JSON.stringify(layout)}`);
  expect.soft(words.split, `${shot}: Perch's katakana words cut over two lines`).toEqual([]);
  expect.soft(words.overflows, `${shot}: Perch's text wider than its box`).toEqual([]);
  expect.soft(layout.scrolls, `${shot}: the page scrolls sideways`).toBe('');
  expect.soft(layout.spills, `${shot}: text past the window`).toEqual([]);
  expect.soft(layout.unreachable, `${shot}: text cut, whole text not reachable`).toEqual([]);
  return words.words;
}
