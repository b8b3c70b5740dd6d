import type { Page } from '@playwright/test';
import { accountMenu, signOut } from '../support/account-menu';
import { ADA } from '../support/emulator-control';
import { syncSettled } from '../support/sync-settled';
import { expect, signIn, test } from './fixtures';

/** Signing in with X, token refresh and sign-out. The sign-out dialog, several accounts, other extensions: -accounts. */

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
    // The token expires below only once the side panel's sync is done, or a sync page meets the expired token first
    // and refreshes it before the three screens ask.
    await syncSettled(pages[2]!, emu);
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
    // X takes far longer than the test needs to stop the worker; a request whose client went away ends at once.
    await emu.fault({ path: '/2/oauth2/token', count: 1, kind: 'slow', delay_ms: 60_000 });
    void checkFrom(options, ADA.id).catch(() => undefined);
    await expect.poll(async () => (await emu.log()).some((e) => e.path === '/2/users/me' && e.status === 401)).toBe(true);
    // The refresh has reached X, which has not answered it: the worker is stopped in the middle of it.
    await expect.poll(async () => (await emu.tokenRequests('refresh_token')).length).toBe(1);
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
