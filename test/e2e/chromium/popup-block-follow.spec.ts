import { scan } from '../support/axe-chromium';
import { expect, popupOn, signIn, test } from './fixtures';
import { GRACE, POPUP, PROFILE, sayEnterprisePlan } from './popup-profile';

/**
 * On X, blocking an account ends your follow of it and unblocking does not bring it back
 * (x-api--users--blocks--integrate, "What happens when you block"). The popup on a profile the person follows says so
 * in Block's question, that Follow waits for Unblock, and after Unblock why it offers Follow; both scanned by axe.
 */

test.describe('the popup when blocking someone you follow, in Chromium', () => {
  test('says Block also unfollows, and after Unblock why it offers Follow', async ({ perch, emu }) => {
    test.setTimeout(120_000);
    await signIn(perch, await perch.open('options'));
    await sayEnterprisePlan(perch);
    await emu.config({ enterprise: true });
    const popup = await popupOn(perch, PROFILE, POPUP);
    const panel = popup.getByRole('region', { name: `@${GRACE.username}` });
    await expect(panel.getByRole('button', { name: 'Unfollow', exact: true })).toBeVisible();

    await panel.getByRole('button', { name: 'Block', exact: true }).click();
    const ask = popup.getByRole('dialog', { name: `Block @${GRACE.username}?` });
    await expect(
      ask.getByText(`Blocking @${GRACE.username} also unfollows them, and unblocking them later does not follow them again.`),
    ).toBeVisible();
    await scan(popup, 'popup on a followed profile, Block’s question');
    await ask.getByRole('button', { name: `Block @${GRACE.username}`, exact: true }).click();
    await expect.poll(async () => (await emu.relations()).blocking).toContain(GRACE.id);
    await expect.poll(async () => (await emu.relations()).following).not.toContain(GRACE.id);
    // X does not let you follow an account you block: Follow is shown not available, and a line says how.
    await expect(panel.getByRole('button', { name: 'Follow', exact: true })).toHaveAttribute('aria-disabled', 'true');
    await expect(panel.getByText(`You blocked @${GRACE.username}: unblock them to follow them.`)).toBeVisible();

    await panel.getByRole('button', { name: 'Unblock', exact: true }).click();
    await expect.poll(async () => (await emu.relations()).blocking).not.toContain(GRACE.id);
    const why = `Unblocking does not bring back a follow that blocking ended: you don’t follow @${GRACE.username} now. Press Follow to follow them.`;
    await expect(panel.getByText(why)).toBeVisible();
    const follow = panel.getByRole('button', { name: 'Follow', exact: true });
    await expect(follow).toHaveAccessibleDescription(new RegExp(why.replace(/[.?]/g, '\\$&')));
    await scan(popup, 'popup on a profile after Block and Unblock');

    // Follow, right there: the line goes, its work done.
    await follow.click();
    await expect.poll(async () => (await emu.relations()).following).toContain(GRACE.id);
    await expect(panel.getByText(why)).toHaveCount(0);
  });
});
