import type { Page } from '@playwright/test';
import { ADA } from '../support/emulator-control';
import { X_SCOPES } from '../../../lib/config';
import { expect, signIn, test } from './fixtures';

/** Presses "Check my X app" and returns the report's lines. */
async function check(options: Page) {
  await options.getByRole('button', { name: 'Check my X app' }).click();
  const results = options.getByRole('list', { name: 'Check my X app results' });
  await expect(results).toBeVisible();
  return results.getByRole('listitem');
}

/**
 * Saves another Client ID and presses Sign in with X: X answers its page with an error (400), which Chrome's
 * launchWebAuthFlow takes as a page that did not load, ending the sign-in at once.
 */
async function signInWithRefusedApp(options: Page, clientId: string) {
  await options.getByLabel('Client ID').fill(clientId);
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByRole('status')).toHaveText('Client ID saved.');
  await options.getByRole('button', { name: 'Sign in with X' }).click();
  await expect(options.getByRole('alert')).toHaveText(/X’s sign-in page did not load/);
}

test.describe('Check my X app, in Chromium', () => {
  test('says in words that a working app is fine, spending one GET /2/users/me', async ({ perch, emu }) => {
    const options = await perch.open('options');
    await signIn(perch, options);
    await emu.clearLog();
    const lines = await check(options);
    await expect(lines.nth(0)).toContainText('Client ID and callback URL: X accepted both at your last sign-in');
    await expect(lines.nth(1)).toContainText(`Scopes: X granted all ${X_SCOPES.length} that Perch asks for.`);
    await expect(lines.nth(2)).toContainText(`GET /2/users/me: X answered 200, as @${ADA.username}.`);
    await expect(lines.nth(3)).toContainText(/Rate limit: 73 of 75 requests left in this 15-minute window; it resets at \d\d:\d\d/);
    await expect(lines.filter({ hasText: 'Credits:' })).toContainText('X answered a billed read, so your app has credits.');
    await expect(options.getByText('This check spent one billed read.')).toBeVisible();
    expect((await emu.log()).map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual(['GET /2/users/me 200']);
  });

  test('names an unknown Client ID from the last sign-in, and sends X nothing', async ({ perch, emu }) => {
    const options = await perch.open('options');
    await signInWithRefusedApp(options, 'unknown-perch-app');
    await emu.clearLog();
    const lines = await check(options);
    await expect(lines.nth(0)).toContainText('X’s sign-in page did not load at your last sign-in');
    await expect(lines.nth(0)).toContainText('check that your app’s Client ID is unknown-perch-app');
    await expect(lines.nth(2)).toContainText('GET /2/users/me: not sent. Your last sign-in did not succeed');
    await expect(options.getByText('This check sent nothing to X.')).toBeVisible();
    expect(await emu.log()).toEqual([]);
  });

  test('names the callback URL when the app does not list it', async ({ perch, emu }) => {
    await emu.registerClient('perch-other-app', ['https://elsewhere.example/callback']);
    const options = await perch.open('options');
    await signInWithRefusedApp(options, 'perch-other-app');
    const lines = await check(options);
    await expect(lines.nth(0)).toContainText(`its callback URLs include https://${perch.id}.chromiumapp.org/ exactly`);
    expect((await emu.log()).filter((e) => e.path.startsWith('/2/'))).toEqual([]);
  });

  test('names X’s refusal of a confidential (Web App) Client ID at the code exchange', async ({ perch, emu }) => {
    await emu.registerClient('perch-web-app', [`https://${perch.id}.chromiumapp.org/`], { confidential: true });
    const options = await perch.open('options');
    await options.getByLabel('Client ID').fill('perch-web-app');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect(options.getByRole('status')).toHaveText('Client ID saved.');
    const consent = perch.context.waitForEvent('page', (p) => p.url().includes('/i/oauth2/authorize'));
    await options.getByRole('button', { name: 'Sign in with X' }).click();
    await (await consent).getByRole('button', { name: 'Authorize app' }).click();
    await expect(options.getByRole('alert')).toHaveText(/unauthorized_client/);
    await emu.clearLog();
    const lines = await check(options);
    await expect(lines.nth(0)).toContainText('Client ID: X refused it when Perch exchanged the sign-in’s code');
    // X's words, quoted and isolated (FSI…PDI) so they cannot reorder the sentence around them.
    await expect(lines.nth(0)).toContainText('“\u2068unauthorized_client: Missing valid authorization header\u2069”');
    await expect(lines.nth(0)).toContainText('Native App');
    expect(await emu.log()).toEqual([]);
  });

  test('counts Cancel on X’s page as X accepting the app', async ({ perch }) => {
    const options = await perch.open('options');
    await signIn(perch, options, 'Cancel');
    const lines = await check(options);
    await expect(lines.nth(0)).toContainText('X accepted both at your last sign-in');
    await expect(lines.nth(0)).toContainText('where Cancel was pressed on X’s page');
  });

  test('says what X answered when GET /2/users/me fails, without retrying it', async ({ perch, emu }) => {
    const options = await perch.open('options');
    await signIn(perch, options);
    await emu.clearLog();
    await emu.fault({ path: '/2/users/me', count: 4, kind: 'status', status: 503 });
    const lines = await check(options);
    await expect(lines.nth(2)).toContainText('GET /2/users/me: X answered 503. X is not answering right now.');
    await expect(lines.filter({ hasText: 'Credits:' })).toContainText('not known from this answer');
    expect((await emu.log()).filter((e) => e.path === '/2/users/me')).toHaveLength(1);
  });

  test('shows a spent rate limit, then sends nothing until it resets', async ({ perch, emu }) => {
    const options = await perch.open('options');
    await signIn(perch, options);
    await emu.fault({ path: '/2/users/me', count: 1, kind: 'rate_limit' });
    let lines = await check(options);
    await expect(lines.nth(2)).toContainText('GET /2/users/me: X answered 429.');
    await expect(lines.nth(3)).toContainText('Rate limit: 0 of 75 requests left');
    await emu.clearLog();
    lines = await check(options);
    await expect(lines.nth(2)).toContainText('GET /2/users/me: not sent, nothing was spent.');
    await expect(options.getByText('This check sent nothing to X.')).toBeVisible();
    expect(await emu.log()).toEqual([]);
  });

  test('says the app is out of credits when X answers usage-capped', async ({ perch, emu }) => {
    const options = await perch.open('options');
    await signIn(perch, options);
    await emu.fault({ path: '/2/users/me', count: 1, kind: 'usage_capped' });
    const lines = await check(options);
    await expect(lines.nth(2)).toContainText('GET /2/users/me: X answered 429. Your X app is out of credits');
    await expect(lines.filter({ hasText: 'Credits:' })).toContainText(
      'X says your app is out of credits or over its spending limit. Add credits or raise the limit',
    );
    // A spent credit balance is not a spent rate limit: the window still has requests left.
    await expect(lines.nth(3)).toContainText(/Rate limit: \d+ of 75 requests left/);
    await expect(lines.nth(3)).not.toContainText('Rate limit: 0 of');
  });
});
