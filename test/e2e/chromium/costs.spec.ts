import type { Page } from '@playwright/test';
import { ADA } from '../support/emulator-control';
import { expect, signIn, test, type Perch } from './fixtures';

const GRACE_ID = '1452871219391512578';
const LINK_POST = 'Worth a read: https://example.com/article';
const PRICE = /A post with a link costs \$0\.200 on X’s pay-per-use plan/;

/** Adds a second account from the settings page: the account menu's entry, or the header's button before it. */
async function addAccount(perch: Perch, options: Page): Promise<void> {
  const consent = perch.context.waitForEvent('page', (p) => p.url().includes('/i/oauth2/authorize'));
  const direct = options.getByRole('button', { name: 'Add another account' });
  if (await direct.isVisible()) await direct.click();
  else {
    await options.getByRole('button', { name: new RegExp(`@${ADA.username}`) }).click();
    await options.getByRole('menuitem', { name: /^Add (an|another) account$/ }).click();
  }
  await (await consent).getByRole('button', { name: 'Authorize app' }).click();
  await expect(options.getByText('@gracehop').first()).toBeVisible();
}

/** The popup's composer with a link in it, once the composer has read the text (its link count shows). */
async function composerWithLink(perch: Perch): Promise<Page> {
  const popup = await perch.open('popup');
  await popup.getByRole('textbox', { name: 'Post text' }).fill(LINK_POST);
  await expect(popup.getByText('The link counts as 23 characters.')).toBeVisible();
  return popup;
}

test.describe('costs', () => {
  test('the composer says a link post’s price once per account, until Got it', async ({ perch, emu }) => {
    const options = await perch.open('options');
    await signIn(perch, options);

    let popup = await perch.open('popup');
    const box = popup.getByRole('textbox', { name: 'Post text' });
    await box.fill('No link here');
    await expect(popup.getByText(PRICE)).toBeHidden();
    await box.fill(LINK_POST);
    await expect(popup.getByText(PRICE)).toBeVisible();
    await popup.getByRole('button', { name: 'Got it' }).click();
    await expect(popup.getByText(PRICE)).toBeHidden();
    await expect(popup.getByRole('button', { name: 'Got it' })).toBeHidden();
    // The link is still counted: only the price note went.
    await expect(popup.getByText('The link counts as 23 characters.')).toBeVisible();
    await popup.close();

    // Reopened, with a link again: the note stays away for this account.
    popup = await composerWithLink(perch);
    // The composer has drawn the link's count; give storage's answer a moment, then the note must still be absent.
    await popup.waitForTimeout(500);
    await expect(popup.getByText(PRICE)).toBeHidden();
    await popup.close();

    // Another account has not read it yet.
    await emu.setSessionUser(GRACE_ID);
    await addAccount(perch, options);
    popup = await composerWithLink(perch);
    await expect(popup.getByText(PRICE)).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Got it' })).toBeVisible();
  });

  test('the settings list X’s prices, and the manager names none', async ({ perch }) => {
    const options = await perch.open('options');
    await signIn(perch, options);
    await expect(options.getByRole('heading', { level: 2, name: 'Costs' })).toBeVisible();
    const writes = options.getByRole('table', { name: 'Acting on X: charged per request' });
    await expect(writes.getByRole('row', { name: /^Post or reply with a link/ })).toContainText('$0.200');
    await expect(writes.getByRole('row', { name: /^Bookmark, or remove a bookmark/ })).toContainText('$0.005');
    const reads = options.getByRole('table', { name: 'Reading from X: charged per item X returns' });
    await expect(reads.getByRole('row', { name: /^Read a list’s members/ })).toContainText('$0.010 per account');

    const panel = await perch.open('sidepanel');
    const synced = panel.getByText(/^Last synced /);
    await expect(synced).toBeVisible({ timeout: 30_000 });
    // The manager's one time style: in words, the exact date and time on hover.
    await expect(synced).toHaveText('Last synced now.');
    await expect(synced.locator('time')).toHaveAttribute('title', /\d{4}.*\d{1,2}:\d\d|\d{1,2}:\d\d.*\d{4}/);
    for (const tab of ['Bookmarks', 'Lists', 'Muted', 'Blocked', 'Activity', 'Drafts']) {
      await panel.getByRole('tab', { name: tab }).click();
      const shown = panel.getByRole('tabpanel', { name: tab });
      await expect(shown).not.toBeEmpty();
      await expect(shown).not.toContainText(/\$\d|\bbills?\b|\bprice\b/);
    }
  });
});
