import type { Locator, Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

/**
 * The left edges of the `@` and of the username's first letter as drawn inside `card`: in the order one reads them
 * when nothing reverses them, `@` comes first.
 */
async function atAndFirstLetter(card: Locator, username: string): Promise<{ at: number; first: number }> {
  return card.locator('.bookmarks-names').evaluate((el, name) => {
    const edge = (node: Text, offset: number) => {
      const range = document.createRange();
      range.setStart(node, offset);
      range.setEnd(node, offset + 1);
      return range.getBoundingClientRect().left;
    };
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let at: number | undefined;
    let first: number | undefined;
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      if (at === undefined && n.data.includes('@')) at = edge(n, n.data.indexOf('@'));
      if (first === undefined && n.data.includes(name)) first = edge(n, n.data.indexOf(name));
    }
    return { at: at ?? NaN, first: first ?? NaN };
  }, username);
}

async function openManager(page: Page, id: string): Promise<void> {
  await page.goto(`chrome-extension://${id}/manager.html`);
  await expect(page.getByText('800 bookmarks', { exact: true })).toBeVisible({ timeout: 30_000 });
}

test.describe('X text that tries to reverse what is beside it, in Chromium', () => {
  test('a bookmark by an author whose name ends in U+202E still reads “@kwame_m” left to right', async ({ perch }) => {
    await signIn(perch, await perch.open('options'));
    const page = await perch.context.newPage();
    await openManager(page, perch.id);
    await page.getByRole('searchbox', { name: 'Search bookmarks' }).fill('kwame_m');
    const card = page.getByRole('article', { name: /@kwame_m$/ }).first();
    await expect(card).toBeVisible();
    await expect(card.locator('bdi').first()).toHaveText('Kwame Mensah\u202E');
    const { at, first } = await atAndFirstLetter(card, 'kwame_m');
    expect(at).toBeLessThan(first);

    // The measure can tell: with the isolation taken out of this card, the override reverses "@kwame_m".
    await card.evaluate((el) => {
      for (const bdi of el.querySelectorAll('bdi')) bdi.replaceWith(...bdi.childNodes);
      for (const name of el.querySelectorAll<HTMLElement>('.bookmarks-name')) name.style.unicodeBidi = 'normal';
    });
    const unisolated = await atAndFirstLetter(card, 'kwame_m');
    expect(unisolated.at).toBeGreaterThan(unisolated.first);
  });
});
