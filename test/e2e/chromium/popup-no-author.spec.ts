import { SEED_POSTS } from '../../emulator/seed';
import { expect, popupOn, signIn, test } from './fixtures';

/**
 * A post whose author X's answer left out (POST /__emulator/config posts_without_author: getPostsByIds without
 * includes.users): the popup looks the author up once by id (getUsersById) and offers Mute and Block; when X does not
 * give them either, it says so in a line and offers neither.
 */

const GRACE = { id: '1452871219391512578', username: 'gracehop' };
const POST_URL = `https://x.com/${GRACE.username}/status/${SEED_POSTS.gracePhoto}`;
const MISSING = 'X did not say who wrote this post, so Mute, Block and adding them to a list are not offered here.';

test.describe('the popup on a post X answered without its author, in Chromium', () => {
  test.beforeEach(async ({ perch, emu }) => {
    await signIn(perch, await perch.open('options'));
    await emu.config({ posts_without_author: true });
  });

  test('looks the author up by id once and offers Mute and Block', async ({ perch, emu }) => {
    const popup = await popupOn(perch, POST_URL);
    await expect(popup.getByRole('button', { name: new RegExp(`^Mute @${GRACE.username}`) })).toBeVisible();
    await expect(popup.getByText(MISSING)).toHaveCount(0);
    const byId = (await emu.log()).filter((e) => e.method === 'GET' && e.path === `/2/users/${GRACE.id}`);
    expect(byId).toHaveLength(1);
  });

  test('says X did not say who wrote it when the lookup fails too, and offers no Mute or Block', async ({ perch, emu }) => {
    await emu.fault({ method: 'GET', path: `/2/users/${GRACE.id}`, count: 1, kind: 'status', status: 404 });
    const popup = await popupOn(perch, POST_URL);
    await expect(popup.getByText(MISSING)).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Bookmark', exact: true })).toBeVisible();
    await expect(popup.getByRole('button', { name: new RegExp(`^(Mute|Block) @${GRACE.username}`) })).toHaveCount(0);
  });
});
