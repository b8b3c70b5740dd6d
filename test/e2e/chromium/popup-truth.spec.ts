import type { Page } from '@playwright/test';
import { SEED_POSTS } from '../../emulator/seed';
import { ADA, type EmulatorControl } from '../support/emulator-control';
import { expect, popupOn, signIn, test, type Perch } from './fixtures';

/**
 * Every button tells the truth (issue 12, items 1-4 and 7): what the popup shows of a relation, a list, one's own
 * post and a post that failed to load is what X says, or what Perch did, never a guess.
 */

const GRACE = { id: '1452871219391512578', username: 'gracehop' };
const READING = 'Reading list 📚';

/** Adds @gracehop to Ada's "Reading list 📚" from the popup on her profile; returns when X has her on it. */
async function addGraceToReadingList(perch: Perch, emu: EmulatorControl): Promise<Page> {
  const popup = await popupOn(perch, `https://x.com/${GRACE.username}`);
  await popup.getByRole('button', { name: 'Add to list…' }).click();
  await popup.getByRole('button', { name: `Add to “${READING}”` }).click();
  await expect(popup.getByRole('button', { name: `Remove from “${READING}”` })).toBeVisible();
  await expect
    .poll(async () => (await emu.relations()).owned_lists.find((l) => l.name === READING)?.member_ids.includes(GRACE.id))
    .toBe(true);
  return popup;
}

test.describe('the popup tells the truth in Chromium', () => {
  test.beforeEach(async ({ perch }) => {
    await signIn(perch, await perch.open('options'));
  });

  test('a profile the bookmark sync already stored still shows that I follow them', async ({ perch, emu }) => {
    const manager = await perch.open('manager');
    await expect(manager.getByText('800 bookmarks', { exact: true })).toBeVisible({ timeout: 30_000 });
    await manager.close();
    expect((await emu.relations()).following).toContain(GRACE.id);
    const popup = await popupOn(perch, `https://x.com/${GRACE.username}`);
    await expect(popup.getByRole('button', { name: 'Unfollow', exact: true })).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Follow', exact: true })).toHaveCount(0);
  });

  test('my own post offers Delete, asked first, and no Mute or Block of myself; my profile offers neither', async ({ perch, emu }) => {
    const post = SEED_POSTS.adaHello;
    const popup = await popupOn(perch, `https://x.com/${ADA.username}/status/${post}`);
    await expect(popup.getByRole('region', { name: 'This post' })).toContainText('Hello from Perch!');
    await expect(popup.getByRole('button', { name: new RegExp(`^(Mute|Block) @${ADA.username}`) })).toHaveCount(0);
    await expect(popup.getByRole('link', { name: new RegExp(`^(Block|Unblock) @${ADA.username}`) })).toHaveCount(0);
    // X does not tell an app whether a post was liked or reposted elsewhere: the popup says what its buttons show.
    await expect(popup.getByText('Like and Repost show what you did through Perch')).toBeVisible();
    await popup.getByRole('button', { name: 'Delete post', exact: true }).click();
    const ask = popup.getByRole('dialog', { name: 'Delete your post?' });
    await ask.getByRole('button', { name: 'Cancel' }).click();
    expect((await emu.log()).filter((e) => e.method === 'DELETE')).toEqual([]);
    await popup.getByRole('button', { name: 'Delete post', exact: true }).click();
    await ask.getByRole('button', { name: 'Delete post', exact: true }).click();
    await expect(popup.getByText('Deleted.')).toBeVisible();
    await expect
      .poll(async () => (await emu.log()).filter((e) => e.method === 'DELETE' && e.path === `/2/tweets/${post}`).map((e) => e.status))
      .toEqual([200]);
    await expect(popup.getByRole('button', { name: 'Like', exact: true })).toHaveCount(0);

    const profile = await popupOn(perch, `https://x.com/${ADA.username}`);
    await expect(profile.getByText(`@${ADA.username}`).first()).toBeVisible();
    for (const name of ['Follow', 'Unfollow', 'Mute', 'Block', 'Block on x.com'])
      await expect(profile.getByRole(name.includes('x.com') ? 'link' : 'button', { name, exact: true })).toHaveCount(0);
  });

  test('a post that failed to load offers only Open on x.com and Try again', async ({ perch, emu }) => {
    const missing = '1999999999999999999';
    const popup = await popupOn(perch, `https://x.com/${GRACE.username}/status/${missing}`);
    await expect(popup.getByRole('alert')).toContainText('X could not find this post');
    for (const name of ['Bookmark', 'Repost', 'Like', 'Reply', 'Quote', 'Reply on x.com', 'Quote on x.com'])
      await expect(popup.getByRole(name.includes('x.com') ? 'link' : 'button', { name, exact: true })).toHaveCount(0);
    await expect(popup.getByRole('link', { name: 'Open on x.com', exact: true })).toHaveAttribute(
      'href',
      `https://x.com/i/status/${missing}`,
    );
    await emu.clearLog();
    await popup.getByRole('button', { name: 'Try again', exact: true }).click();
    await expect.poll(async () => (await emu.log()).filter((e) => e.method === 'GET' && e.path === '/2/tweets').length).toBe(1);
    await expect(popup.getByRole('alert')).toContainText('X could not find this post');
  });

  // X answers ?ids= for a protected account's post with not-authorized-for-resource (response-codes-and-errors).
  test('a protected account’s post is said to be refused by X, not deleted', async ({ perch }) => {
    const popup = await popupOn(perch, `https://x.com/kjohnson/status/${SEED_POSTS.kjohnsonProtected}`);
    await expect(popup.getByRole('alert')).toContainText('X does not let you see this post: its account is protected.');
    await expect(popup.getByRole('alert')).not.toContainText('deleted');
  });

  test('an Enterprise refusal is said once, not again on the next popup', async ({ perch }) => {
    const options = await perch.open('options');
    await options.getByRole('checkbox', { name: 'My X app is on the Enterprise plan' }).check();
    await expect(options.getByText('Perch now replies, quotes and blocks through your app.')).toBeVisible();
    await options.close();
    const popup = await popupOn(perch, `https://x.com/${GRACE.username}`);
    await popup.getByRole('button', { name: 'Block', exact: true }).click();
    await popup
      .getByRole('dialog', { name: `Block @${GRACE.username}?` })
      .getByRole('button', { name: `Block @${GRACE.username}` })
      .click();
    const refusal = 'X allows blocking through an app only on the Enterprise plan';
    await expect(popup.getByText(refusal)).toBeVisible();
    await popup.close();
    const again = await popupOn(perch, `https://x.com/${GRACE.username}`);
    await expect(again.getByRole('button', { name: 'Block', exact: true })).toBeVisible();
    await expect(again.getByText(refusal)).toHaveCount(0);
  });

  test('adding to a list from the popup: the message says when it is done', async ({ perch, emu }) => {
    const popup = await addGraceToReadingList(perch, emu);
    await expect(popup.getByText(`Added @${GRACE.username} to “${READING}”.`)).toBeVisible();
    await expect(popup.getByText(`Adding @${GRACE.username} to “${READING}”.`)).toHaveCount(0);
  });

  test('adding to a list from the popup: the manager counts the new member', async ({ perch, emu }) => {
    const manager = await perch.open('manager', '#lists');
    const owned = manager.getByRole('region', { name: /^Owned/ });
    await expect(owned.getByRole('button', { name: READING, exact: true })).toBeVisible();
    // Reading list has 4 members on X; other lists may too. The counts shown, before and after adding one.
    const counted = async (n: number) => manager.getByText(`${n} members`, { exact: true }).count();
    const [fours, fives] = [await counted(4), await counted(5)];
    expect(fours).toBeGreaterThan(0);
    await addGraceToReadingList(perch, emu);
    await manager.reload();
    await expect(owned.getByRole('button', { name: READING, exact: true })).toBeVisible();
    await expect.poll(() => counted(5)).toBeGreaterThan(fives);
    expect(await counted(4)).toBeLessThan(fours);
  });
});
