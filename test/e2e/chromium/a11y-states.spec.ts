import {
  BOOKMARK_REFUSED,
  BOOKMARK_UNREACHABLE,
  EMPTY_TABS,
  heldOnX,
  HOLDS_NOTHING,
  KEPT_OFFLINE_NOTE,
  KEPT_OFFLINE_ROW,
  keptAfterTries,
  MUTED_SYNC_LIMITED,
  NOTHING_TABS,
  NOTHING_USER,
  READ_UNANSWERED,
  REFUSED_WORDS,
  STATE_PAGES,
  SYNC_WAITING_WORDS,
  UNANSWERED_WORDS,
} from '../support/a11y-states';
import { scan } from '../support/axe-chromium';
import { ADA } from '../support/emulator-control';
import { readTable } from '../support/idb';
import { expectWordsWhole } from '../support/words-whole';
import { expect, popupOn, signIn, signInAs, signInAsGrace, test } from './fixtures';

/**
 * The screen states a11y.spec.ts does not reach, scanned by axe-core light and dark (test/e2e/support/axe.ts): each
 * dialog open, the list picker, a post X no longer has, a post X did not answer for, an action X refused, the privacy page, Check my X app's results, the
 * manager's tabs when the account has nothing in them, an action kept while X cannot be reached (in the popup and in
 * Activity) and a sync waiting for X's limit: these last measured whole at the popup's width and the side panel's
 * narrowest too (test/e2e/support/words-whole.ts).
 */

const POPUP = { viewport: { width: 360, height: 600 } };

test.describe('more screen states pass an axe scan, light and dark, in Chromium', () => {
  test('settings, privacy policy, the popup’s dialogs, list picker and failures', async ({ perch, emu }) => {
    test.setTimeout(300_000);
    const scanned: string[] = [];
    const options = await perch.open('options');
    const opened = perch.context.waitForEvent('page');
    await options.getByRole('link', { name: /^Privacy policy/ }).click();
    const privacy = await opened;
    await expect(privacy.getByRole('heading', { level: 1 })).toHaveText('Perch privacy policy');
    scanned.push(await scan(privacy, 'privacy policy'));
    await privacy.close();

    await signIn(perch, options);
    await options.getByRole('button', { name: 'Check my X app' }).click();
    await expect(options.getByRole('list', { name: 'Check my X app results' })).toBeVisible();
    scanned.push(await scan(options, 'settings, Check my X app results'));
    // Blocking through Perch is offered on the Enterprise plan only.
    await options.getByRole('checkbox', { name: 'My X app is on the Enterprise plan' }).check();
    await expect(options.getByText('Perch now replies, quotes and blocks through your app.')).toBeVisible();

    const own = await popupOn(perch, STATE_PAGES.own, POPUP);
    await own.getByRole('button', { name: 'Delete post', exact: true }).click();
    await expect(own.getByRole('dialog')).toBeVisible();
    scanned.push(await scan(own, 'popup, delete this post?'));
    await own.keyboard.press('Escape');
    await expect(own.getByRole('dialog')).toHaveCount(0);
    await own.getByRole('button', { name: `${ADA.name} @${ADA.username}` }).click();
    await own.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(own.getByRole('dialog')).toBeVisible();
    scanned.push(await scan(own, 'popup, sign out?'));
    await own.close();

    const post = await popupOn(perch, STATE_PAGES.others, POPUP);
    await post.getByRole('button', { name: 'Block @gracehop', exact: true }).click();
    await expect(post.getByRole('dialog', { name: 'Block @gracehop?' })).toBeVisible();
    scanned.push(await scan(post, 'popup, block @gracehop?'));
    await post.keyboard.press('Escape');
    await post.getByRole('button', { name: 'Add @gracehop to a list…' }).click();
    await expect(
      post.getByRole('region', { name: 'Lists for @gracehop' }).getByRole('button', { name: 'Add to “Reading list 📚”' }),
    ).toBeVisible();
    scanned.push(await scan(post, 'popup, list picker'));
    await post.close();

    const gone = await popupOn(perch, STATE_PAGES.gone, POPUP);
    await expect(gone.getByRole('region', { name: 'This post' })).toBeVisible();
    scanned.push(await scan(gone, 'popup, a post X does not have'));
    await gone.close();

    await emu.fault(READ_UNANSWERED);
    const unanswered = await popupOn(perch, STATE_PAGES.unanswered, POPUP);
    await expect(unanswered.getByRole('region', { name: 'This post' }).getByRole('alert')).toContainText(UNANSWERED_WORDS);
    scanned.push(await scan(unanswered, 'popup, X did not answer for a post'));
    await unanswered.close();
    await emu.clearFaults();

    await emu.fault(BOOKMARK_REFUSED);
    const refused = await popupOn(perch, STATE_PAGES.refused, POPUP);
    await refused.getByRole('button', { name: 'Bookmark', exact: true }).click();
    await expect(refused.getByRole('alert').filter({ hasText: REFUSED_WORDS })).toBeVisible();
    scanned.push(await scan(refused, 'popup, X refused a bookmark'));
    await refused.close();

    expect(scanned).toHaveLength(9);
  });

  test('every manager tab of an account with nothing in it', async ({ perch, emu }) => {
    test.setTimeout(300_000);
    // Grace (the emulator's second account) has no bookmarks, blocks no one and has no drafts.
    await signInAsGrace(perch, emu);
    const page = await perch.open('manager', '#bookmarks');
    await page.setViewportSize({ width: 360, height: 800 });
    await expect(page.getByText('You have no bookmarks on X.')).toBeVisible();
    const scanned = [await scan(page, 'manager, no bookmarks')];
    for (const tab of EMPTY_TABS) {
      await page.getByRole('tab', { name: tab }).click();
      await expect(page.getByRole('tabpanel', { name: tab })).not.toBeEmpty();
      scanned.push(await scan(page, `manager, ${tab}, for an account with none`));
    }
    expect(scanned).toHaveLength(6);
  });

  test('the Lists and Muted tabs of an account with nothing on X', async ({ perch, emu }) => {
    test.setTimeout(300_000);
    // Grace's Lists and Muted tabs are never empty (she is on others' Lists and mutes one account): this account's are.
    expect(await heldOnX(emu, NOTHING_USER.id)).toEqual(HOLDS_NOTHING);
    await signInAs(perch, emu, NOTHING_USER);
    const page = await perch.open('manager', '#bookmarks');
    await page.setViewportSize({ width: 360, height: 800 });
    await expect(page.getByText('You have no bookmarks on X.')).toBeVisible();
    const scanned: string[] = [];
    for (const [tab, none] of NOTHING_TABS) {
      await page.getByRole('tab', { name: tab }).click();
      await expect(page.getByRole('tabpanel', { name: tab })).toContainText(none);
      scanned.push(await scan(page, `manager, ${tab}, for an account with nothing on X`));
    }
    expect(scanned).toHaveLength(2);
  });

  test('an action kept while X cannot be reached, and a sync waiting for X’s limit', async ({ perch, emu }) => {
    test.setTimeout(300_000);
    const options = await perch.open('options');
    await signIn(perch, options);
    await emu.fault(BOOKMARK_UNREACHABLE);
    const post = await popupOn(perch, STATE_PAGES.others, { viewport: { width: 360, height: 1200 } });
    await post.getByRole('button', { name: 'Bookmark', exact: true }).click();
    await expect.poll(async () => keptAfterTries(await post.evaluate(readTable, 'actions')), { timeout: 60_000 }).toBe(true);
    await expect(post.getByText(KEPT_OFFLINE_NOTE)).toBeVisible();
    await expectWordsWhole(post, 'cr-popup-kept-offline');
    const scanned = [await scan(post, 'popup, a bookmark kept while X cannot be reached')];
    await post.close();

    const panel = await perch.open('sidepanel');
    await panel.setViewportSize({ width: 320, height: 1200 });
    await panel.getByRole('tab', { name: 'Activity' }).click();
    const activity = panel.getByRole('tabpanel', { name: 'Activity' });
    await expect(activity.getByText(KEPT_OFFLINE_ROW)).toBeVisible();
    await expect(activity.getByRole('button', { name: /^Cancel: / })).toBeVisible();
    await expectWordsWhole(panel, 'cr-sidebar-activity-kept-offline');
    scanned.push(await scan(panel, 'side panel, Activity, a bookmark kept while X cannot be reached'));

    await emu.fault(MUTED_SYNC_LIMITED);
    await panel.getByRole('tab', { name: 'Muted' }).click();
    const muted = panel.getByRole('tabpanel', { name: 'Muted' });
    await expect(muted.getByRole('status').filter({ hasText: SYNC_WAITING_WORDS })).toBeVisible();
    await expectWordsWhole(panel, 'cr-sidebar-muted-waiting');
    scanned.push(await scan(panel, 'side panel, Muted, a sync waiting for X’s limit'));
    expect(scanned).toHaveLength(3);
  });
});
