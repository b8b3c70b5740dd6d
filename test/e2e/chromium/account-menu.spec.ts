import { scan } from '../support/axe-chromium';
import { ADA } from '../support/emulator-control';
import { expect, signIn, test } from './fixtures';

test.describe('the account menu in Chromium', () => {
  test('fits the 360 px popup: nothing overlaps, the menu opens inside it, and it passes an axe scan', async ({ perch }) => {
    // An axe scan takes a few seconds, light and dark.
    test.setTimeout(180_000);
    const options = await perch.open('options');
    await signIn(perch, options);
    const popup = await perch.open('popup');
    await popup.setViewportSize({ width: 360, height: 600 });
    const button = popup.getByRole('button', { name: `${ADA.name} @${ADA.username}` });
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    const header = (await popup.locator('header').boundingBox())!;
    const box = (await button.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(header.x);
    expect(box.x + box.width).toBeLessThanOrEqual(header.x + header.width);
    // The name and the @username each sit on one line, the username below the name.
    const name = (await popup.locator('.account-menu-button .account-name').boundingBox())!;
    const username = (await popup.locator('.account-menu-button .account-username').boundingBox())!;
    expect(username.y).toBeGreaterThanOrEqual(name.y + name.height - 1);
    expect(name.height).toBeLessThan(30);
    expect(username.height).toBeLessThan(30);

    await button.click();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    const menu = popup.getByRole('menu', { name: 'Account' });
    await expect(menu).toBeVisible();
    await expect(button).toHaveAttribute('aria-controls', (await menu.getAttribute('id'))!);
    await expect(menu.getByRole('menuitemradio')).toHaveCount(1);
    await expect(menu.getByRole('menuitemradio', { name: `${ADA.name} @${ADA.username}` })).toHaveAttribute('aria-checked', 'true');
    for (const item of ['Add an account', 'Settings', 'Sign out'])
      await expect(menu.getByRole('menuitem', { name: item, exact: true })).toBeVisible();
    const open = (await menu.boundingBox())!;
    expect(open.x).toBeGreaterThanOrEqual(0);
    expect(open.x + open.width).toBeLessThanOrEqual(360);
    await scan(popup, 'popup, account menu open');
    await popup.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
    await expect(button).toBeFocused();
  });
});
