import type { Page } from '@playwright/test';
import { ADA } from '../support/emulator-control';
import { readTable } from '../support/idb';
import { INTRUDER_PAGE, intruderPopupUrls, intruderTabPost } from '../support/intruder';
import { expect, launchPerch, registerCallback, signIn, test } from './fixtures';

/**
 * Only Perch's own clicks act: a second extension (test/e2e/fixtures/intruder) opens Perch's popup page aimed at a
 * post, a profile and a page to share, and sends `tab.post` from a page of its own. X hears nothing and no draft is
 * written until the person clicks in one of those pages.
 */
test.describe('another extension driving Perch’s pages', () => {
  test('opens the popup on a post, a profile and a share: X is asked nothing, no draft appears', async ({ emu }) => {
    const { perch, close } = await launchPerch({ extraExtensions: [new URL('../fixtures/intruder', import.meta.url).pathname] });
    try {
      await registerCallback(perch, emu);
      const options = await perch.open('options');
      await signIn(perch, options);
      await emu.clearLog();
      const worker = perch.context.serviceWorkers().find((w) => !w.url().startsWith(`chrome-extension://${perch.id}/`));
      if (!worker) throw new Error('the intruder extension did not load');
      const intruderOrigin = `chrome-extension://${new URL(worker.url()).host}`;

      const urls = intruderPopupUrls(`chrome-extension://${perch.id}`);
      const pages: Page[] = [];
      for (const url of urls) {
        const opened = perch.context.waitForEvent('page', (p) => p.url() === url);
        await worker.evaluate((u) => chrome.tabs.create({ url: u, active: false }), url);
        pages.push(await opened);
      }
      const [post, profile, share, forged] = pages as [Page, Page, Page, Page];
      await expect(post.getByRole('button', { name: 'Show this post' })).toBeVisible();
      await expect(profile.getByRole('button', { name: 'Show this profile' })).toBeVisible();
      await expect(forged.getByRole('button', { name: 'Show this post' })).toBeVisible();
      const gate = share.getByRole('region', { name: 'Opened by another page' });
      await expect(gate).toContainText(INTRUDER_PAGE.url);
      await expect(gate).toContainText(INTRUDER_PAGE.title);
      await expect(share.getByRole('button', { name: 'Write a post about this page' })).toBeVisible();
      await expect(share.getByRole('textbox', { name: 'Post text' })).toHaveCount(0);

      // From a page of its own, the intruder asks as if it were Perch's popup: no answer.
      const page = await perch.context.newPage();
      await page.goto(`${intruderOrigin}/intruder.html`);
      const outcome = await page.evaluate(
        async ({ perchId, message }) =>
          chrome.runtime.sendMessage(perchId, message).then(
            (r: unknown) => JSON.stringify(r),
            (e: unknown) => `refused: ${String(e)}`,
          ),
        { perchId: perch.id, message: intruderTabPost(ADA.id) },
      );
      expect(outcome).toMatch(/^refused|^undefined$/);

      // Give a page that would ask anyway the time to: the popup's head asks before React has even loaded.
      await post.waitForTimeout(500);
      expect(await emu.log()).toEqual([]);
      expect(await options.evaluate(readTable, 'drafts')).toEqual([]);

      // The page is no dead end: the person's click shows the post, fetched from X then.
      await post.getByRole('button', { name: 'Show this post' }).click();
      await expect(post.getByRole('region', { name: 'This post' })).toContainText('@gracehop');
      expect((await emu.log()).some((e) => e.path.startsWith('/2/tweets'))).toBe(true);
    } finally {
      await close();
    }
  });
});
