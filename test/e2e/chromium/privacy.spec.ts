import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/paths';
import { expect, test } from './fixtures';

test.describe('privacy policy', () => {
  test('the settings page links to the privacy policy, which says what PRIVACY.md says, styled, in a new tab', async ({ perch }) => {
    const options = await perch.open('options');
    const opened = perch.context.waitForEvent('page');
    await options.getByRole('link', { name: /^Privacy policy/ }).click();
    const privacy = await opened;
    await expect(privacy.getByRole('heading', { level: 1 })).toHaveText('Perch privacy policy');
    // Every section heading of PRIVACY.md is on the page.
    const headings = [...readFileSync(path.join(ROOT, 'PRIVACY.md'), 'utf8').matchAll(/^## (.+)$/gm)].map((m) => m[1]!);
    expect(headings.length).toBeGreaterThan(2);
    await expect(privacy.getByRole('heading', { level: 2 })).toHaveText(headings);
    await expect(privacy.getByText(/Perch has no analytics/)).toBeVisible();
    // Its stylesheet loaded under the pages' CSP (style-src 'self'): the text column is narrower than the window.
    await privacy.setViewportSize({ width: 1200, height: 800 });
    const main = await privacy.getByRole('main').boundingBox();
    expect(main?.width).toBeLessThan(800);
  });
});
