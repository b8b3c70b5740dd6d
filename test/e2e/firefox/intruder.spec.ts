import { readTable } from '../support/idb';
import { INTRUDER_PAGE, intruderPopupUrls, intruderTabPost } from '../support/intruder';
import { ADA } from '../support/emulator-control';
import { expect, findPage, signIn, test, textOf } from './fixtures';

/**
 * Only Perch's own clicks act, in Firefox: a second extension (test/e2e/fixtures/intruder-firefox) opens Perch's
 * popup page aimed at a post, a profile and a page to share, and sends `tab.post` from its own page. X hears
 * nothing and no draft is written until the person clicks in one of those pages.
 */
test.describe('another extension driving Perch’s pages in Firefox', () => {
  test('opens the popup on a post, a profile and a share: X is asked nothing, no draft appears', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    await ff.browser.installExtension(new URL('../fixtures/intruder-firefox', import.meta.url).pathname);
    const intruder = await findPage(ff.browser, (h) => h.startsWith('moz-extension://') && h.endsWith('/intruder.html'));
    await emu.clearLog();

    const urls = intruderPopupUrls(ff.origin);
    const opened = await intruder.evaluate(async (all) => {
      const out: string[] = [];
      for (const url of all) {
        out.push(
          await browser.tabs.create({ url, active: false }).then(
            () => 'opened',
            (e: unknown) => `refused: ${String(e)}`,
          ),
        );
      }
      return out;
    }, urls);
    // Firefox lets another extension open Perch's pages, as Chrome does: each one then waits for a click.
    expect(opened).toEqual(urls.map(() => 'opened'));
    const [post, profile, share, forged] = await Promise.all(urls.map((u) => findPage(ff.browser, (h) => h === u)));
    await expect.poll(() => textOf(post!, '.popup-gate button')).toBe('Show this post');
    await expect.poll(() => textOf(profile!, '.popup-gate button')).toBe('Show this profile');
    await expect.poll(() => textOf(forged!, '.popup-gate button')).toBe('Show this post');
    await expect.poll(() => textOf(share!, '.popup-gate button')).toBe('Write a post about this page');
    const gate = await textOf(share!, '.popup-gate');
    expect(gate).toContain(INTRUDER_PAGE.url);
    expect(gate).toContain(INTRUDER_PAGE.title);
    expect(await share!.$('textarea')).toBeNull();

    // From its own page, the intruder asks as if it were Perch's popup: no answer.
    const outcome = await intruder.evaluate(
      async (message) =>
        browser.runtime.sendMessage('perch@perch.example', message).then(
          (r: unknown) => JSON.stringify(r),
          (e: unknown) => `refused: ${String(e)}`,
        ),
      intruderTabPost(ADA.id),
    );
    expect(outcome).toMatch(/^refused|^undefined$/);

    // Give a page that would ask anyway the time to: the popup's head asks before React has even loaded.
    await new Promise((r) => setTimeout(r, 500));
    expect((await emu.log()).filter((e) => e.path.startsWith('/2/'))).toEqual([]);
    expect(await ff.options.evaluate(readTable, 'drafts')).toEqual([]);

    // The page is no dead end: the person's click shows the post, fetched from X then.
    await (await post!.waitForSelector('.popup-gate button'))!.click();
    await expect.poll(() => textOf(post!, '.post-card')).toContain('@gracehop');
  });
});
