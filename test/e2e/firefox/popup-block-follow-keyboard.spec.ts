import type { Page } from 'puppeteer-core';
import { SECOND_USER_ID as GRACE_ID } from '../../emulator/seed';
import { focusDrops, watchFocusDrops } from '../support/focus-drops';
import { expectFocusShown, focusedName, tabToInFirefox as tabTo } from '../support/focus';
import { popupOn } from '../support/firefox-popup';
import { expect, sayEnterprisePlan, signIn, test, textOf } from './fixtures';

/**
 * The popup on a followed profile, Block through Perch (the Enterprise plan: x-api--users--blocks--introduction), with
 * the keyboard alone, in Firefox (chromium/popup-block-follow.spec.ts clicks it in Chromium). Block asks first, the
 * focus on Cancel; Escape answers no, the focus back on Block; Block confirmed, the same button, now Unblock, keeps it.
 * X does not let you follow an account you block (x-api--users--blocks--integrate): Follow is shown not available, keeps
 * the focus, says how to follow them and sends nothing. Unblock keeps the focus too and says why Follow is offered
 * (blocking ended the follow); Follow then follows. The focus never falls to the page.
 */

const PANEL = '.profile-panel';

/** Presses Enter; the focus is then on the button named `name`, shown, never dropped to the page on the way. */
async function enterTo(page: Page, name: string): Promise<void> {
  await page.evaluate(watchFocusDrops);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(focusedName), { message: `the focus on ${name}` }).toBe(name);
  await expectFocusShown(page);
  expect(await page.evaluate(focusDrops), 'the focus never fell to the page').toEqual([]);
}

test('blocks, finds Follow waiting for Unblock, unblocks and follows by keyboard, the focus kept, in Firefox', async ({ ff, emu }) => {
  test.setTimeout(180_000);
  await emu.config({ enterprise: true });
  await signIn(ff, ff.options);
  await sayEnterprisePlan(ff);
  const popup = await popupOn(ff, 'https://x.com/gracehop');
  await popup.bringToFront();
  await popup.locator('::-p-aria(Unfollow[role="button"])').wait();

  // Block asks, the focus on Cancel; Escape answers no and gives it back to Block.
  await tabTo(popup, 'Block', 'button');
  await enterTo(popup, 'Cancel');
  expect(await textOf(popup, 'dialog[open]')).toContain('Blocking @gracehop also unfollows them');
  await popup.evaluate(watchFocusDrops);
  await popup.keyboard.press('Escape');
  await expect.poll(() => popup.evaluate(focusedName)).toBe('Block');
  expect(await popup.$$('dialog[open]')).toHaveLength(0);
  expect((await emu.relations()).blocking).not.toContain(GRACE_ID);

  // Asked again: Shift+Tab to the question's Block @gracehop, Enter; the button, now Unblock, keeps the focus.
  await enterTo(popup, 'Cancel');
  await popup.keyboard.down('Shift');
  await popup.keyboard.press('Tab');
  await popup.keyboard.up('Shift');
  expect(await popup.evaluate(focusedName)).toBe('Block @gracehop');
  await enterTo(popup, 'Unblock');
  await expect.poll(async () => (await emu.relations()).blocking).toContain(GRACE_ID);
  expect((await emu.relations()).following).not.toContain(GRACE_ID);

  // Follow while blocked: not available, its line says how to follow them; Enter sends nothing, Follow keeps the focus.
  await tabTo(popup, 'Follow', 'button');
  expect(await popup.evaluate(() => document.activeElement?.getAttribute('aria-disabled'))).toBe('true');
  expect(await textOf(popup, PANEL)).toContain('You blocked @gracehop: unblock them to follow them.');
  await enterTo(popup, 'Follow');
  expect((await emu.log()).filter((e) => e.method === 'POST' && e.path.endsWith('/following'))).toEqual([]);
  expect((await emu.relations()).following).not.toContain(GRACE_ID);

  // Unblock keeps the focus (now Block) and says why Follow is offered; Follow, pressed, follows.
  await tabTo(popup, 'Unblock', 'button');
  await enterTo(popup, 'Block');
  await expect.poll(async () => (await emu.relations()).blocking).not.toContain(GRACE_ID);
  await expect.poll(() => textOf(popup, PANEL)).toContain('Unblocking does not bring back a follow that blocking ended');
  await tabTo(popup, 'Follow', 'button');
  await enterTo(popup, 'Unfollow');
  await expect.poll(async () => (await emu.relations()).following).toContain(GRACE_ID);
});
