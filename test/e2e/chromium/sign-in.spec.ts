import type { Page } from '@playwright/test';
import { ADA } from '../support/emulator-control';
import { intruderAttempts } from '../support/intruder';
import { expect, launchPerch, registerCallback, signIn, test } from './fixtures';

/** The header's account menu button: the active account's name and @username. */
function accountMenu(page: Page, account: { name: string; username: string } = ADA) {
  return page.getByRole('button', { name: `${account.name} @${account.username}` });
}

/** Opens the account menu and chooses Sign out, then confirms in the dialog that says what will be lost. */
async function signOut(page: Page) {
  await page.locator('button[aria-haspopup="menu"]').click();
  await page.getByRole('menu').getByRole('menuitem', { name: 'Sign out' }).click();
  const dialog = page.getByRole('dialog', { name: /^Sign out of @/ });
  await dialog.getByRole('button', { name: 'Sign out' }).click();
  await expect(dialog).toBeHidden();
}

/** Sends a message to Perch's background from one of its pages, as the UI does. */
async function checkFrom(page: Page, accountId: string) {
  return page.evaluate(async (id) => chrome.runtime.sendMessage({ type: 'account.check', accountId: id }), accountId);
}

test.describe('signing in with X in Chromium', () => {
  test('signs in through X’s consent page and shows the account in every screen', async ({ perch, emu }) => {
    // Before anyone signs in, the popup says what Perch does and why it offers only Sign in with X.
    const popup = await perch.open('popup');
    await expect(popup.getByRole('button', { name: 'Sign in with X' })).toBeVisible();
    await expect(popup.getByText(/^Perch acts on your X account from here: .* It needs you to sign in with X first\.$/)).toBeVisible();
    await popup.close();
    const options = await perch.open('options');
    await expect(options.getByRole('button', { name: 'Sign in with X' })).toBeVisible();
    await expect(options.getByLabel('Callback URL')).toHaveText(`https://${perch.id}.chromiumapp.org/`);
    await signIn(perch, options);
    await expect(options.getByText(ADA.name)).toBeVisible();
    await expect(accountMenu(options)).toBeVisible();
    for (const screen of ['popup', 'sidepanel', 'manager'] as const) {
      const page = await perch.open(screen);
      // The header says whose account it is: its menu button shows the @username (a bookmark may quote it too).
      await expect(accountMenu(page)).toBeVisible();
      await expect(accountMenu(page)).toContainText(`@${ADA.username}`);
      await expect(accountMenu(page)).toHaveAttribute('aria-haspopup', 'menu');
    }
    expect(await emu.tokenRequests('authorization_code')).toHaveLength(1);
  });

  test('loads X’s consent page once per sign-in, with one state, and answers one consent', async ({ perch, emu }) => {
    const options = await perch.open('options');
    await signIn(perch, options);
    const log = await emu.log();
    const loads = log.filter((e) => e.method === 'GET' && e.path === '/i/oauth2/authorize');
    expect(loads.map((e) => e.query?.state)).toEqual([expect.stringMatching(/^[\w-]{20,}$/)]);
    expect(log.filter((e) => e.path === '/i/oauth2/authorize/decision')).toHaveLength(1);
    expect(await emu.tokenRequests('authorization_code')).toHaveLength(1);
  });

  test('says the sign-in was cancelled when the person presses Cancel, and stays signed out', async ({ perch, emu }) => {
    const options = await perch.open('options');
    await signIn(perch, options, 'Cancel');
    // The person's own choice: a neutral note, not an error.
    await expect(options.getByRole('status').filter({ hasText: 'Sign-in was cancelled' })).toBeVisible();
    await expect(options.getByRole('alert').filter({ hasText: 'Sign-in was cancelled' })).toHaveCount(0);
    await expect(options.getByRole('button', { name: 'Sign in with X' })).toBeVisible();
    expect(await emu.tokenRequests('authorization_code')).toHaveLength(0);
  });

  test('refreshes an expired access token without the person noticing', async ({ perch, emu }) => {
    const options = await perch.open('options');
    await signIn(perch, options);
    await emu.advanceClock(2 * 60 * 60 + 60);
    await emu.clearLog();
    await options.getByRole('button', { name: 'Check connection' }).click();
    await expect(options.getByRole('status')).toHaveText(`Connected to X as @${ADA.username}.`);
    expect(await emu.tokenRequests('refresh_token')).toHaveLength(1);
    const me = (await emu.log()).filter((e) => e.path === '/2/users/me').map((e) => e.status);
    expect(me).toEqual([401, 200]);
  });

  test('sends exactly one refresh when three screens need a token at once', async ({ perch, emu }) => {
    const options = await perch.open('options');
    await signIn(perch, options);
    const pages = [options, await perch.open('popup'), await perch.open('sidepanel')];
    await emu.advanceClock(2 * 60 * 60 + 60);
    await emu.clearLog();
    const replies = await Promise.all(pages.map((p) => checkFrom(p, ADA.id)));
    for (const reply of replies) expect(reply).toMatchObject({ ok: true, data: { username: ADA.username } });
    expect(await emu.tokenRequests('refresh_token')).toHaveLength(1);
  });

  test('signs out cleanly, with the reason, when X no longer accepts the refresh token', async ({ perch, emu }) => {
    const options = await perch.open('options');
    await signIn(perch, options);
    await emu.revokeGrants(ADA.id);
    await emu.advanceClock(2 * 60 * 60 + 60);
    await options.getByRole('button', { name: 'Check connection' }).click();
    await expect(options.getByRole('alert').first()).toContainText(`You were signed out of @${ADA.username}`);
    await expect(options.getByRole('button', { name: 'Sign in with X' })).toBeVisible();
    // The popup says why, not what a first-time person reads.
    const popup = await perch.open('popup');
    await expect(popup.getByRole('alert').first()).toContainText(`You were signed out of @${ADA.username}`);
    await expect(popup.getByText(/^Perch acts on your X account/)).toHaveCount(0);
    const worker = await perch.worker();
    const keys = await worker.evaluate(async () => [
      ...Object.keys(await chrome.storage.local.get(null)),
      ...Object.keys(await chrome.storage.session.get(null)),
    ]);
    expect(keys.filter((k) => k.startsWith('auth.refresh.') || k.startsWith('auth.access.'))).toEqual([]);
  });

  test('stays signed in when the worker is stopped mid-refresh before X received it', async ({ perch, emu }) => {
    const options = await perch.open('options');
    await signIn(perch, options);
    await emu.advanceClock(2 * 60 * 60 + 60);
    await emu.clearLog();
    await emu.fault({ path: '/2/oauth2/token', count: 1, kind: 'slow', delay_ms: 4000 });
    void checkFrom(options, ADA.id).catch(() => undefined);
    await expect.poll(async () => (await emu.log()).some((e) => e.path === '/2/users/me' && e.status === 401)).toBe(true);
    await options.waitForTimeout(500);
    const cdp = await perch.context.newCDPSession(options);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await emu.clearFaults();
    // The worker wakes for the next message; the refresh token it holds was never spent.
    await expect
      .poll(async () => (await checkFrom(options, ADA.id).catch(() => null)) as unknown, { timeout: 20_000 })
      .toMatchObject({
        ok: true,
      });
    await expect(options.getByText(`@${ADA.username}`)).toBeVisible();
    const refreshes = await emu.tokenRequests('refresh_token');
    expect(refreshes.filter((e) => e.aborted)).toHaveLength(1);
    expect(refreshes.filter((e) => !e.aborted && e.status === 200)).toHaveLength(1);
  });

  test('revokes the token at X and forgets it locally on sign-out', async ({ perch, emu }) => {
    const options = await perch.open('options');
    await signIn(perch, options);
    await signOut(options);
    await expect(options.getByRole('button', { name: 'Sign in with X' })).toBeVisible();
    // Signing out does not wait for X: the revoke follows in the background.
    await expect.poll(async () => (await emu.log()).filter((e) => e.path === '/2/oauth2/revoke').length).toBeGreaterThanOrEqual(1);
    const worker = await perch.worker();
    const keys = await worker.evaluate(async () => [
      ...Object.keys(await chrome.storage.local.get(null)),
      ...Object.keys(await chrome.storage.session.get(null)),
    ]);
    expect(keys.filter((k) => k.startsWith('auth.'))).toEqual([]);
  });

  test('never shows a token in any page or console', async ({ perch, emu }) => {
    const options = await perch.open('options');
    await signIn(perch, options);
    await emu.advanceClock(2 * 60 * 60 + 60);
    await options.getByRole('button', { name: 'Check connection' }).click();
    await expect(options.getByRole('status')).toHaveText(/Connected/);
    const tokens = await emu.tokens();
    expect(tokens.length).toBeGreaterThanOrEqual(4);
    const pages = perch.context.pages();
    const dom = (await Promise.all(pages.map((p) => p.content().catch(() => '')))).join('\n');
    const logs = perch.consoleLines.join('\n');
    for (const token of tokens) {
      expect(dom).not.toContain(token);
      expect(logs).not.toContain(token);
    }
  });
});

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
