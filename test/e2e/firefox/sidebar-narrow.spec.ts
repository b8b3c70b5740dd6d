import type { Page } from 'puppeteer-core';
import { SEED_BLOCKED_IDS } from '../../emulator/seed';
import { expect, setViewportSize, signIn, test, textOf, type FirefoxPerch } from './fixtures';

/**
 * Firefox shows the manager in its sidebar, a few hundred pixels wide. Walked there at 320 px, two rows drew over
 * themselves: the Blocked tab's link to x.com ("Unblock @promo_acct_32 on x.com") took the whole row, so the account's
 * name shrank to nothing and its Profile link sat on its picture; and an Activity row waiting for the person put its
 * Retry and Cancel in one grid cell, one over the other ("Rercel").
 */

const aria = (page: Page, name: string, role: string) => page.locator(`::-p-aria(${name}[role="${role}"])`);
const PANEL = '[role="tabpanel"]:not([hidden])';
const WIDTH = 320;

async function sidebar(ff: FirefoxPerch, tab: 'Lists' | 'Blocked' | 'Activity'): Promise<Page> {
  await signIn(ff, ff.options);
  const page = await ff.open('sidepanel');
  await setViewportSize(page, WIDTH, 700);
  await aria(page, tab, 'tab').click();
  await expect.poll(() => page.$eval('[role="tab"][aria-selected="true"]', (t) => t.textContent)).toBe(tab);
  return page;
}

type Box = { left: number; right: number; top: number; bottom: number };
const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

test.describe('the manager in Firefox’s sidebar, 320 px wide', () => {
  test('a blocked account’s row shows its name beside its links, which stay inside the panel', async ({ ff }) => {
    const page = await sidebar(ff, 'Blocked');
    await expect.poll(() => textOf(page, `${PANEL} .mgr-head`)).toContain(`${SEED_BLOCKED_IDS.length} blocked accounts`);
    await page.waitForSelector(`${PANEL} [role="listitem"] .quick-link`);
    const rows = await page.$$eval(`${PANEL} [role="listitem"]`, (items) =>
      items.map((row) => {
        const box = (e: Element | null) => {
          const r = e!.getBoundingClientRect();
          return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width };
        };
        return {
          username: row.querySelector('.mgr-identity .muted')!.textContent,
          names: box(row.querySelector('.mgr-identity-names')),
          picture: box(row.querySelector('.mgr-identity .avatar, .mgr-identity .mgr-avatar-blank')),
          profile: box(row.querySelector('.mgr-profile-link')),
          unblock: box(row.querySelector('.quick-link')),
          unblockText: row.querySelector('.quick-link')!.textContent,
          unblockName: row.querySelector('.quick-link')!.getAttribute('aria-label'),
        };
      }),
    );
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows) {
      // Room for the name: at least a few letters of it are drawn.
      expect(row.names.width, `${row.username}: name`).toBeGreaterThan(40);
      expect(overlap(row.profile, row.picture), `${row.username}: Profile over the picture`).toBe(false);
      expect(overlap(row.profile, row.names), `${row.username}: Profile over the name`).toBe(false);
      expect(row.unblock.right, `${row.username}: Unblock cut off`).toBeLessThanOrEqual(WIDTH);
      // Shown short; named with the account and where it goes, starting with what is shown.
      expect(row.unblockText).toBe('Unblock');
      expect(row.unblockName).toBe(`Unblock ${row.username} on x.com`);
    }
  });

  test('an action waiting for the person shows Retry and Cancel apart', async ({ ff, emu }) => {
    const page = await sidebar(ff, 'Lists');
    // X answers the pin "out of credits" (usage-capped, response-codes-and-errors): it waits for the person's Retry.
    await emu.fault({ method: 'POST', path: '/2/users/*', count: 1, kind: 'usage_capped' });
    await aria(page, 'Pin Reading list 📚', 'button').click();
    await aria(page, 'Activity', 'tab').click();
    const retry = await aria(page, 'Retry: Pin “Reading list 📚”', 'button').waitHandle();
    const cancel = await aria(page, 'Cancel: Pin “Reading list 📚”', 'button').waitHandle();
    const boxOf = (h: typeof retry) =>
      h.evaluate((e) => {
        const r = e.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      });
    const [r, c] = [await boxOf(retry), await boxOf(cancel)];
    expect(overlap(r, c)).toBe(false);
    expect(Math.max(r.right, c.right)).toBeLessThanOrEqual(WIDTH);
    // Both still answer a click: Cancel, the one drawn on top before, and Retry beneath it.
    await cancel.click();
    await expect.poll(() => textOf(page, `${PANEL} .activity-item`)).toContain('Cancelled before it was sent');
  });
});
