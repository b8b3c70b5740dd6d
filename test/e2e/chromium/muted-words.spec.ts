import { scan } from '../support/axe-chromium';
import { expect, signInAsGrace, test } from './fixtures';

/**
 * X's API v2 gives apps no muted words (x-api--users--mutes--introduction: mutes of accounts only), and people look for
 * them in the Muted tab: it says they are managed on x.com, with a plain link there, reached by the keyboard.
 */
test('the Muted tab says muted words are on x.com, with a link there, in Chromium', async ({ perch, emu }) => {
  await signInAsGrace(perch, emu);
  const page = await perch.open('manager', '#muted');
  const muted = page.getByRole('tabpanel', { name: 'Muted' });
  await expect(muted.getByText('Muted words are managed on x.com.')).toBeVisible();
  const link = muted.getByRole('link', { name: 'Open muted words on x.com' });
  await expect(link).toHaveAttribute('href', 'https://x.com/settings/muted_keywords');
  await link.focus();
  await expect(link).toBeFocused();
  await scan(page, 'side panel, Muted, muted words note');
});
