import { scan } from '../support/axe-chromium';
import { ADA } from '../support/emulator-control';
import { expectFocusShown, tabTo } from '../support/focus';
import { focusDropped, walkTabStops } from '../support/tab-walk';
import { expect, popupOn, signIn, test } from './fixtures';
import { GRACE, POPUP, PROFILE, sayEnterprisePlan } from './popup-profile';

/**
 * The popup on a profile with the keyboard alone: every control met in the order it is seen, each named for its
 * visible label first, the focus shown; Enter and Space on Unfollow, Mute and Block change the button the focus is on
 * and leave it there; Block's question opens on Cancel, Escape closes it back to Block, and its own Block button
 * blocks; where X refuses Block as Enterprise-only, the focus goes to the x.com link that replaced the button. Each
 * state is scanned by axe.
 */

test.describe('the popup on a profile with the keyboard alone, in Chromium', () => {
  test.beforeEach(async ({ perch }) => {
    await signIn(perch, await perch.open('options'));
    await sayEnterprisePlan(perch);
  });

  test('reaches, names and presses Unfollow, Mute and Block, the focus kept on each, the question asked', async ({ perch, emu }) => {
    test.setTimeout(120_000);
    await emu.config({ enterprise: true });
    const popup = await popupOn(perch, PROFILE, POPUP);
    const panel = popup.getByRole('region', { name: `@${GRACE.username}` });
    await expect(panel.getByRole('button', { name: 'Unfollow', exact: true })).toBeVisible();
    const scanned: string[] = [];

    // Top to bottom, as seen: the account, the profile's link, its actions, then the ways into the manager.
    const stops = (await walkTabStops(popup)).map((s) => s.words);
    expect(stops).toEqual([
      `${ADA.name} @${ADA.username}`,
      `@${GRACE.username}`,
      'Unfollow',
      'Mute',
      'Block',
      'Add to list…',
      'New post',
      'Bookmarks',
      'Lists',
      'Drafts',
    ]);

    // Unfollow, by Enter: the same button says Follow now, and keeps the focus.
    await tabTo(popup, panel.getByRole('button', { name: 'Unfollow', exact: true }));
    await popup.keyboard.press('Enter');
    await expect.poll(async () => (await emu.relations()).following).not.toContain(GRACE.id);
    await expect(panel.getByRole('button', { name: 'Follow', exact: true })).toBeFocused();
    await expectFocusShown(popup);

    // Mute, by Space: Unmute, focused.
    await popup.keyboard.press('Tab');
    await expect(panel.getByRole('button', { name: 'Mute', exact: true })).toBeFocused();
    await popup.keyboard.press(' ');
    await expect.poll(async () => (await emu.relations()).muting).toContain(GRACE.id);
    await expect(panel.getByRole('button', { name: 'Unmute', exact: true })).toBeFocused();

    // Block asks first: the question opens on Cancel, the focus held inside it; Escape closes it back to Block.
    await popup.keyboard.press('Tab');
    const block = panel.getByRole('button', { name: 'Block', exact: true });
    await expect(block).toBeFocused();
    await popup.keyboard.press('Enter');
    const ask = popup.getByRole('dialog', { name: `Block @${GRACE.username}?` });
    const yes = ask.getByRole('button', { name: `Block @${GRACE.username}`, exact: true });
    await expect(ask.getByRole('button', { name: 'Cancel', exact: true })).toBeFocused();
    await expectFocusShown(popup);
    await popup.keyboard.press('Shift+Tab');
    await expect(yes).toBeFocused();
    await expectFocusShown(popup);
    scanned.push(await scan(popup, 'popup on a profile, Block’s question'));
    await popup.keyboard.press('Escape');
    await expect(ask).toHaveCount(0);
    await expect(block).toBeFocused();
    expect((await emu.relations()).blocking).not.toContain(GRACE.id);

    // Asked again and answered Block: the button says Unblock, and keeps the focus.
    await popup.keyboard.press('Enter');
    await expect(ask.getByRole('button', { name: 'Cancel', exact: true })).toBeFocused();
    await popup.keyboard.press('Shift+Tab');
    await popup.keyboard.press('Enter');
    await expect(ask).toHaveCount(0);
    await expect.poll(async () => (await emu.relations()).blocking).toContain(GRACE.id);
    await expect(panel.getByRole('button', { name: 'Unblock', exact: true })).toBeFocused();
    await expectFocusShown(popup);
    scanned.push(await scan(popup, 'popup on a profile after Unfollow, Mute and Block'));
    expect(scanned).toHaveLength(2);
  });

  test('where X refuses Block as Enterprise-only, hands the focus to the x.com link that replaced it', async ({ perch, emu }) => {
    // Self-serve here (the emulator's reset puts its start plan back; said again for the reader), so X refuses Block.
    await emu.config({ enterprise: false });
    const popup = await popupOn(perch, PROFILE, POPUP);
    const panel = popup.getByRole('region', { name: `@${GRACE.username}` });
    await tabTo(popup, panel.getByRole('button', { name: 'Block', exact: true }));
    await popup.keyboard.press('Enter');
    const ask = popup.getByRole('dialog', { name: `Block @${GRACE.username}?` });
    await expect(ask.getByRole('button', { name: 'Cancel', exact: true })).toBeFocused();
    await popup.keyboard.press('Shift+Tab');
    await popup.keyboard.press('Enter');
    await expect(popup.getByText('X allows blocking through an app only on the Enterprise plan')).toBeVisible();
    const onX = panel.getByRole('link', { name: 'Block on x.com', exact: true });
    await expect(onX).toBeVisible();
    expect(await focusDropped(popup), 'the focus stays in the popup after X refused Block').toBe(false);
    await expect(onX).toBeFocused();
    await expectFocusShown(popup);
    await scan(popup, 'popup on a profile after X refused Block');
  });
});
