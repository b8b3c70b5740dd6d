import type { Locator, Page } from '@playwright/test';
import {
  OVERSIZE_CJK_LIST_NAME,
  OVERSIZE_CJK_NAME,
  OVERSIZE_CJK_USERNAME,
  OVERSIZE_LATIN_NAME,
  OVERSIZE_LATIN_USERNAME,
  OVERSIZE_LIST_NAME,
  type OversizeSeed,
} from '../../emulator/oversize';
import { expect, popupOn, signIn, test, type Perch } from './fixtures';

/**
 * Names and texts as long as X allows or longer, words with no spaces, CJK and emoji (test/emulator/oversize.ts), in
 * the popup and in the side panel at its narrow widths: the page never scrolls sideways, every control is whole inside
 * the window and not covered, and text either wraps or, where a line must stay one line, is cut with an ellipsis and
 * its whole text kept in a title or the accessible name.
 */

interface Layout {
  width: number;
  scrolls: string;
  outside: string[];
  covered: string[];
  spills: string[];
  unreachable: string[];
}

/** Runs in the page: self-contained. */
function measureLayout(): Layout {
  const width = document.documentElement.clientWidth;
  const root = document.scrollingElement!;
  const label = (e: Element) => (e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 40);
  const shown = (e: Element) => {
    const r = e.getBoundingClientRect();
    // A closed <details> keeps its content laid out but not drawn: checkVisibility() says so.
    return r.width > 2 && r.height > 2 && e.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true });
  };
  /** Ancestors (from `e` itself when `self`) that clip what overflows them sideways. */
  const clippers = (e: Element, self = false) => {
    const out: Element[] = [];
    for (let a = self ? e : e.parentElement; a && a !== document.body; a = a.parentElement)
      if (getComputedStyle(a).overflowX !== 'visible') out.push(a);
    return out;
  };
  /** One line cut on purpose: an ellipsis, or lines clamped. */
  const ellipsis = (e: Element) => {
    const style = getComputedStyle(e);
    return style.textOverflow === 'ellipsis' || style.webkitLineClamp !== 'none';
  };
  const outside: string[] = [];
  const covered: string[] = [];
  const controls = [
    ...document.querySelectorAll('button, a[href], input:not([type="file"]), select, textarea, [role="button"], [role="tab"]'),
  ].filter(shown);
  for (const c of controls) {
    const r = c.getBoundingClientRect();
    const clips = clippers(c);
    // Folded away: a closed region shows none of it.
    if (
      clips.some((a) => {
        const b = a.getBoundingClientRect();
        return r.bottom <= b.top + 0.5 || r.top >= b.bottom - 0.5;
      })
    )
      continue;
    // A link in a line cut with an ellipsis is cut with it (its name keeps the whole text); anything else must be whole.
    const line = clips.find((a) => ellipsis(a));
    const edge = line ? line.getBoundingClientRect() : r;
    if (edge.left < -0.5 || edge.right > width + 0.5) {
      outside.push(`${label(c)}: ${Math.round(edge.left)}–${Math.round(edge.right)} of ${width} px`);
      continue;
    }
    const cut = line
      ? undefined
      : clips.find((a) => {
          const b = a.getBoundingClientRect();
          return r.left < b.left - 0.5 || r.right > b.right + 0.5;
        });
    if (cut) {
      outside.push(`${label(c)}: cut by .${cut.className}`);
      continue;
    }
    const first = [...c.getClientRects()].find((b) => b.width > 2) ?? r;
    const x = Math.max(first.left, 0) + Math.min(first.width, width) / 2;
    const y = first.top + first.height / 2;
    if (y <= 0 || y >= innerHeight) continue;
    const hit = document.elementFromPoint(x, y);
    if (!hit || !(hit === c || c.contains(hit))) covered.push(`${label(c)}: under ${hit?.tagName ?? 'nothing'}.${hit?.className ?? ''}`);
  }
  const spills: string[] = [];
  const unreachable: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent?.trim();
    const el = n.parentElement;
    if (!text || !el || !shown(el)) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    const right = Math.max(...rects.map((r) => r.right));
    const clip = clippers(el, true)[0];
    if (!clip) {
      if (right > width + 0.5) spills.push(`${text.slice(0, 40)}: to ${Math.round(right)} of ${width} px`);
      continue;
    }
    const box = clip.getBoundingClientRect();
    if (right <= box.right + 0.5) continue;
    // Cut: with an ellipsis, and the whole text kept in a title or the accessible name (a link or button's text).
    const control = el.closest('a, button');
    const named =
      (el.closest('[title]')?.getAttribute('title') ?? '').includes(text) ||
      (el.closest('[aria-label]')?.getAttribute('aria-label') ?? '').includes(text) ||
      (control !== null && !control.hasAttribute('aria-label'));
    const lines = [el, ...clippers(el, true)];
    // Lines clamped: an excerpt on purpose (a quoted post, whole on X behind its link).
    if (lines.some((a) => getComputedStyle(a).webkitLineClamp !== 'none')) continue;
    const cutLine = lines.some((a) => ellipsis(a));
    if (!cutLine || !named)
      unreachable.push(`${text.slice(0, 40)}: cut by .${clip.className}${cutLine ? ', no title' : ' with no ellipsis'}`);
  }
  return {
    width,
    scrolls: root.scrollWidth > root.clientWidth ? `${root.scrollWidth} > ${root.clientWidth}` : '',
    outside,
    covered,
    spills,
    unreachable,
  };
}

async function expectLaidOut(page: Page, shot: string): Promise<void> {
  await page.screenshot({ path: `/tmp/layout-${shot}.png`, fullPage: true });
  const seen = await page.evaluate(measureLayout);
  console.log(`${shot}: ${JSON.stringify(seen)}`);
  expect.soft(seen.scrolls, `${shot}: the page scrolls sideways`).toBe('');
  expect.soft(seen.outside, `${shot}: controls outside the window`).toEqual([]);
  expect.soft(seen.covered, `${shot}: controls covered`).toEqual([]);
  expect.soft(seen.spills, `${shot}: text past the window`).toEqual([]);
  expect.soft(seen.unreachable, `${shot}: text cut, whole text not reachable`).toEqual([]);
}

/**
 * How much of an account's name a row shows beside (or above) its buttons, against the width of its first eight
 * characters in the name's own font: a name cut to "Gr…" is there in its title, but a person reads none of it.
 */
async function expectNameShown(row: Locator, name: string, shot: string): Promise<void> {
  const seen = await row
    .getByText(name, { exact: true })
    .first()
    .evaluate((el, text) => {
      const r = el.getBoundingClientRect();
      let clip = r;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement)
        if (getComputedStyle(a).overflowX !== 'visible') {
          clip = a.getBoundingClientRect();
          break;
        }
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = getComputedStyle(el).font;
      return {
        shown: Math.round(Math.min(r.right, clip.right) - Math.max(r.left, clip.left)),
        eight: Math.round(context.measureText([...text].slice(0, 8).join('')).width),
      };
    }, name);
  expect
    .soft(seen.shown, `${shot}: the name shows ${seen.shown} px, eight characters take ${seen.eight} px`)
    .toBeGreaterThanOrEqual(seen.eight);
}

const POPUP = { width: 360, height: 1400 };

async function popupAt(perch: Perch, url: string, shot: string, shows: string): Promise<Page> {
  const popup = await popupOn(perch, url, { viewport: POPUP });
  await expect(popup.getByText(shows).first()).toBeVisible({ timeout: 15_000 });
  await expectLaidOut(popup, shot);
  return popup;
}

/** The side panel with Perch's copies of Ada's bookmarks and Lists read from X (the popup names only Lists it holds). */
async function syncedPanel(perch: Perch, width: number): Promise<Page> {
  const panel = await perch.open('sidepanel');
  await panel.setViewportSize({ width, height: 2400 });
  await expect(panel.getByRole('list', { name: 'Bookmarks' }).getByText(OVERSIZE_LATIN_NAME).first()).toBeVisible({
    timeout: 30_000,
  });
  await expect(panel.getByText(/^Last synced /)).toBeVisible({ timeout: 30_000 });
  await panel.getByRole('tab', { name: 'Lists' }).click();
  await expect(panel.getByRole('button', { name: OVERSIZE_LIST_NAME, exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(panel.getByRole('button', { name: OVERSIZE_CJK_LIST_NAME, exact: true })).toBeVisible();
  return panel;
}

test.describe('oversize names and texts, in Chromium', () => {
  let seed: OversizeSeed;
  test.beforeEach(async ({ perch, emu }) => {
    seed = await emu.oversize();
    await signIn(perch, await perch.open('options'));
  });

  test('the popup on a post, a profile and a List keeps every control whole and every text inside', async ({ perch }) => {
    await syncedPanel(perch, 320);
    const at = `https://x.com/${OVERSIZE_LATIN_USERNAME}`;
    await popupAt(perch, `${at}/status/${seed.posts.word}`, 'popup-post-word', OVERSIZE_LATIN_NAME);
    await popupAt(perch, `${at}/status/${seed.posts.url}`, 'popup-post-url', OVERSIZE_LATIN_NAME);
    await popupAt(perch, `https://x.com/${OVERSIZE_CJK_USERNAME}/status/${seed.posts.cjk}`, 'popup-post-cjk', OVERSIZE_CJK_NAME);
    await popupAt(perch, at, 'popup-profile', OVERSIZE_LATIN_NAME);
    await popupAt(perch, `https://x.com/${OVERSIZE_CJK_USERNAME}`, 'popup-profile-cjk', OVERSIZE_CJK_NAME);
    await popupAt(perch, `https://x.com/i/lists/${seed.lists.latin}`, 'popup-list', OVERSIZE_LIST_NAME);
    await popupAt(perch, `https://x.com/i/lists/${seed.lists.cjk}`, 'popup-list-cjk', OVERSIZE_CJK_LIST_NAME);
  });

  for (const width of [180, 320]) {
    test(`the side panel at ${width} px: Bookmarks, Lists, a List, Muted, Blocked and Activity rows`, async ({ perch }) => {
      const panel = await syncedPanel(perch, width);
      // Two things Perch did, for the Activity tab: follow the long-named account, pin the long-named List.
      const profile = await popupOn(perch, `https://x.com/${OVERSIZE_LATIN_USERNAME}`, { viewport: POPUP });
      await profile.getByRole('button', { name: 'Follow', exact: true }).click();
      await expect(profile.getByRole('button', { name: /^(Unfollow|Following)/ })).toBeVisible();
      const list = await popupOn(perch, `https://x.com/i/lists/${seed.lists.latin}`, { viewport: POPUP });
      await list.getByRole('button', { name: 'Pin list', exact: true }).click();
      await expect(list.getByText('X pinned this list.')).toBeVisible();
      await panel.bringToFront();

      await panel.getByRole('tab', { name: 'Bookmarks' }).click();
      await expectLaidOut(panel, `panel-${width}-bookmarks`);

      await panel.getByRole('tab', { name: 'Lists' }).click();
      await expect(panel.getByRole('button', { name: `Unpin ${OVERSIZE_LIST_NAME}` })).toBeVisible({ timeout: 15_000 });
      await expectLaidOut(panel, `panel-${width}-lists`);
      await panel.getByRole('button', { name: OVERSIZE_LIST_NAME, exact: true }).click();
      await panel.getByRole('button', { name: `Load members of ${OVERSIZE_LIST_NAME} from X` }).click();
      await expect(panel.getByRole('region', { name: 'Members' }).getByText(OVERSIZE_LATIN_NAME).first()).toBeVisible({
        timeout: 15_000,
      });
      await expectLaidOut(panel, `panel-${width}-list`);
      await expectNameShown(
        panel.getByRole('list', { name: `Members of ${OVERSIZE_LIST_NAME}` }),
        OVERSIZE_LATIN_NAME,
        `panel-${width}-list`,
      );

      await panel.getByRole('tab', { name: 'Muted' }).click();
      await expect(panel.getByText(OVERSIZE_LATIN_NAME).first()).toBeVisible({ timeout: 15_000 });
      await expectLaidOut(panel, `panel-${width}-muted`);
      await expectNameShown(panel.getByRole('list', { name: /^Muted/ }), OVERSIZE_LATIN_NAME, `panel-${width}-muted`);

      await panel.getByRole('tab', { name: 'Blocked' }).click();
      await expect(panel.getByText(OVERSIZE_CJK_NAME).first()).toBeVisible({ timeout: 15_000 });
      await expectLaidOut(panel, `panel-${width}-blocked`);

      await panel.getByRole('tab', { name: 'Activity' }).click();
      const done = panel.getByRole('list', { name: 'What Perch did on X' });
      await expect(done.getByText(OVERSIZE_LIST_NAME).first()).toBeVisible({ timeout: 15_000 });
      await expect(done.getByText(OVERSIZE_LATIN_USERNAME).first()).toBeVisible();
      await expectLaidOut(panel, `panel-${width}-activity`);
    });
  }
});
