import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { CROWD_USERS, SECOND_USER_ID, SEED_BLOCKED_IDS, SEED_MUTED_IDS } from '../../emulator/seed';
import { expect, sayEnterprisePlan, signIn, test, textOf, type FirefoxPerch } from './fixtures';

const aria = (page: Page, name: string, role: string) => page.locator(`::-p-aria(${name}[role="${role}"])`);
/** The shown tab's parts (hidden tabs stay drawn). */
const PANEL = '[role="tabpanel"]:not([hidden])';
const noteOf = (page: Page) => textOf(page, `${PANEL} .mgr-note`);

async function openTab(ff: FirefoxPerch, tab: 'Lists' | 'Muted' | 'Blocked'): Promise<Page> {
  await signIn(ff, ff.options);
  const page = await ff.open('sidepanel');
  await aria(page, tab, 'tab').click();
  await expect.poll(() => page.$eval('[role="tab"][aria-selected="true"]', (t) => t.textContent)).toBe(tab);
  return page;
}

const GRACE_ID = SECOND_USER_ID;

test.describe('the Lists, Muted and Blocked tabs in Firefox', () => {
  test('creates a list, adds one member looked up by @username, and deletes the list after confirming', async ({ ff, emu }) => {
    const page = await openTab(ff, 'Lists');
    await aria(page, 'Compiler folks 🛠️', 'button').wait();

    await aria(page, 'New list', 'button').click();
    await aria(page, 'Name', 'textbox').fill('Firefox list');
    await aria(page, 'Create list on X', 'button').click();
    await expect.poll(() => noteOf(page)).toContain('Create the list “Firefox list”: done.');
    const listId = (await emu.relations()).owned_lists.find((l) => l.name === 'Firefox list')?.id;
    expect(listId).toBeDefined();

    await aria(page, 'Firefox list', 'button').click();
    await aria(page, 'Add an account to Firefox list by @username', 'textbox').fill('@gracehop');
    await aria(page, 'Look up', 'button').click();
    await expect.poll(() => textOf(page, `${PANEL} .mgr-user-card`)).toContain('Grace Hopper');
    await aria(page, 'Add @gracehop to Firefox list', 'button').click();
    await expect.poll(() => noteOf(page)).toContain('Add @gracehop to “Firefox list”: done.');
    expect((await emu.relations()).owned_lists.find((l) => l.id === listId)?.member_ids).toEqual([GRACE_ID]);

    await aria(page, 'Delete list Firefox list', 'button').click();
    // Asking is not deleting.
    expect((await emu.relations()).owned_lists.map((l) => l.id)).toContain(listId);
    await aria(page, 'Yes, delete Firefox list', 'button').click();
    await expect.poll(() => noteOf(page)).toContain('Delete the list “Firefox list”: done.');
    expect((await emu.relations()).owned_lists.map((l) => l.id)).not.toContain(listId);
  });

  test('mutes by @username, unmutes with undo, searches without accents, and exports JSON', async ({ ff, emu }) => {
    const page = await openTab(ff, 'Muted');
    await expect.poll(() => textOf(page, `${PANEL} .mgr-head`)).toContain(`${SEED_MUTED_IDS.length} muted accounts`);

    await aria(page, 'Mute an account by @username', 'textbox').fill('gracehop');
    await aria(page, 'Look up', 'button').click();
    await aria(page, 'Mute @gracehop', 'button').click();
    await expect.poll(() => noteOf(page)).toContain('Mute @gracehop: done.');
    expect((await emu.relations()).muting).toContain(GRACE_ID);

    await aria(page, 'Unmute @gracehop', 'button').click();
    await expect.poll(() => noteOf(page)).toContain('Unmute @gracehop: done.');
    expect((await emu.relations()).muting).not.toContain(GRACE_ID);
    await aria(page, 'Undo: Unmute @gracehop', 'button').click();
    await expect.poll(() => noteOf(page)).toContain('Unmute @gracehop: undone.');
    expect((await emu.relations()).muting).toContain(GRACE_ID);

    const renee = CROWD_USERS.find((u) => u.username === 'renee_zs')!;
    expect(SEED_MUTED_IDS).toContain(renee.id);
    await aria(page, 'Search muted accounts', 'searchbox').fill('RENEE zellweger');
    await expect
      .poll(() => page.$$eval(`${PANEL} [role="listitem"]`, (items) => items.map((i) => i.textContent)))
      .toEqual([expect.stringContaining('Renée Zellweger-Smith')]);

    // The export, as the file Firefox saved (waited for: quitting mid-download would stop at Firefox's prompt). Firefox
    // writes "<name>.part" beside an empty "<name>" and then moves it over: one file that parses means it is done.
    await aria(page, 'Export', 'button').click();
    await aria(page, 'Export JSON', 'menuitem').click();
    const saved = () => {
      const names = readdirSync(ff.downloads);
      try {
        return names.length === 1 ? { name: names[0], ...JSON.parse(readFileSync(path.join(ff.downloads, names[0]!), 'utf8')) } : names;
      } catch {
        return names;
      }
    };
    await expect
      .poll(saved)
      .toMatchObject({ name: expect.stringMatching(/^perch-muted-\d{4}-\d{2}-\d{2}\.json$/), collection: 'muted', count: 1 });
    const json = saved() as { accounts: { id: string; username: string; name: string; url: string }[] };
    expect(json.accounts).toEqual([{ id: renee.id, username: 'renee_zs', name: 'Renée Zellweger-Smith', url: 'https://x.com/renee_zs' }]);
  });

  test('on a pay-per-use app, offers a block on x.com and sends nothing to X', async ({ ff, emu }) => {
    const page = await openTab(ff, 'Blocked');
    await expect.poll(() => textOf(page, `${PANEL} .mgr-head`)).toContain(`${SEED_BLOCKED_IDS.length} blocked accounts`);
    await emu.clearLog();
    await aria(page, 'Block an account by @username', 'textbox').fill('@gracehop');
    await aria(page, 'Look up', 'button').click();
    const link = aria(page, 'Block @gracehop on x.com', 'link');
    expect(await (await link.waitHandle()).evaluate((a) => a.getAttribute('href'))).toBe('https://x.com/gracehop');
    expect(await page.$$(`::-p-aria(Block @gracehop[role="button"])`)).toHaveLength(0);
    expect((await emu.log()).filter((e) => e.path.includes('/blocking'))).toEqual([]);
  });

  test('with the Enterprise setting, explains X’s refusal of a block and links to the profile on x.com', async ({ ff, emu }) => {
    await sayEnterprisePlan(ff);
    const page = await openTab(ff, 'Blocked');
    await expect.poll(() => textOf(page, `${PANEL} .mgr-head`)).toContain(`${SEED_BLOCKED_IDS.length} blocked accounts`);

    await aria(page, 'Block an account by @username', 'textbox').fill('@gracehop');
    await aria(page, 'Look up', 'button').click();
    await aria(page, 'Block @gracehop', 'button').click();
    // Block asks first, saying what it does; Escape cancels and sends nothing.
    await aria(page, 'Block @gracehop?', 'dialog').wait();
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await page.$$('dialog[open]')).length).toBe(0);
    expect((await emu.log()).filter((e) => e.method === 'POST' && e.path.includes('/blocking'))).toEqual([]);
    await aria(page, 'Block @gracehop', 'button').click();
    await page.locator('dialog[open] ::-p-aria(Block @gracehop[role="button"])').click();
    await expect.poll(() => noteOf(page)).toContain('Block @gracehop: not done.');
    expect(await noteOf(page)).toContain('only on the Enterprise plan');
    const link = aria(page, 'Block @gracehop on x.com', 'link');
    expect(await (await link.waitHandle()).evaluate((a) => a.getAttribute('href'))).toBe('https://x.com/gracehop');
    expect((await emu.relations()).blocking).not.toContain(GRACE_ID);
    expect((await emu.relations()).blocking).toHaveLength(SEED_BLOCKED_IDS.length);
  });
});
