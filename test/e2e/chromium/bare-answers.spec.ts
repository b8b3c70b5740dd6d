import { CROWD_USERS, SEED_POSTS } from '../../emulator/seed';
import { expect, popupOn, signIn, test } from './fixtures';

/**
 * Perch against an X that sends only what its description requires (POST /__emulator/config bare_answers,
 * test/emulator/bare.ts): every optional property with no value left out — empty `connection_status`, an empty
 * folder's `data`, a List's empty description, the optional public_metrics parts. Sign-in, the popup and the manager
 * read such answers: names, buttons and counts as with X's fuller answers, and nothing Perch could not read.
 */

const GRACE = { id: '1452871219391512578', username: 'gracehop', name: 'Grace Hopper' };
/** A stranger to Ada: X's connection_status would be empty, so a bare answer leaves it out. */
const STRANGER = CROWD_USERS[30]!;
const UNREADABLE = /could not read/;

test.describe('Perch reading X’s bare answers in Chromium', () => {
  test.beforeEach(async ({ perch, emu }) => {
    await emu.config({ bare_answers: true });
    await signIn(perch, await perch.open('options'));
  });

  test('the popup on a post names its author, offers Bookmark and Mute, and likes it on X', async ({ perch, emu }) => {
    const popup = await popupOn(perch, `https://x.com/${GRACE.username}/status/${SEED_POSTS.gracePhoto}`);
    const post = popup.getByRole('region', { name: 'This post' });
    await expect(post).toContainText(GRACE.name);
    await expect(post).toContainText(`@${GRACE.username}`);
    await expect(popup.getByRole('button', { name: 'Bookmark', exact: true })).toBeVisible();
    await popup.getByRole('button', { name: 'Like', exact: true }).click();
    await expect(popup.getByRole('button', { name: 'Unlike', exact: true })).toBeVisible();
    await expect.poll(async () => (await emu.relations()).likes.includes(SEED_POSTS.gracePhoto)).toBe(true);
    await expect(popup.getByRole('button', { name: `Mute @${GRACE.username}` })).toBeVisible();
    await expect(popup.getByText(UNREADABLE)).toHaveCount(0);
  });

  test('the popup on a stranger’s profile names them and offers Follow, Mute and Block', async ({ perch }) => {
    const popup = await popupOn(perch, `https://x.com/${STRANGER.username}`);
    await expect(popup.getByRole('region', { name: `@${STRANGER.username}` })).toContainText(STRANGER.name);
    // X left connection_status out: "Missing fields in responses mean the value is `null` or empty"
    // (x-api--fundamentals--fields), so no relation: one way each (lib/services/tab-context.ts); Block is on x.com.
    for (const name of ['Follow', 'Mute']) await expect(popup.getByRole('button', { name, exact: true })).toBeVisible();
    await expect(popup.getByRole('link', { name: 'Block on x.com', exact: true })).toBeVisible();
    for (const name of ['Unfollow', 'Unmute']) await expect(popup.getByRole('button', { name, exact: true })).toHaveCount(0);
    await expect(popup.getByRole('link', { name: 'Unblock on x.com', exact: true })).toHaveCount(0);
    await expect(popup.getByText(/X did not say whether/)).toHaveCount(0);
    await expect(popup.getByText(UNREADABLE)).toHaveCount(0);
  });

  test('the manager lists the bookmarks with their authors, and the Lists tab the lists', async ({ perch }) => {
    const page = await perch.open('manager');
    await expect(page.getByText('800 bookmarks', { exact: true })).toBeVisible({ timeout: 30_000 });
    await page.getByRole('searchbox', { name: 'Search bookmarks' }).fill(GRACE.username);
    await expect(page.getByRole('list', { name: 'Bookmarks' })).toContainText(GRACE.name);
    await page.getByRole('tab', { name: 'Lists' }).click();
    await expect(page.getByRole('tabpanel', { name: 'Lists' }).getByRole('list').first()).toBeVisible();
    await expect(page.getByText(UNREADABLE)).toHaveCount(0);
  });
});
