import type { Page } from 'puppeteer-core';
import { SPLIT_600 } from '../support/posts';
import { typeInto } from '../support/firefox-input';
import { hasButton } from '../support/firefox-popup';
import { expect, findPage, signIn, test, textOf } from './fixtures';

// Long posts for Premium: gracehop's `subscription_type` is Premium in the emulator (GET /2/users/me), so her
// limit is X's long-post limit, 25,000; adaperch (None) keeps 280.
const GRACE_ID = '1452871219391512578';

const button = (page: Page, name: string) => page.locator(`::-p-aria(${name}[role="button"])`);

const counter = (page: Page) => page.$eval('.counter', (e) => e.getAttribute('aria-label')).catch(() => null);

test.describe('a Premium account’s long post, in Firefox', () => {
  test('a 600-character post shows no split and goes out as one post', async ({ ff, emu, emulator }) => {
    await emu.setSessionUser(GRACE_ID);
    await button(ff.options, 'Sign in with X').click();
    const consent = await findPage(ff.browser, (h) => h.includes('/i/oauth2/authorize'));
    await consent.locator('::-p-aria(Authorize app[role="button"])').click();
    await ff.options.locator('::-p-text(@gracehop)').wait();

    const popup = await ff.open('popup');
    await typeInto(popup, SPLIT_600);
    await expect.poll(() => counter(popup)).toBe(`${(25_000 - SPLIT_600.length).toLocaleString('en')} characters left`);
    expect(await hasButton(popup, 'Split into a thread')).toBe(false);
    expect(await textOf(popup, 'body')).not.toMatch(/over X’s limit/);
    await emu.clearLog();
    await button(popup, 'Post').click();
    await expect.poll(() => textOf(popup, '.published')).toContain('Your post is on X.');

    const creates = (await emu.log()).filter((e) => e.method === 'POST' && e.path === '/2/tweets');
    expect(creates.map((e) => e.status)).toEqual([201]);
    const onX = [...emulator.state.posts.values()].filter((p) => p.authorId === GRACE_ID && p.sourceText === SPLIT_600);
    expect(onX).toHaveLength(1);
  });

  test('the same post from an account without X Premium is over 280 and offers the split', async ({ ff }) => {
    await signIn(ff, ff.options);
    const popup = await ff.open('popup');
    await typeInto(popup, SPLIT_600);
    await expect.poll(() => textOf(popup, 'body')).toContain(`${SPLIT_600.length - 280} characters over X’s limit of 280.`);
    expect(await popup.$eval('::-p-aria(Post[role="button"])', (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    expect(await hasButton(popup, 'Split into a thread')).toBe(true);
  });
});
