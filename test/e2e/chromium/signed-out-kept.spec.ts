import { SECOND_USER_ID as GRACE_ID } from '../../emulator/seed';
import { ADA } from '../support/emulator-control';
import { expect, popupOn, signIn, test } from './fixtures';

/**
 * An action X refuses because the sign-in is gone (the person removed the app on x.com: X answers 401 and refuses
 * the refresh token, oauth-2-0--authorization-code) is kept, not lost (lib/services/outbox-failure.ts), and is sent
 * once the person signs in again — without their doing anything else.
 */

test('sends an action kept over a lost sign-in once the person signs in again', async ({ perch, emu }) => {
  const options = await perch.open('options');
  await signIn(perch, options);
  const popup = await popupOn(perch, 'https://x.com/gracehop');
  const profile = popup.getByRole('region', { name: '@gracehop' });
  await expect(profile.getByRole('button', { name: 'Mute', exact: true })).toBeVisible();
  expect((await emu.relations()).muting).not.toContain(GRACE_ID);

  await emu.revokeGrants(ADA.id);
  await profile.getByRole('button', { name: 'Mute', exact: true }).click();
  await expect(popup.getByRole('alert').first()).toContainText(`You were signed out of @${ADA.username}`);
  await popup.close();
  expect((await emu.relations()).muting).not.toContain(GRACE_ID);

  await options.reload();
  await signIn(perch, options);
  await expect.poll(async () => (await emu.relations()).muting).toContain(GRACE_ID);
  const manager = await perch.open('sidepanel');
  await manager.getByRole('tab', { name: 'Activity' }).click();
  await expect(manager.getByRole('tabpanel', { name: 'Activity' }).getByRole('listitem').first()).toContainText('Mute @gracehop');
  await expect(manager.getByRole('button', { name: 'Undo: Mute @gracehop' })).toBeVisible();
});
