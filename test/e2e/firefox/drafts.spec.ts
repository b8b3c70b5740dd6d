import type { Page } from 'puppeteer-core';
import { SEED_POSTS } from '../../emulator/seed';
import { scanFirefox } from '../support/axe-firefox';
import { typeInto } from '../support/firefox-input';
import { popupDrawn, popupOn } from '../support/firefox-popup';
import { expect, findPage, signIn, test, textOf, type FirefoxPerch } from './fixtures';

/** Sets a composer's text as a paste would, once it is drawn, and lets React see the input event. */
const typeInComposer = (page: Page, text: string) => typeInto(page, text, '.composer textarea');

const textValue = (page: Page) => page.$eval('.composer textarea', (t) => t.value).catch(() => undefined);
/** The popup's way-in links, as shown. */
const wayIn = (page: Page) => page.$$eval('a.popup-way-in-link', (els) => els.map((e) => e.textContent));
/** Each listed draft: its context words, text and age. */
const listed = (page: Page) =>
  page.$$eval('[aria-label="Your drafts"] > li', (els) =>
    els.map((li) => [
      li.querySelector('.drafts-context')?.textContent,
      li.querySelector('.drafts-text')?.textContent,
      li.querySelector('time')?.textContent,
    ]),
  );

async function click(page: Page, selector: string): Promise<void> {
  await (await page.waitForSelector(selector))!.click();
}

/** Writes a reply to Grace's post and a new post in the popup, each kept as a draft. */
async function writeTwoDrafts(ff: FirefoxPerch): Promise<void> {
  const onPost = await popupOn(ff, `https://x.com/gracehop/status/${SEED_POSTS.graceMentionsAda}`);
  await onPost.locator('::-p-aria(Reply[role="button"])').click();
  await typeInComposer(onPost, 'A reply I have not sent yet');
  const popup = await ff.open('popup');
  await typeInComposer(popup, 'A plain thought for later');
  await expect.poll(() => textValue(popup)).toBe('A plain thought for later');
}

test.describe('the drafts list in Firefox', () => {
  test('lists reply and plain drafts with context and age, reopens the reply with its text, and deletes one', async ({ ff }) => {
    await signIn(ff, ff.options);
    await writeTwoDrafts(ff);

    // The manager (the sidebar's page, here in a tab) follows the popup's Drafts link, which carries the count.
    const panel = await ff.open('sidepanel');
    const popup = await popupDrawn(ff);
    await expect.poll(() => wayIn(popup)).toContain('Drafts (2)');
    await (await popup.$$('a.popup-way-in-link')).at(-1)!.click();
    // Read where a person reads it: Firefox holds back timers in a tab no one sees (by seconds once its budget is
    // spent), and Dexie's live queries start on one, so the manager in a background tab could take 15 s to list.
    await panel.bringToFront();
    await expect.poll(() => textOf(panel, '[role="tab"][aria-selected="true"]')).toBe('Drafts');
    await expect
      .poll(() => listed(panel))
      .toEqual([
        ['New post', 'A plain thought for later', 'now'],
        ['Reply to @gracehop', 'A reply I have not sent yet', 'now'],
      ]);
    await scanFirefox(panel, 'manager, drafts');

    // Reopen the reply: Perch's own window on the post, at the reply with its text, loaded with no click.
    await click(panel, 'button[aria-label="Open draft: Reply to @gracehop"]');
    const reopened = await findPage(ff.browser, (h) => h.includes('/popup.html?') && h.includes('draft=reply'));
    await expect.poll(() => textValue(reopened)).toBe('A reply I have not sent yet');
    expect(await textOf(reopened, '.composer')).toContain('Replying to @gracehop');
    expect(await reopened.$('.popup-gate')).toBeNull();
    await reopened.close();
    await panel.bringToFront();

    // Delete asks first, then the draft is gone and the counts drop.
    await click(panel, 'button[aria-label="Delete draft: New post"]');
    await click(panel, 'dialog[open] ::-p-aria(Delete draft[role="button"])');
    await expect.poll(() => listed(panel)).toEqual([['Reply to @gracehop', 'A reply I have not sent yet', 'now']]);
    expect(await textOf(panel, '.drafts-view .mgr-head')).toContain('1 draft');
    // The popup left open follows live: its count drops with no reopening.
    await popup.bringToFront();
    await expect.poll(() => wayIn(popup)).toContain('Drafts (1)');
    const again = await ff.open('popup');
    await expect.poll(() => wayIn(again)).toContain('Drafts (1)');
    await expect.poll(() => textValue(again)).toBe('');
  });
});
