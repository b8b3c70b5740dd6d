import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

/**
 * The manager's six tabs in the side panel at its narrowest without zoom (Chrome's side panel is about 320 CSS px
 * wide at 100%): every tab's whole label shows inside the panel, in English and in Japanese, with nothing to scroll
 * sideways to reach one.
 */

/** Each tab whose label is cut: its box past the panel's edge, or its text wider than its box. */
function cutTabs() {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll<HTMLElement>('[role="tab"]')]
    .map((tab) => ({ tab, box: tab.getBoundingClientRect() }))
    .filter(({ tab, box }) => box.left < -0.5 || box.right > width + 0.5 || tab.scrollWidth > tab.clientWidth + 0.5)
    .map(({ tab, box }) => `${tab.textContent}: ${Math.round(box.left)}–${Math.round(box.right)} of ${width} px`);
}

async function tabsAt(panel: Page, width: number, lang: string, path: string): Promise<string[]> {
  await panel.setViewportSize({ width, height: 640 });
  await expect(panel.getByRole('tab')).toHaveCount(6, { timeout: 30_000 });
  await panel.screenshot({ path });
  const cut = await panel.evaluate(cutTabs);
  console.log(`${lang} at ${width} px: ${cut.length ? cut.join('; ') : 'every tab whole'}`);
  return cut;
}

for (const lang of ['en', 'ja'] as const) {
  test.describe(`the manager's tabs in a 320 px side panel (${lang}), in Chromium`, () => {
    test.use({ lang: lang === 'en' ? undefined : lang });
    test('every tab shows its whole label, and the last is reached without scrolling sideways', async ({ perch }, info) => {
      await signIn(perch, await perch.open('options'), 'Authorize app', lang === 'en' ? 'Sign in with X' : 'Xでログイン');
      const panel = await perch.open('sidepanel');
      for (const width of [180, 320, 360])
        expect(await tabsAt(panel, width, lang, info.outputPath(`tabs-${lang}-${width}px.png`))).toEqual([]);
      // The tab bar does not scroll sideways: a person sees every tab at once.
      const tabs = panel.getByRole('tablist');
      expect(await tabs.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    });
  });
}
