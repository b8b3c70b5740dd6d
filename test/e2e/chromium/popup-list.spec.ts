import { SEED_LISTS } from '../../emulator/seed';
import { scan } from '../support/axe-chromium';
import { ADA } from '../support/emulator-control';
import { expect, popupOn, signIn, test } from './fixtures';

const listPage = (id: string) => `https://x.com/i/lists/${id}`;

test.describe('the popup on a list page in Chromium', () => {
  test.beforeEach(async ({ perch }) => {
    await signIn(perch, await perch.open('options'));
  });

  test('a synced list: its name and state from the store, nothing read from X, Pin list pins it on X, Open in Perch opens it', async ({
    perch,
    emu,
  }) => {
    // The Lists tab syncs on first show.
    const manager = await perch.open('manager', '#lists');
    await expect(
      manager.getByRole('region', { name: /^Followed/ }).getByRole('button', { name: 'Navy computing ⚓', exact: true }),
    ).toBeVisible();
    await expect(manager.getByText(/^Last synced /)).toBeVisible();
    await manager.close();
    await emu.clearLog();

    // Grace's list, which Ada follows and has not pinned.
    const popup = await popupOn(perch, listPage(SEED_LISTS.graceNavy), { show: 'Show this list' });
    const panel = popup.getByRole('region', { name: 'Navy computing ⚓' });
    await expect(panel.getByRole('button', { name: 'Unfollow list', exact: true })).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Pin list', exact: true })).toBeVisible();
    await expect(panel.getByRole('link', { name: 'Open in Perch' })).toBeVisible();
    expect((await emu.log()).filter((e) => e.path.startsWith('/2/'))).toEqual([]);

    await panel.getByRole('button', { name: 'Pin list', exact: true }).click();
    await expect(panel.getByRole('button', { name: 'Unpin list', exact: true })).toBeVisible();
    await expect(panel.getByRole('status').filter({ hasText: 'X pinned this list.' })).toBeVisible();
    expect((await emu.relations()).pinned_lists).toContain(SEED_LISTS.graceNavy);
    const pins = (await emu.log()).filter((e) => e.method === 'POST' && e.path === `/2/users/${ADA.id}/pinned_lists`);
    expect(pins.map((e) => e.status)).toEqual([200]);

    // Ada's own list: no Follow, Pin stays.
    const own = await popupOn(perch, listPage(SEED_LISTS.adaReading), { show: 'Show this list' });
    const ownPanel = own.getByRole('region', { name: 'Reading list 📚' });
    await expect(ownPanel.getByText('Your list')).toBeVisible();
    await expect(ownPanel.getByRole('button', { name: 'Pin list', exact: true })).toBeVisible();
    await expect(ownPanel.getByRole('button', { name: /follow list/i })).toHaveCount(0);

    // Open in Perch opens that list in the manager (here in a tab: a test's click cannot open the side panel).
    await popup.evaluate(() => {
      (chrome.sidePanel as { open: (o: unknown) => Promise<void> }).open = () => Promise.reject(new Error('no gesture'));
    });
    const opened = perch.context.waitForEvent('page', (p) => p.url().includes('/manager.html'));
    await panel.getByRole('link', { name: 'Open in Perch' }).click();
    const listManager = await opened;
    expect(listManager.url()).toBe(`chrome-extension://${perch.id}/manager.html#lists/${SEED_LISTS.graceNavy}`);
    await expect(listManager.getByRole('heading', { name: 'Navy computing ⚓' })).toBeVisible();
    await expect(listManager.getByRole('button', { name: 'Back to lists' })).toBeVisible();
  });

  test('an open popup follows a pin made in the manager, and shows Pin list again when X refuses its own pin', async ({ perch, emu }) => {
    const manager = await perch.open('manager', '#lists');
    await manager
      .getByRole('region', { name: /^Followed/ })
      .getByRole('button', { name: 'Navy computing ⚓', exact: true })
      .click();
    const popup = await popupOn(perch, listPage(SEED_LISTS.graceNavy), { show: 'Show this list' });
    const panel = popup.getByRole('region', { name: 'Navy computing ⚓' });
    await expect(panel.getByRole('button', { name: 'Pin list', exact: true })).toBeVisible();

    // Pinned from the manager while the popup stays open: the background's store write reaches the popup, which asks
    // again (no action of its own to follow).
    await manager.getByRole('button', { name: 'Pin Navy computing ⚓' }).click();
    await expect.poll(async () => (await emu.relations()).pinned_lists).toContain(SEED_LISTS.graceNavy);
    await expect(panel.getByRole('button', { name: 'Unpin list', exact: true })).toBeVisible();
    await manager.getByRole('button', { name: 'Unpin Navy computing ⚓' }).click();
    await expect(panel.getByRole('button', { name: 'Pin list', exact: true })).toBeVisible();
    await expect.poll(async () => (await emu.relations()).pinned_lists).not.toContain(SEED_LISTS.graceNavy);

    // X refuses the popup's own pin: the button goes back to what X holds, and the note says X refused.
    await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/pinned_lists`, count: 1, kind: 'status', status: 403 });
    await panel.getByRole('button', { name: 'Pin list', exact: true }).click();
    await expect(panel.getByRole('alert').filter({ hasText: /\S/ })).toContainText('X does not allow this.');
    await expect(panel.getByRole('button', { name: 'Pin list', exact: true })).toBeVisible();
    expect((await emu.relations()).pinned_lists).not.toContain(SEED_LISTS.graceNavy);
    // The refusal is the button's description, and the page passes an axe scan with it.
    await expect(panel.getByRole('button', { name: 'Pin list', exact: true })).toHaveAccessibleDescription(/X does not allow this\./);
    await scan(popup, 'popup on a list, its pin refused');
  });

  test('a list Perch has not synced: "A list on X", Follow and Pin say what X did, Activity names it by id, then name', async ({
    perch,
    emu,
  }) => {
    const popup = await popupOn(perch, `${listPage(SEED_LISTS.turingBletchley)}/members`, { show: 'Show this list' });
    const panel = popup.getByRole('region', { name: 'A list on X' });
    await expect(panel.getByText(SEED_LISTS.turingBletchley)).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Pin list', exact: true })).toBeVisible();
    await panel.getByRole('button', { name: 'Follow list', exact: true }).click();
    await expect(panel.getByRole('status').filter({ hasText: 'You follow this list on X now.' })).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Unfollow list', exact: true })).toBeVisible();
    expect((await emu.relations()).followed_lists).toContain(SEED_LISTS.turingBletchley);

    // Pinned too, before Perch read the Lists: the popup knows only the id, and the Activity tab names the List by it
    // (never "Pin “a list”"), then by its name once the Lists tab has read it from X.
    await panel.getByRole('button', { name: 'Pin list', exact: true }).click();
    await expect(panel.getByRole('status').filter({ hasText: 'X pinned this list.' })).toBeVisible();
    const manager = await perch.open('manager', '#activity');
    const log = manager.getByRole('list', { name: 'What Perch did on X' });
    await expect(log.getByRole('listitem').first()).toContainText(`Pin list ${SEED_LISTS.turingBletchley}`);
    await expect(log).not.toContainText('a list');
    await manager.getByRole('tab', { name: 'Lists' }).click();
    await expect(manager.getByRole('button', { name: 'Bletchley 🔐', exact: true }).first()).toBeVisible();
    await manager.getByRole('tab', { name: 'Activity' }).click();
    await expect(log.getByRole('listitem').first()).toContainText('Pin “Bletchley 🔐”');
    await expect(log.getByRole('listitem').nth(1)).toContainText('Follow “Bletchley 🔐”');
  });
});
