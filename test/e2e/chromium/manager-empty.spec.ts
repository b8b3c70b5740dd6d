import { expect, signInAsGrace, test } from './fixtures';

test.describe('an empty tab in Chromium', () => {
  test('after a sync that found nothing, says the account has none on X instead of asking for a sync', async ({ perch, emu }) => {
    // Grace has no bookmarks and blocks no one on X.
    await signInAsGrace(perch, emu);
    const expected = {
      bookmarks: 'You have no bookmarks on X.',
      blocked: 'You have blocked no one on X.',
    } as const;
    for (const [tab, text] of Object.entries(expected) as [keyof typeof expected, string][]) {
      const page = await perch.open('manager', `#${tab}`);
      // The tab's daily sync runs on first show; once it has said when it synced, the empty line agrees with it.
      await expect(
        page
          .getByRole('status')
          .filter({ hasText: /^Last synced/ })
          .first(),
      ).toBeVisible();
      await expect(page.getByText(text)).toBeVisible();
      await expect(page.getByText(/Press Sync now/)).toHaveCount(0);
      await page.close();
    }
  });
});
