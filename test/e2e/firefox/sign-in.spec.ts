import type { Page } from 'puppeteer-core';
import { scanFirefox } from '../support/axe-firefox';
import { ADA } from '../support/emulator-control';
import { intruderAttempts } from '../support/intruder';
import { syncSettled } from '../support/sync-settled';
import { expect, findPage, signIn, test, textOf } from './fixtures';

/** Opens the header's account menu and chooses Sign out (the confirmation opens). */
async function signOutThroughMenu(page: Page): Promise<void> {
  await page.locator('button[aria-haspopup="menu"]').click();
  await page.locator('::-p-aria(Sign out[role="menuitem"])').click();
}

test.describe('signing in with X in Firefox', () => {
  test('signs in through X’s consent page and shows the account in every screen', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    await ff.options.locator(`::-p-aria(${ADA.name} @${ADA.username}[role="button"])`).wait();
    expect(await textOf(ff.options, '.account-name')).toBe(ADA.name);
    for (const screen of ['popup', 'sidepanel'] as const) {
      const page = await ff.open(screen);
      await expect.poll(() => textOf(page, '.account-username')).toBe(`@${ADA.username}`);
    }
    expect(await emu.tokenRequests('authorization_code')).toHaveLength(1);
  });

  test('asks X for one sign-in per press: one state, one consent answered, one code exchanged', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    const log = await emu.log();
    const loads = log.filter((e) => e.method === 'GET' && e.path === '/i/oauth2/authorize');
    // Firefox's launchWebAuthFlow fetches the page once in the background before its window loads it (ext-identity.js,
    // checkRedirected: it returns at once if X redirects straight back). That fetch carries the same state and is never
    // shown; Perch cannot skip it without webRequestBlocking and a host permission (README, Known limits).
    expect(loads.length).toBeGreaterThanOrEqual(1);
    expect(loads.length).toBeLessThanOrEqual(2);
    expect(new Set(loads.map((e) => e.query?.state)).size).toBe(1);
    expect(log.filter((e) => e.path === '/i/oauth2/authorize/decision')).toHaveLength(1);
    expect(await emu.tokenRequests('authorization_code')).toHaveLength(1);
  });

  test('says the sign-in was cancelled when the person presses Cancel', async ({ ff, emu }) => {
    await signIn(ff, ff.options, 'Cancel');
    // The person's own choice: a neutral note (role=status), not an error.
    const said = (role: string) =>
      ff.options.$$eval(`[role="${role}"]`, (els) => els.map((e) => e.textContent ?? '').join(' ')).catch(() => '');
    await expect.poll(() => said('status')).toMatch(/Sign-in was cancelled/);
    expect(await said('alert')).not.toMatch(/Sign-in was cancelled/);
    expect(await emu.tokenRequests('authorization_code')).toHaveLength(0);
  });

  test('refreshes an expired access token without the person noticing', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    await emu.advanceClock(2 * 60 * 60 + 60);
    await emu.clearLog();
    await ff.options.locator('::-p-aria(Check connection[role="button"])').click();
    await expect.poll(() => textOf(ff.options, '[role="status"]')).toBe(`Connected to X as @${ADA.username}.`);
    expect(await emu.tokenRequests('refresh_token')).toHaveLength(1);
  });

  test('sends exactly one refresh when three screens need a token at once', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    const pages = [ff.options, await ff.open('popup'), await ff.open('sidepanel')];
    // The token expires below only once the side panel's sync is done, or a sync page meets the expired token first
    // and refreshes it before the three screens ask.
    await syncSettled(pages[2]!, emu);
    await emu.advanceClock(2 * 60 * 60 + 60);
    await emu.clearLog();
    const replies = await Promise.all(
      pages.map((p) => p.evaluate((id) => browser.runtime.sendMessage({ type: 'account.check', accountId: id }), ADA.id)),
    );
    for (const reply of replies) expect(reply).toMatchObject({ ok: true, data: { username: ADA.username } });
    expect(await emu.tokenRequests('refresh_token')).toHaveLength(1);
  });

  test('signs out cleanly, with the reason, when X no longer accepts the refresh token', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    await emu.revokeGrants(ADA.id);
    await emu.advanceClock(2 * 60 * 60 + 60);
    await ff.options.locator('::-p-aria(Check connection[role="button"])').click();
    await expect.poll(() => textOf(ff.options, '.notice')).toContain(`You were signed out of @${ADA.username}`);
    await ff.options.locator('::-p-aria(Sign in with X[role="button"])').wait();
  });

  test('revokes the token at X and forgets it locally on sign-out', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    await signOutThroughMenu(ff.options);
    // The confirmation says what will be lost; its own Sign out button confirms.
    await ff.options.locator('dialog[open] ::-p-aria(Sign out[role="button"])').click();
    await ff.options.locator('::-p-aria(Sign in with X[role="button"])').wait();
    // Signing out does not wait for X: the revoke follows in the background.
    await expect.poll(async () => (await emu.log()).filter((e) => e.path === '/2/oauth2/revoke').length).toBeGreaterThanOrEqual(1);
    const keys = await ff.options.evaluate(async () => [
      ...Object.keys(await browser.storage.local.get(null)),
      ...Object.keys(await browser.storage.session.get(null)),
    ]);
    expect(keys.filter((k) => k.startsWith('auth.'))).toEqual([]);
  });

  test('the popup counts what signing out would lose, from the background, and Cancel loses nothing', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    // A draft and a like X holds back until its window's reset: neither has reached X.
    const send = (m: unknown) => ff.options.evaluate((message) => browser.runtime.sendMessage(message), m);
    await send({ type: 'draft.save', accountId: ADA.id, context: 'compose', seq: 1, posts: [{ text: 'Not posted yet', mediaIds: [] }] });
    const postId = (await emu.relations()).bookmarks[0]!;
    await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/likes`, count: 1, kind: 'rate_limit' });
    await send({ type: 'action.do', accountId: ADA.id, action: { type: 'like', params: { postId } } });

    // The popup carries no store: it asks the background (account.signOutLoss).
    const popup = await ff.open('popup');
    await signOutThroughMenu(popup);
    await expect.poll(() => textOf(popup, 'dialog[open]')).toContain('1 queued action');
    expect(await textOf(popup, 'dialog[open]')).toContain('1 draft, with its images');
    await popup.locator('dialog[open] ::-p-aria(Cancel[role="button"])').click();
    await expect.poll(() => popup.$('dialog[open]').then((d) => !!d)).toBe(false);
    await expect.poll(() => textOf(popup, '.account-username')).toBe(`@${ADA.username}`);
  });

  test('never shows a token in any page or console', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    await emu.advanceClock(2 * 60 * 60 + 60);
    await ff.options.locator('::-p-aria(Check connection[role="button"])').click();
    await expect.poll(() => textOf(ff.options, '[role="status"]')).toMatch(/Connected/);
    const tokens = await emu.tokens();
    expect(tokens.length).toBeGreaterThanOrEqual(4);
    const dom = (await Promise.all((await ff.browser.pages()).map((p) => p.content().catch(() => '')))).join('\n');
    const logs = ff.consoleLines.join('\n');
    for (const token of tokens) {
      expect(dom).not.toContain(token);
      expect(logs).not.toContain(token);
    }
  });

  test('ignores every message another extension sends to Perch', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    await emu.clearLog();
    await ff.browser.installExtension(new URL('../fixtures/intruder-firefox', import.meta.url).pathname);
    const intruder = await findPage(ff.browser, (h) => h.startsWith('moz-extension://') && h.endsWith('/intruder.html'));
    const outcomes = await intruder.evaluate(async (attempts) => {
      const out: string[] = [];
      for (const m of attempts) {
        try {
          out.push(JSON.stringify(await browser.runtime.sendMessage('perch@perch.example', m)));
        } catch (e) {
          out.push(`refused: ${String(e)}`);
        }
      }
      return out;
    }, intruderAttempts(ADA.id));
    expect(outcomes).toHaveLength(4);
    for (const o of outcomes) expect(o).toMatch(/^refused|^undefined$/);
    // Still signed in, in a page opened afresh as in the one already open.
    const popup = await ff.open('popup');
    await expect.poll(() => textOf(popup, '.account-username')).toBe(`@${ADA.username}`);
    expect(await textOf(ff.options, '.account-username')).toBe(`@${ADA.username}`);
    // Nothing reached X: no revoke, no account check (the one request is the blank tab Perch's page was opened in).
    expect((await emu.log()).filter((e) => e.path.startsWith('/2/'))).toEqual([]);
    const settings = await ff.options.evaluate(() => browser.runtime.sendMessage({ type: 'settings.get' }));
    expect(settings).toMatchObject({ ok: true, data: { clientId: 'perch-test-client' } });
  });

  test('switches accounts and signs one out through the account menu, by keyboard and by mouse', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    await emu.setSessionUser('1452871219391512578');
    await ff.options.locator('button[aria-haspopup="menu"]').click();
    await ff.options.locator('::-p-aria(Add an account[role="menuitem"])').click();
    const consent = await findPage(ff.browser, (h) => h.includes('/i/oauth2/authorize'));
    await consent.locator('::-p-aria(Authorize app[role="button"])').click();
    await expect.poll(() => textOf(ff.options, '.account-username')).toBe('@gracehop');

    const popup = await ff.open('popup');
    await expect.poll(() => textOf(popup, '.account-username')).toBe('@gracehop');
    const menuButton = popup.locator('button[aria-haspopup="menu"]');
    await menuButton.click();
    await popup.locator('[role="menu"]').wait();
    await scanFirefox(popup, 'popup, account menu open, two accounts');
    const checked = () =>
      popup.$$eval('[role="menuitemradio"]', (els) => els.map((e) => `${e.textContent ?? ''}=${e.getAttribute('aria-checked')}`));
    expect(await checked()).toEqual([`${ADA.name} @${ADA.username}=false`, expect.stringMatching(/@gracehop=true$/)]);
    const focused = () => popup.evaluate(() => document.activeElement?.textContent ?? '');
    // Opened on its first item; Enter on it switches to Ada and closes the menu.
    expect(await focused()).toBe(`${ADA.name} @${ADA.username}`);
    await popup.keyboard.press('Enter');
    await expect.poll(() => textOf(ff.options, '.account-username')).toBe(`@${ADA.username}`);
    expect(await popup.$('[role="menu"]')).toBeNull();
    // Escape closes it and gives the focus back to the menu button.
    await popup.focus('button[aria-haspopup="menu"]');
    await popup.keyboard.press('ArrowDown');
    await popup.locator('[role="menu"]').wait();
    await popup.keyboard.press('Escape');
    await expect.poll(() => popup.$('[role="menu"]')).toBeNull();
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('aria-haspopup'))).toBe('menu');
    // Back to gracehop with the mouse, and sign gracehop out: Ada stays.
    await menuButton.click();
    // After the switch, gracehop is the one not checked.
    await popup.locator('[role="menuitemradio"][aria-checked="false"]').click();
    await expect.poll(() => textOf(ff.options, '.account-username')).toBe('@gracehop');
    await signOutThroughMenu(popup);
    await popup.locator('dialog[open] ::-p-aria(Sign out[role="button"])').click();
    await expect.poll(() => textOf(popup, '.account-username')).toBe(`@${ADA.username}`);
    await expect.poll(() => textOf(ff.options, '.account-username')).toBe(`@${ADA.username}`);
  });
});
