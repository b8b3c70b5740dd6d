import { accountMenu, signOut } from '../support/account-menu';
import { ADA } from '../support/emulator-control';
import { intruderAttempts } from '../support/intruder';
import { expect, launchPerch, registerCallback, signIn, test } from './fixtures';

/** The sign-out dialog, several accounts, and messages from other extensions. Signing in and refresh: sign-in. */

test.describe('the sign-out confirmation', () => {
  test('says what will be lost, cancels on Escape, and only then signs out', async ({ perch, emu }) => {
    const options = await perch.open('options');
    await signIn(perch, options);
    const send = (m: unknown) => options.evaluate((message) => chrome.runtime.sendMessage(message), m);
    // A draft, and a like X holds back until its window's reset: neither has reached X.
    await send({ type: 'draft.save', accountId: ADA.id, context: 'compose', seq: 1, posts: [{ text: 'Not posted yet', mediaIds: [] }] });
    const postId = (await emu.relations()).bookmarks[0]!;
    await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/likes`, count: 1, kind: 'rate_limit' });
    await send({ type: 'action.do', accountId: ADA.id, action: { type: 'like', params: { postId } } });

    const menuButton = accountMenu(options);
    await menuButton.click();
    await options.getByRole('menuitem', { name: 'Sign out' }).click();
    const dialog = options.getByRole('dialog', { name: `Sign out of @${ADA.username}?` });
    await expect(dialog).toContainText('1 queued action');
    await expect(dialog).toContainText('1 draft, with its images');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await options.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(menuButton).toBeFocused();
    await expect(options.getByRole('menu')).toHaveCount(0);
    await expect(options.getByText(`@${ADA.username}`)).toBeVisible();
    expect((await emu.log()).filter((e) => e.path === '/2/oauth2/revoke')).toEqual([]);

    await signOut(options);
    await expect(options.getByRole('button', { name: 'Sign in with X' })).toBeVisible();
  });

  test('is not the first Tab stop in the popup or the side panel', async ({ perch }) => {
    const options = await perch.open('options');
    await signIn(perch, options);
    for (const screen of ['popup', 'sidepanel'] as const) {
      const page = await perch.open(screen);
      await expect(accountMenu(page)).toBeVisible();
      await page.bringToFront();
      // The popup puts the focus in its new post's text box once drawn: let that happen before starting over.
      if (screen === 'popup') await expect(page.getByRole('textbox', { name: 'Post text' })).toBeFocused();
      // Start the Tab order from the top of the page, as a person arriving at it does: focusing the body moves the
      // sequential-focus starting point there (a plain blur would leave it at the composer's text box).
      await page.evaluate(() => {
        (document.activeElement as HTMLElement | null)?.blur();
        document.body.tabIndex = -1;
        document.body.focus();
        document.body.removeAttribute('tabindex');
      });
      await page.keyboard.press('Tab');
      // The first Tab stop is the account menu's button; Sign out is inside the closed menu, out of the Tab order.
      await expect(accountMenu(page)).toBeFocused();
      await expect(page.getByRole('menuitem', { name: 'Sign out' })).toHaveCount(0);
    }
  });
});

test.describe('several accounts', () => {
  test('signs in a second account, switches between them, and signs one out without touching the other', async ({ perch, emu }) => {
    const options = await perch.open('options');
    await signIn(perch, options);
    await emu.setSessionUser('1452871219391512578');
    const consent = perch.context.waitForEvent('page', (p) => p.url().includes('/i/oauth2/authorize'));
    await accountMenu(options).click();
    await options.getByRole('menuitem', { name: 'Add an account' }).click();
    await (await consent).getByRole('button', { name: 'Authorize app' }).click();
    await expect(options.locator('.account-username')).toHaveText('@gracehop');

    // The popup's menu lists both accounts, the active one checked; choosing the other switches every screen.
    const popup = await perch.open('popup');
    const menuButton = popup.locator('button[aria-haspopup="menu"]');
    await expect(menuButton).toContainText('@gracehop');
    await menuButton.click();
    await expect(menuButton).toHaveAttribute('aria-expanded', 'true');
    const grace = popup.getByRole('menuitemradio', { name: /@gracehop$/ });
    const ada = popup.getByRole('menuitemradio', { name: `${ADA.name} @${ADA.username}` });
    await expect(grace).toHaveAttribute('aria-checked', 'true');
    await expect(ada).toHaveAttribute('aria-checked', 'false');
    // The menu opens on its first item; the arrow keys move through it and wrap round.
    await expect(ada).toBeFocused();
    await popup.keyboard.press('ArrowDown');
    await expect(grace).toBeFocused();
    await popup.keyboard.press('ArrowUp');
    await popup.keyboard.press('ArrowUp');
    await expect(popup.getByRole('menuitem', { name: 'Sign out' })).toBeFocused();
    await popup.keyboard.press('Home');
    await expect(ada).toBeFocused();
    await popup.keyboard.press('Enter');
    await expect(popup.getByRole('menu')).toHaveCount(0);
    await expect(options.locator('.account-username')).toHaveText(`@${ADA.username}`);

    // Escape closes the menu and gives the focus back; choosing gracehop with the mouse switches back.
    await accountMenu(popup).press('ArrowDown');
    await expect(popup.getByRole('menuitemradio', { name: `${ADA.name} @${ADA.username}` })).toHaveAttribute('aria-checked', 'true');
    await popup.keyboard.press('Escape');
    await expect(popup.getByRole('menu')).toHaveCount(0);
    await expect(accountMenu(popup)).toBeFocused();
    // Tab leaves the menu, and closes it.
    await accountMenu(popup).press('Enter');
    await expect(popup.getByRole('menu')).toBeVisible();
    await popup.keyboard.press('Tab');
    await expect(popup.getByRole('menu')).toHaveCount(0);
    await expect(accountMenu(popup)).not.toBeFocused();
    await accountMenu(popup).click();
    await popup.getByRole('menuitemradio', { name: /@gracehop$/ }).click();
    await expect(options.locator('.account-username')).toHaveText('@gracehop');

    // Signing gracehop out through the menu leaves Ada signed in.
    await signOut(popup);
    await expect(popup.locator('.account-username')).toHaveText(`@${ADA.username}`);
    await expect(options.locator('.account-username')).toHaveText(`@${ADA.username}`);
    await options.getByRole('button', { name: 'Check connection' }).click();
    await expect(options.getByRole('status')).toHaveText(`Connected to X as @${ADA.username}.`);
  });
});

test.describe('messages from elsewhere', () => {
  test('ignores every message another extension sends to Perch', async ({ emu }) => {
    const intruderDir = new URL('../fixtures/intruder', import.meta.url).pathname;
    const { perch, close } = await launchPerch({ extraExtensions: [intruderDir] });
    try {
      await registerCallback(perch, emu);
      const options = await perch.open('options');
      await signIn(perch, options);
      await emu.clearLog();
      const intruder = perch.context.serviceWorkers().find((w) => !w.url().startsWith(`chrome-extension://${perch.id}/`));
      if (!intruder) throw new Error('the intruder extension did not load');
      const outcomes = await intruder.evaluate(
        async ({ perchId, attempts }) => {
          const out: string[] = [];
          for (const m of attempts) {
            try {
              out.push(JSON.stringify(await chrome.runtime.sendMessage(perchId, m)));
            } catch (e) {
              out.push(`refused: ${String(e)}`);
            }
          }
          return out;
        },
        { perchId: perch.id, attempts: intruderAttempts(ADA.id) },
      );
      expect(outcomes).toHaveLength(4);
      for (const o of outcomes) expect(o).toMatch(/^refused|^undefined$/);
      await options.reload();
      await expect(options.getByText(`@${ADA.username}`)).toBeVisible();
      expect(await emu.log()).toEqual([]);
      const settings = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'settings.get' }));
      expect(settings).toMatchObject({ ok: true, data: { clientId: 'perch-test-client' } });
    } finally {
      await close();
    }
  });
});
