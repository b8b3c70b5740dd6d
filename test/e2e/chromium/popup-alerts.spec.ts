import { SEED_LISTS, SEED_POSTS } from '../../emulator/seed';
import { unreachable, UNREACHABLE } from '../support/unreachable';
import { expect, popupOn, signIn, test } from './fixtures';

// A problem met after the person acted is read out: its alert region is on the page, empty, before the click, so
// a screen reader announces the words that fill it (a region created together with its words is often not read).
test.describe('the popup’s problem lines (Chromium)', () => {
  test.beforeEach(async ({ perch }) => {
    await signIn(perch, await perch.open('options'));
  });

  const cases = [
    { on: 'a post', url: `https://x.com/gracehop/status/${SEED_POSTS.gracePhoto}`, region: 'This post', button: 'Bookmark' },
    { on: 'a profile', url: 'https://x.com/gracehop', region: '@gracehop', button: 'Mute' },
    { on: 'a list', url: `https://x.com/i/lists/${SEED_LISTS.graceNavy}`, region: 'A list on X', button: 'Pin list' },
  ];
  for (const { on, url, region, button } of cases) {
    test(`on ${on}: ${button} the background cannot take is said in the alert that was there, empty, before`, async ({ perch }) => {
      const popup = await popupOn(perch, url);
      const panel = popup.getByRole('region', { name: region });
      await expect(panel.getByRole('button', { name: button, exact: true })).toBeVisible();
      const alert = panel.getByRole('alert');
      await expect(alert).toHaveCount(1);
      await expect(alert).toHaveText('');

      await unreachable(popup, 'action.do');
      await panel.getByRole('button', { name: button, exact: true }).click();
      await expect(alert).toHaveText(UNREACHABLE);
      await expect(alert).toBeVisible();
      await expect(alert).toHaveClass(/\berror\b/);
    });
  }
});
