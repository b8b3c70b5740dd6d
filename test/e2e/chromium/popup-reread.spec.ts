import { SEED_POSTS } from '../../emulator/seed';
import { ADA } from '../support/emulator-control';
import { unreachable, UNREACHABLE } from '../support/unreachable';
import { expect, popupOn, signIn, test } from './fixtures';

// When an action settles, the popup reads the post or profile again. If that read fails, the panel stays — its
// buttons, the focus on the one clicked — and its problem line says so; the button shows X's answer to the action
// (done: the state asked for; refused: the state before), not "Sending to X…" for good.
test.describe('the popup when the read after an action fails (Chromium)', () => {
  test.beforeEach(async ({ perch }) => {
    await signIn(perch, await perch.open('options'));
  });

  test('on a post: Like that X made stays Unlike, focused, with the failed read said', async ({ perch, emu }) => {
    const popup = await popupOn(perch, `https://x.com/gracehop/status/${SEED_POSTS.gracePhoto}`);
    const panel = popup.getByRole('region', { name: 'This post' });
    await expect(panel.getByRole('button', { name: 'Like', exact: true })).toBeVisible();
    await unreachable(popup, 'tab.post');

    await panel.getByRole('button', { name: 'Like', exact: true }).click();
    const alert = panel.getByRole('alert').filter({ hasText: UNREACHABLE });
    await expect(alert).toBeVisible();
    const button = panel.getByRole('button', { name: 'Unlike', exact: true });
    await expect(button).toBeFocused();
    await expect(button).not.toHaveAttribute('aria-busy', 'true');
    await expect(popup.getByText('Like: Sending to X…')).toHaveCount(0);
    expect((await emu.relations()).likes).toContain(SEED_POSTS.gracePhoto);
  });

  test('on a profile: Mute that X refused shows Mute again, focused, with both failures said', async ({ perch, emu }) => {
    const popup = await popupOn(perch, 'https://x.com/gracehop');
    const panel = popup.getByRole('region', { name: '@gracehop' });
    await expect(panel.getByRole('button', { name: 'Mute', exact: true })).toBeVisible();
    await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/muting`, count: 1, kind: 'status', status: 403 });
    await unreachable(popup, 'tab.profile');

    await panel.getByRole('button', { name: 'Mute', exact: true }).click();
    await expect(panel.getByRole('alert').filter({ hasText: UNREACHABLE })).toBeVisible();
    await expect(panel.getByRole('alert').filter({ hasText: /^Mute failed: / })).toBeVisible();
    const button = panel.getByRole('button', { name: 'Mute', exact: true });
    await expect(button).toBeFocused();
    await expect(button).not.toHaveAttribute('aria-busy', 'true');
    await expect(panel.getByRole('button', { name: 'Unmute', exact: true })).toHaveCount(0);
  });
});
