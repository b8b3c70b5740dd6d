import type { Page } from '@playwright/test';
import { SEED_LISTS, SEED_POSTS } from '../../emulator/seed';
import { scan } from '../support/axe-chromium';
import { ADA } from '../support/emulator-control';
import { reachableAgain, unreachable, UNREACHABLE } from '../support/unreachable';
import { expect, popupOn, signIn, test } from './fixtures';

/** The popup's messages of this type wait, from here on, until `letThrough` (a read in flight for as long as needed). */
async function holdBack(popup: Page, type: string): Promise<void> {
  await popup.evaluate((held) => {
    const send = chrome.runtime.sendMessage.bind(chrome.runtime);
    let open = () => undefined as void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    (window as unknown as { letThrough: () => void }).letThrough = open;
    chrome.runtime.sendMessage = ((m: { type?: string }) =>
      m.type === held ? gate.then(() => send(m)) : send(m)) as typeof chrome.runtime.sendMessage;
  }, type);
}

const letThrough = (popup: Page) => popup.evaluate(() => (window as unknown as { letThrough: () => void }).letThrough());

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

  test('on a post: Read again says the failure again while it fails, then reads the post once it can', async ({ perch, emu }) => {
    const popup = await popupOn(perch, `https://x.com/gracehop/status/${SEED_POSTS.gracePhoto}`);
    const panel = popup.getByRole('region', { name: 'This post' });
    await expect(panel.getByRole('button', { name: 'Like', exact: true })).toBeVisible();
    const readAgain = panel.getByRole('button', { name: 'Read again' });
    // Nothing failed: nothing to read again.
    await expect(readAgain).toHaveCount(0);
    await unreachable(popup, 'tab.post');

    await panel.getByRole('button', { name: 'Like', exact: true }).click();
    const failed = panel.getByRole('alert').filter({ hasText: UNREACHABLE });
    await expect(failed).toBeVisible();
    await expect(readAgain).toBeVisible();
    await scan(popup, 'popup, a post whose read failed, with Read again');

    // Still no background: the failure is said again, and the focus stays on Read again.
    await readAgain.click();
    await expect(failed).toBeVisible();
    await expect(readAgain).toBeFocused();
    await expect(readAgain).not.toHaveAttribute('aria-busy', 'true');

    // The background is back: by the keyboard, one read, said while it is on its way, then the post as read.
    await reachableAgain(popup);
    await holdBack(popup, 'tab.post');
    await popup.keyboard.press('Enter');
    await expect(panel.getByRole('status').filter({ hasText: /^Reading again…$/ })).toBeVisible();
    await expect(readAgain).toHaveAttribute('aria-busy', 'true');
    await expect(readAgain).toBeFocused();
    await expect(panel.getByRole('alert').filter({ hasText: /\S/ })).toHaveCount(0);
    await letThrough(popup);

    await expect(readAgain).toHaveCount(0);
    await expect(panel.getByRole('alert').filter({ hasText: /\S/ })).toHaveCount(0);
    await expect(panel.getByRole('status').filter({ hasText: 'Reading again…' })).toHaveCount(0);
    await expect(panel.getByRole('button', { name: 'Unlike', exact: true })).toBeVisible();
    expect((await emu.relations()).likes).toContain(SEED_POSTS.gracePhoto);
    // The focus goes on into the panel, to its first action, not to the page.
    await expect(panel.getByRole('button', { name: 'Bookmark', exact: true })).toBeFocused();
  });

  test('on a List: Read again after the read failed shows the pin X made and clears the line', async ({ perch, emu }) => {
    const popup = await popupOn(perch, `https://x.com/i/lists/${SEED_LISTS.graceNavy}`);
    const panel = popup.getByRole('region', { name: 'A list on X' });
    await expect(panel.getByRole('button', { name: 'Pin list', exact: true })).toBeVisible();
    await unreachable(popup, 'tab.list');

    await panel.getByRole('button', { name: 'Pin list', exact: true }).click();
    await expect(panel.getByRole('alert').filter({ hasText: UNREACHABLE })).toBeVisible();
    const readAgain = panel.getByRole('button', { name: 'Read again' });
    await expect(readAgain).toBeVisible();

    await reachableAgain(popup);
    await readAgain.click();
    await expect(readAgain).toHaveCount(0);
    await expect(panel.getByRole('alert').filter({ hasText: /\S/ })).toHaveCount(0);
    await expect(panel.getByRole('button', { name: 'Unpin list', exact: true })).toBeVisible();
    expect((await emu.relations()).pinned_lists).toContain(SEED_LISTS.graceNavy);
  });
});

// The panel's very first read fails: the alert is all there is, with Read again under it (before, nothing but closing
// and reopening the popup asked again). Read again, the background back, draws the panel and moves the focus into it.
test.describe('the popup when its first read fails (Chromium)', () => {
  test.beforeEach(async ({ perch }) => {
    await signIn(perch, await perch.open('options'));
  });

  const cases = [
    {
      on: 'a post',
      url: `https://x.com/gracehop/status/${SEED_POSTS.gracePhoto}`,
      read: 'tab.post',
      region: 'This post',
      first: 'Bookmark',
    },
    { on: 'a profile', url: 'https://x.com/gracehop', read: 'tab.profile', region: '@gracehop', first: 'Unfollow' },
    { on: 'a List', url: `https://x.com/i/lists/${SEED_LISTS.graceNavy}`, read: 'tab.list', region: 'A list on X', first: 'Follow list' },
  ];
  for (const { on, url, read, region, first } of cases) {
    test(`on ${on}: Read again under the alert draws the panel once the background answers`, async ({ perch }) => {
      // popupOn, with the read refused before the gate's click lets the panel ask.
      const popup = await perch.context.newPage();
      await popup.goto(`chrome-extension://${perch.id}/popup.html?url=${encodeURIComponent(url)}&title=`);
      const gate = popup.getByRole('main').getByRole('region').getByRole('button');
      await gate.waitFor();
      await unreachable(popup, read);
      await gate.click();

      const main = popup.getByRole('main');
      const failed = main.getByRole('alert').filter({ hasText: UNREACHABLE });
      await expect(failed).toBeVisible();
      const readAgain = main.getByRole('button', { name: 'Read again' });
      await expect(readAgain).toBeVisible();
      if (on === 'a post') await scan(popup, 'popup, a post whose first read failed, with Read again');

      // Still no background: the failure is said again, the focus kept on Read again.
      await readAgain.click();
      await expect(failed).toBeVisible();
      await expect(readAgain).toBeFocused();
      await expect(readAgain).not.toHaveAttribute('aria-busy', 'true');

      // The background is back: by the keyboard, busy while it reads, then the panel, the focus on its first action.
      await reachableAgain(popup);
      await holdBack(popup, read);
      await popup.keyboard.press('Enter');
      await expect(readAgain).toHaveAttribute('aria-busy', 'true');
      await expect(main.getByRole('status').filter({ hasText: /^Reading again…$/ })).toBeVisible();
      await letThrough(popup);

      const panel = popup.getByRole('region', { name: region });
      await expect(panel.getByRole('button', { name: first, exact: true })).toBeFocused();
      await expect(readAgain).toHaveCount(0);
      await expect(main.getByRole('alert').filter({ hasText: /\S/ })).toHaveCount(0);
    });
  }
});
