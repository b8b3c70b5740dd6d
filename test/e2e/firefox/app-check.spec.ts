import type { Page } from 'puppeteer-core';
import { X_SCOPES } from '../../../lib/config';
import { ADA } from '../support/emulator-control';
import { expect, signIn, test, textOf } from './fixtures';

/** Presses "Check my X app" and returns the text of each line of the report. */
async function check(page: Page): Promise<string[]> {
  await page.locator('::-p-aria(Check my X app[role="button"])').click();
  await page.locator('::-p-aria(Check my X app results[role="list"])').wait();
  return page.$$eval('.app-check-lines li', (items) => items.map((li) => li.textContent ?? ''));
}

test.describe('Check my X app, in Firefox', () => {
  test('says in words that a working app is fine, spending one GET /2/users/me', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    await emu.clearLog();
    const lines = await check(ff.options);
    expect(lines[0]).toContain('Client ID and callback URL: X accepted both at your last sign-in');
    expect(lines[1]).toContain(`Scopes: X granted all ${X_SCOPES.length} that Perch asks for.`);
    expect(lines[2]).toContain(`GET /2/users/me: X answered 200, as @${ADA.username}.`);
    expect(lines[3]).toMatch(/Rate limit: 73 of 75 requests left in this 15-minute window/);
    expect(lines.find((l) => l.includes('Credits:'))).toContain('X answered a billed read, so your app has credits.');
    expect((await emu.log()).map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual(['GET /2/users/me 200']);
  });

  test('says the app is out of credits when X answers usage-capped', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    await emu.fault({ path: '/2/users/me', count: 1, kind: 'usage_capped' });
    await emu.clearLog();
    const lines = await check(ff.options);
    expect(lines[2]).toContain('GET /2/users/me: X answered 429. Your X app is out of credits');
    expect(lines.find((l) => l.includes('Credits:'))).toContain('X says your app is out of credits or over its spending limit.');
    expect(await textOf(ff.options, '.app-check-spent')).toContain('This check spent one billed read.');
    expect((await emu.log()).filter((e) => e.path === '/2/users/me')).toHaveLength(1);
  });
});
