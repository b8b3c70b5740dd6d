import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { CROWD_USERS, SECOND_USER_ID, SEED_BLOCKED_IDS, SEED_LISTS, SEED_MUTED_IDS } from '../../emulator/seed';
import { scan } from '../support/axe-chromium';
import { ADA } from '../support/emulator-control';
import { expect, signIn, test, type Perch } from './fixtures';

async function openManager(perch: Perch, tab: 'lists' | 'muted' | 'blocked'): Promise<Page> {
  const page = await perch.open('manager', `#${tab}`);
  await expect(page.getByRole('tab', { selected: true })).toHaveText({ lists: 'Lists', muted: 'Muted', blocked: 'Blocked' }[tab]);
  return page;
}

/** The tab's status line, once it says `text`. */
const note = (page: Page, text: string) => expect(page.getByRole('status').filter({ hasText: text })).toBeVisible();

const GRACE = { id: SECOND_USER_ID, name: 'Grace Hopper', username: 'gracehop' };
const byUsername = (username: string) => CROWD_USERS.find((u) => u.username === username)!;

test.describe('the Lists, Muted and Blocked tabs in Chromium', () => {
  test.beforeEach(async ({ perch }) => {
    await signIn(perch, await perch.open('options'));
  });

  test('creates, renames, pins, fills, empties and deletes a list, each step on X', async ({ perch, emu }) => {
    const page = await openManager(perch, 'lists');
    // The tab syncs on first show: Ada's lists by section.
    const owned = page.getByRole('region', { name: /^Owned/ });
    // Ada pinned Compiler folks: it is under Pinned, not repeated under Owned.
    await expect(
      page.getByRole('region', { name: /^Pinned/ }).getByRole('button', { name: 'Compiler folks 🛠️', exact: true }),
    ).toBeVisible();
    await expect(owned.getByRole('button', { name: 'Compiler folks 🛠️', exact: true })).toHaveCount(0);
    await expect(owned.getByRole('button', { name: 'Reading list 📚', exact: true })).toBeVisible();
    await expect(
      page.getByRole('region', { name: /^Followed/ }).getByRole('button', { name: 'Navy computing ⚓', exact: true }),
    ).toBeVisible();
    await expect(page.getByRole('region', { name: /^Member of/ }).getByRole('button', { name: 'Bletchley 🔐', exact: true })).toBeVisible();
    await expect(page.getByText(/^Last synced /)).toBeVisible();

    // Create: X's limits are shown and enforced before anything is sent.
    await page.getByRole('button', { name: 'New list' }).click();
    const form = page.getByRole('form', { name: 'New list' });
    await form.getByRole('textbox', { name: 'Name' }).fill('n'.repeat(26));
    await expect(form.getByText('The name is 1 character too long: X allows 25.')).toBeVisible();
    await expect(form.getByText('26/25')).toBeVisible();
    await expect(form.getByRole('button', { name: 'Create list on X' })).toBeDisabled();
    await form.getByRole('textbox', { name: 'Name' }).fill('Perch e2e');
    await form.getByRole('textbox', { name: 'Description' }).fill('Made by the end-to-end test');
    await form.getByRole('button', { name: 'Create list on X' }).click();
    await note(page, 'Create the list “Perch e2e”: done.');
    const created = (await emu.relations()).owned_lists.find((l) => l.name === 'Perch e2e');
    expect(created).toMatchObject({ description: 'Made by the end-to-end test', private: false, member_ids: [] });
    const listId = created!.id;

    // Rename it.
    await owned.getByRole('button', { name: 'Perch e2e', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Perch e2e', level: 2 })).toBeFocused();
    await page.getByRole('button', { name: 'Edit Perch e2e' }).click();
    const edit = page.getByRole('form', { name: 'Edit Perch e2e' });
    await edit.getByRole('textbox', { name: 'Name' }).fill('Perch e2e renamed');
    await edit.getByRole('button', { name: 'Save changes to Perch e2e' }).click();
    await note(page, 'Change the list “Perch e2e”: done.');
    await expect(page.getByRole('heading', { name: 'Perch e2e renamed', level: 2 })).toBeVisible();
    expect((await emu.relations()).owned_lists.find((l) => l.id === listId)?.name).toBe('Perch e2e renamed');
    const name = 'Perch e2e renamed';

    // Add ONE member by @username: looked up and shown before the Add button.
    await page.getByRole('textbox', { name: `Add an account to ${name} by @username` }).fill('@gracehop');
    await page.getByRole('button', { name: 'Look up' }).click();
    const card = page.getByRole('group', { name: 'Account found: @gracehop' });
    await expect(card).toContainText(GRACE.name);
    await expect(card).toContainText('@gracehop');
    await card.getByRole('button', { name: `Add @gracehop to ${name}` }).click();
    await note(page, `Add @gracehop to “${name}”: done.`);
    expect((await emu.relations()).owned_lists.find((l) => l.id === listId)?.member_ids).toEqual([GRACE.id]);

    // Remove it, then undo.
    const members = page.getByRole('list', { name: `Members of ${name}` });
    await members.getByRole('button', { name: `Remove @gracehop from ${name}` }).click();
    await note(page, `Remove @gracehop from “${name}”: done.`);
    await expect(members).toHaveCount(0);
    expect((await emu.relations()).owned_lists.find((l) => l.id === listId)?.member_ids).toEqual([]);
    await page.getByRole('button', { name: `Undo: Remove @gracehop from “${name}”` }).click();
    await note(page, `Remove @gracehop from “${name}”: undone.`);
    await expect(members.getByRole('listitem')).toContainText(['Grace Hopper']);
    expect((await emu.relations()).owned_lists.find((l) => l.id === listId)?.member_ids).toEqual([GRACE.id]);

    // Pin, then unpin.
    await page.getByRole('button', { name: `Pin ${name}` }).click();
    await note(page, `Pin “${name}”: done.`);
    expect((await emu.relations()).pinned_lists).toContain(listId);
    await page.getByRole('button', { name: `Unpin ${name}` }).click();
    await note(page, `Unpin “${name}”: done.`);
    expect((await emu.relations()).pinned_lists).not.toContain(listId);

    // Delete only after the explicit confirmation.
    await page.getByRole('button', { name: `Delete list ${name}` }).click();
    const confirm = page.getByRole('group', { name: /^Delete “Perch e2e renamed” on X\?/ });
    await expect(confirm.getByRole('button', { name: 'Keep it' })).toBeFocused();
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    expect((await emu.relations()).owned_lists.map((l) => l.id)).toContain(listId);
    await page.getByRole('button', { name: `Delete list ${name}` }).click();
    await page.getByRole('button', { name: `Yes, delete ${name}` }).click();
    await note(page, `Delete the list “${name}”: done.`);
    expect((await emu.relations()).owned_lists.map((l) => l.id)).not.toContain(listId);
    await expect(owned.getByRole('button', { name, exact: true })).toHaveCount(0);
    await expect(owned.getByRole('button', { name: 'Reading list 📚', exact: true })).toBeVisible();
  });

  test('mutes one account by @username, unmutes it with undo, searches without accents, and exports', async ({ perch, emu }) => {
    const page = await openManager(perch, 'muted');
    await expect(page.getByText(`${SEED_MUTED_IDS.length} muted accounts`)).toBeVisible();
    const list = page.getByRole('list', { name: 'Muted accounts, most recent first' });

    // Mute @gracehop: looked up and shown first.
    await page.getByRole('textbox', { name: 'Mute an account by @username' }).fill('gracehop');
    await page.getByRole('button', { name: 'Look up' }).click();
    const card = page.getByRole('group', { name: 'Account found: @gracehop' });
    await expect(card).toContainText(GRACE.name);
    await card.getByRole('button', { name: 'Mute @gracehop' }).click();
    await note(page, 'Mute @gracehop: done.');
    expect((await emu.relations()).muting).toContain(GRACE.id);
    await expect(list.getByRole('listitem').first()).toContainText('@gracehop');

    // Unmute, then undo.
    await list.getByRole('button', { name: 'Unmute @gracehop' }).click();
    await note(page, 'Unmute @gracehop: done.');
    expect((await emu.relations()).muting).not.toContain(GRACE.id);
    await expect(list.getByRole('button', { name: 'Unmute @gracehop' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Undo: Unmute @gracehop' }).click();
    await note(page, 'Unmute @gracehop: undone.');
    expect((await emu.relations()).muting).toContain(GRACE.id);
    await expect(list.getByRole('button', { name: 'Unmute @gracehop' })).toBeVisible();

    // Search ignores case and accents.
    const dvorak = byUsername('dvorak_a');
    expect(SEED_MUTED_IDS).toContain(dvorak.id);
    const search = page.getByRole('searchbox', { name: 'Search muted accounts' });
    await search.fill('ANTONIN DVORAK');
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(list.getByRole('listitem')).toContainText('Antonín Dvořák 🎻');
    await expect(page.getByText(`Showing 1 of ${SEED_MUTED_IDS.length + 1}.`)).toBeVisible();

    // Export what the search kept, as CSV.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^perch-muted-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await file.path(), 'utf8');
    // Every text cell quoted (a `;`-separated spreadsheet splits nothing, and no cell can start a formula).
    expect(csv).toBe(`\uFEFF"id","username","name","url"\r\n"${dvorak.id}","dvorak_a","Antonín Dvořák 🎻","https://x.com/dvorak_a"\r\n`);

    await search.fill('zzz-nobody');
    await expect(page.getByText('No muted account matches “zzz-nobody”.')).toBeVisible();
  });

  test('says when an action held back by X’s rate limit will be sent', async ({ perch, emu }) => {
    const page = await openManager(perch, 'muted');
    await expect(page.getByText(`${SEED_MUTED_IDS.length} muted accounts`)).toBeVisible();
    await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/muting`, count: 1, kind: 'rate_limit' });
    await page.getByRole('textbox', { name: 'Mute an account by @username' }).fill('gracehop');
    await page.getByRole('button', { name: 'Look up' }).click();
    const asked = Date.now();
    await page.getByRole('button', { name: 'Mute @gracehop' }).click();
    const queued = page
      .getByRole('status')
      .filter({ hasText: /^Mute @gracehop: queued until (?:[A-Z][a-z]+ \d+, )?\d?\d:\d\d \(X’s rate limit\)\.$/ });
    await expect(queued).toBeVisible();
    // X's window resets 15 minutes on: the time said is that, in the person's time zone.
    const [hh, mm] = (await queued.textContent())!
      .match(/(\d\d):(\d\d)/)!
      .slice(1)
      .map(Number);
    const reset = new Date(asked + 15 * 60_000);
    const minutes = (h: number, m: number) => h * 60 + m;
    const diff = (minutes(hh!, mm!) - minutes(reset.getHours(), reset.getMinutes()) + 1440) % 1440;
    expect(diff === 0 || diff === 1 || diff === 1439).toBe(true);
    // Shown here at once, not on X until then.
    await expect(page.getByRole('list', { name: 'Muted accounts, most recent first' }).getByRole('listitem').first()).toContainText(
      '@gracehop',
    );
    expect((await emu.relations()).muting).not.toContain(GRACE.id);
  });

  test('keeps a List whose pin X held back where X has it, said waiting, and moves it once X pinned it', async ({ perch, emu }) => {
    const page = await openManager(perch, 'lists');
    const owned = page.getByRole('region', { name: /^Owned/ });
    const pinned = page.getByRole('region', { name: /^Pinned/ });
    const reading = (section: typeof owned) => section.getByRole('button', { name: 'Reading list 📚', exact: true });
    await expect(reading(owned)).toBeVisible();
    // Out of credits: X pins nothing until the person retries.
    await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/pinned_lists`, count: 1, kind: 'usage_capped' });
    await owned.getByRole('button', { name: 'Pin Reading list 📚' }).click();
    const card = owned.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Reading list 📚', exact: true }) });
    await expect(card).toContainText('Pin not on X yet. Waiting: Your X app is out of credits');
    await expect(reading(pinned)).toHaveCount(0);
    expect((await emu.relations()).pinned_lists).not.toContain(SEED_LISTS.adaReading);
    await scan(page, 'Lists tab, a pin waiting for the person');

    await page.getByRole('tab', { name: 'Activity' }).click();
    await page.getByRole('button', { name: 'Retry: Pin “Reading list 📚”' }).click();
    await expect.poll(async () => (await emu.relations()).pinned_lists).toContain(SEED_LISTS.adaReading);
    await page.getByRole('tab', { name: 'Lists' }).click();
    await expect(reading(pinned)).toBeVisible();
    await expect(page.getByText('Pin not on X yet')).toHaveCount(0);
  });

  test('on a pay-per-use app, offers block and unblock on x.com and asks nothing of X', async ({ perch, emu }) => {
    const page = await openManager(perch, 'blocked');
    await expect(page.getByText(`${SEED_BLOCKED_IDS.length} blocked accounts`)).toBeVisible();
    await emu.clearLog();

    await expect(page.getByText(/links each account to its profile on x\.com/)).toBeVisible();
    await page.getByRole('textbox', { name: 'Block an account by @username' }).fill('@gracehop');
    await page.getByRole('button', { name: 'Look up' }).click();
    const found = page.getByRole('group', { name: 'Account found: @gracehop' });
    await expect(found.getByRole('link', { name: 'Block @gracehop on x.com' })).toHaveAttribute('href', 'https://x.com/gracehop');
    await expect(found.getByRole('button', { name: 'Block @gracehop' })).toHaveCount(0);
    const list = page.getByRole('list', { name: 'Blocked accounts, most recent first' });
    await page.getByRole('searchbox', { name: 'Search blocked accounts' }).fill('spambot');
    await expect(list.getByRole('link', { name: 'Unblock @spambot3000 on x.com' })).toHaveAttribute('href', 'https://x.com/spambot3000');
    await expect(list.getByRole('button', { name: 'Unblock @spambot3000' })).toHaveCount(0);
    // Only the look-up reached X: no block or unblock was sent.
    expect((await emu.log()).filter((e) => e.path.includes('/blocking')).map((e) => `${e.method} ${e.status}`)).toEqual([]);
  });

  test('with the Enterprise setting on a pay-per-use app, says honestly that X refused, with a link to x.com', async ({ perch, emu }) => {
    const options = await perch.open('options');
    await options.getByRole('checkbox', { name: 'My X app is on the Enterprise plan' }).check();
    await expect(options.getByText('Perch now replies, quotes and blocks through your app.')).toBeVisible();
    await options.close();
    const page = await openManager(perch, 'blocked');
    await expect(page.getByText(`${SEED_BLOCKED_IDS.length} blocked accounts`)).toBeVisible();
    await emu.clearLog();

    await page.getByRole('textbox', { name: 'Block an account by @username' }).fill('@gracehop');
    await page.getByRole('button', { name: 'Look up' }).click();
    const block = page.getByRole('group', { name: 'Account found: @gracehop' }).getByRole('button', { name: 'Block @gracehop' });
    await block.click();
    // Block asks first, saying what it does; Cancel sends nothing and gives focus back to the button.
    const ask = page.getByRole('dialog', { name: 'Block @gracehop?' });
    await expect(ask).toContainText('If they follow you, they stop following you.');
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await expect(ask).toHaveCount(0);
    await expect(block).toBeFocused();
    expect((await emu.log()).filter((e) => e.method === 'POST' && e.path.includes('/blocking'))).toEqual([]);
    await block.click();
    await ask.getByRole('button', { name: 'Block @gracehop' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Block @gracehop: not done.' })).toContainText('Enterprise plan');
    await expect(page.getByText(/it lets apps block accounts only on the Enterprise plan/)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Block @gracehop on x.com' })).toHaveAttribute('href', 'https://x.com/gracehop');
    // X refused it (403) and nothing changed, on X or here.
    const posts = (await emu.log()).filter((e) => e.method === 'POST' && e.path === `/2/users/${ADA.id}/blocking`);
    expect(posts.map((e) => e.status)).toEqual([403]);
    expect((await emu.relations()).blocking).not.toContain(GRACE.id);
    const list = page.getByRole('list', { name: 'Blocked accounts, most recent first' });
    await expect(list.getByText('@gracehop')).toHaveCount(0);

    // Unblocking is refused the same way, and the account stays in the list.
    await page.getByRole('searchbox', { name: 'Search blocked accounts' }).fill('spambot');
    await list.getByRole('button', { name: 'Unblock @spambot3000' }).click();
    await expect(page.getByRole('link', { name: 'Unblock @spambot3000 on x.com' })).toHaveAttribute('href', 'https://x.com/spambot3000');
    await expect(list.getByRole('button', { name: 'Unblock @spambot3000' })).toBeVisible();
    expect((await emu.relations()).blocking).toHaveLength(SEED_BLOCKED_IDS.length);
  });
});
