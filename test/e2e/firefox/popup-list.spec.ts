import type { Page } from 'puppeteer-core';
import { SEED_LISTS } from '../../emulator/seed';
import { scanFirefox } from '../support/axe-firefox';
import { ADA } from '../support/emulator-control';
import { hasButton, popupOn } from '../support/firefox-popup';
import { expect, signIn, test, textOf } from './fixtures';

const aria = (page: Page, name: string, role: string) => page.locator(`::-p-aria(${name}[role="${role}"])`);

test.describe('the popup on a list page in Firefox', () => {
  test('follows a pin made in the side panel while open, and shows Pin list again when X refuses its own pin', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    const panel = await ff.open('sidepanel');
    await aria(panel, 'Lists', 'tab').click();
    await aria(panel, 'Navy computing ⚓', 'button').wait();

    const popup = await popupOn(ff, `https://x.com/i/lists/${SEED_LISTS.graceNavy}`);
    await expect.poll(() => textOf(popup, '.list-card-name')).toBe('Navy computing ⚓');
    await expect.poll(() => hasButton(popup, 'Pin list')).toBe(true);

    // Pinned from the side panel while the popup stays open: the background's store write reaches the popup.
    // A click waits for frames, which a tab behind another does not draw: the side panel comes to the front to be clicked.
    await panel.bringToFront();
    await aria(panel, 'Pin Navy computing ⚓', 'button').click();
    await expect.poll(async () => (await emu.relations()).pinned_lists).toContain(SEED_LISTS.graceNavy);
    await expect.poll(() => hasButton(popup, 'Unpin list')).toBe(true);
    await aria(panel, 'Unpin Navy computing ⚓', 'button').click();
    await expect.poll(async () => (await emu.relations()).pinned_lists).not.toContain(SEED_LISTS.graceNavy);
    await expect.poll(() => hasButton(popup, 'Pin list')).toBe(true);

    // X refuses the popup's own pin: the button goes back to what X holds, and the note says why.
    await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/pinned_lists`, count: 1, kind: 'status', status: 403 });
    await popup.bringToFront();
    await aria(popup, 'Pin list', 'button').click();
    await expect.poll(() => textOf(popup, '.list-panel [role="alert"]')).toContain('X does not allow this.');
    await expect.poll(() => hasButton(popup, 'Pin list')).toBe(true);
    expect((await emu.relations()).pinned_lists).not.toContain(SEED_LISTS.graceNavy);
    await scanFirefox(popup, 'popup on a list, its pin refused');
  });
});
