import type { ElementHandle } from 'puppeteer-core';
import { SECOND_USER_ID as GRACE_ID } from '../../emulator/seed';
import { scanFirefox } from '../support/axe-firefox';
import { ADA } from '../support/emulator-control';
import { expectFocusShown, focusOnInFirefox as focusOn, tabToElementInFirefox, tabToInFirefox as tabTo } from '../support/focus';
import { GRACE_SIGNED_OUT, graceRevokedAtX } from '../support/keyboard-walks';
import { focusDropped } from '../support/tab-walk';
import { expect, findPage, signIn, test } from './fixtures';

/**
 * The notice that X signed one account out, beside another still signed in, with the keyboard alone in Firefox: said
 * in the settings' header, dismissed with Enter, and the focus handed to the account menu beside it, never to the
 * page. (The Chromium walk, which also signs in and out by keyboard, is test/e2e/chromium/sign-in-keyboard.spec.ts.)
 */

const ADA_MENU = `${ADA.name} @${ADA.username}`;

test('dismisses the signed-out notice with the keyboard, the focus on the account still signed in, in Firefox', async ({ ff, emu }) => {
  const page = ff.options;
  await signIn(ff, page);
  // Grace added from the account menu: she is the account in use, Ada signed in beside her.
  await emu.setSessionUser(GRACE_ID);
  await page.locator(`::-p-aria(${ADA_MENU}[role="button"])`).click();
  await page.locator('::-p-aria(Add an account[role="menuitem"])').click();
  const consent = await findPage(ff.browser, (h) => h.includes('/i/oauth2/authorize'));
  await consent.locator('::-p-aria(Authorize app[role="button"])').click();
  await page.locator('::-p-aria(Grace Hopper @gracehop[role="button"])').wait();
  await page.bringToFront();

  // X no longer takes Grace's sign-in: she is signed out, Ada stays, and the notice says so beside Ada's menu.
  await graceRevokedAtX(emu);
  await tabTo(page, 'Check connection', 'button');
  await page.keyboard.press('Enter');
  const dismiss = async () =>
    (
      await page.waitForFunction(
        (words) =>
          [...document.querySelectorAll('[role="alert"]')].find((a) => a.textContent?.includes(words))?.querySelector('button') ?? false,
        { polling: 200 },
        GRACE_SIGNED_OUT,
      )
    ).asElement() as ElementHandle<Element>;
  const button = await dismiss();
  await scanFirefox(page, 'options, signed-out notice beside another account');

  // Dismiss, reached by Shift+Tab back up to the header: the notice goes, the focus on the account menu beside it.
  await tabToElementInFirefox(page, button, 'the notice’s Dismiss');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.$$eval('[role="alert"]', (all, words) => all.filter((a) => a.textContent?.includes(words)).length, GRACE_SIGNED_OUT))
    .toBe(0);
  expect(await focusDropped(page), 'the focus is not dropped when the notice goes').toBe(false);
  expect(await focusOn(page, ADA_MENU, 'button')).toBe(true);
  await expectFocusShown(page);
});
