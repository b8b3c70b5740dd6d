import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

/**
 * The side panel as narrow as a person makes it: Chrome's side panel at 200% zoom is about 180 CSS px wide, at 100%
 * about 320. The Bookmarks toolbar (search, folder, Export; Sync) stays inside the panel, wrapping rather than
 * clipping, and an author's name keeps its first characters rather than shrinking to one letter.
 */

/** Characters of an author's name that must show on a card, however narrow the panel. */
const NAME_CHARS = 6;

/** What overflows the panel sideways: each toolbar control outside it, and each card name showing too little. */
function measureNarrow(nameChars: number) {
  const width = document.documentElement.clientWidth;
  const toolbar = document.querySelector('.bookmarks-toolbar')!;
  // The Import file input is visually hidden (its menu item opens it): not a control a person sees.
  const controls = [...toolbar.querySelectorAll('input:not([type="file"]), select, button')].filter(
    (el) => (el as HTMLElement).offsetParent !== null,
  );
  const outside = controls
    .map((el) => ({ el, box: el.getBoundingClientRect() }))
    .filter(({ box }) => box.left < 0 || box.right > width + 0.5 || box.width < 24)
    .map(({ el, box }) => `${el.getAttribute('aria-label') ?? el.id ?? el.tagName}: ${Math.round(box.left)}–${Math.round(box.right)}`);
  const short: string[] = [];
  for (const name of document.querySelectorAll<HTMLElement>('.bookmarks-names .bookmarks-name')) {
    const text = name.textContent ?? '';
    const clip = name.closest('.bookmarks-names')!.getBoundingClientRect();
    const box = name.getBoundingClientRect();
    if (clip.right > width + 0.5) short.push(`${text}: its line runs past the panel`);
    // The width the name's first characters need, against the width its line gives it.
    const range = document.createRange();
    const node = name.querySelector('bdi')?.firstChild ?? name.firstChild;
    if (!node?.textContent) continue;
    range.setStart(node, 0);
    range.setEnd(node, Math.min(nameChars, node.textContent.length));
    const needed = range.getBoundingClientRect().width;
    const shown = Math.min(box.right, clip.right) - box.left;
    if (shown + 0.5 < needed) short.push(`${text}: ${Math.round(shown)} of ${Math.round(needed)} px`);
  }
  const scrolls = document.scrollingElement!.scrollWidth > document.scrollingElement!.clientWidth;
  return {
    width,
    controls: controls.length,
    outside,
    short,
    names: document.querySelectorAll('.bookmarks-names .bookmarks-name').length,
    scrolls,
  };
}

async function bookmarksAt(panel: Page, width: number): Promise<void> {
  await panel.setViewportSize({ width, height: 640 });
  await expect(panel.getByText(/^\d[\d,]* bookmarks$/)).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByText(/^Last synced /)).toBeVisible();
  await expect(panel.getByRole('list', { name: 'Bookmarks' }).getByRole('listitem').first()).toBeVisible();
  // The folder picker shows once the folders are synced, after the bookmarks.
  await expect(panel.getByRole('combobox', { name: 'Folder' })).toBeVisible({ timeout: 30_000 });
}

test.describe('the Bookmarks tab in a narrow side panel, in Chromium', () => {
  test.beforeEach(async ({ perch }) => {
    await signIn(perch, await perch.open('options'));
  });

  for (const width of [180, 320]) {
    test(`at ${width} px the toolbar stays inside the panel and names keep ${NAME_CHARS} characters`, async ({ perch }, info) => {
      const panel = await perch.open('sidepanel');
      await bookmarksAt(panel, width);
      await panel.screenshot({ path: info.outputPath(`bookmarks-${width}px.png`) });
      const seen = await panel.evaluate(measureNarrow, NAME_CHARS);
      console.log(`at ${width} px: ${JSON.stringify(seen)}`);
      // Search, folder, Export and Sync: each whole, inside the panel.
      expect(seen.controls).toBeGreaterThanOrEqual(4);
      expect(seen.outside).toEqual([]);
      expect(seen.names).toBeGreaterThan(0);
      expect(seen.short).toEqual([]);
      expect(seen.scrolls).toBe(false);
      // Every control is still reached and named: the search box takes typing.
      await panel.getByRole('searchbox', { name: 'Search bookmarks' }).fill('a');
      await expect(panel.getByRole('button', { name: /^Export/ })).toBeVisible();
    });
  }
});
