import { readFileSync } from 'node:fs';
import { SEED_POSTS } from '../../emulator/seed';
import { scan } from '../support/axe-chromium';
import { ADA } from '../support/emulator-control';
import { expect, popupOn, signIn, test } from './fixtures';

/**
 * One sitting of a daily X user in Chromium, every control found by its role and the words a person sees on it:
 * sign in; on a post like, repost, bookmark and reply, each undone; on a profile follow, mute and add to a new List;
 * share an ordinary page; in the side panel find the bookmark by search, tag it and export; make, change, fill, empty,
 * pin and unpin a List; unmute; see each action in Activity and undo one; sign out. Each step is checked on X (the
 * emulator's state), and each screen scanned by axe.
 */

const GRACE = { id: '1452871219391512578', username: 'gracehop' };
const AYSE = { id: '307048744350652283', username: 'ayse_yilmaz' };
const POST = SEED_POSTS.graceMentionsAda;
const POST_URL = `https://x.com/${GRACE.username}/status/${POST}`;
const PICKED = 'Space people';
const LIST = 'Daily reads';
const LIST2 = 'Daily reads, kept';

test.use({ actionTimeout: 20_000 });

test('a daily X user’s sitting, by visible labels and roles, in Chromium', async ({ perch, emu }) => {
  test.setTimeout(240_000);
  const rel = () => emu.relations();

  // Sign in with X.
  const options = await perch.open('options');
  await signIn(perch, options);
  await expect(options.getByRole('button', { name: `${ADA.name} @${ADA.username}` })).toBeVisible();

  // On a post: Like, Repost, Bookmark, each undone; then Bookmark again to keep it.
  const post = await popupOn(perch, POST_URL);
  const pairs = [
    ['Like', 'Unlike', 'likes'],
    ['Repost', 'Undo repost', 'reposts'],
    ['Bookmark', 'Remove bookmark', 'bookmarks'],
  ] as const;
  for (const [on, off, field] of pairs) {
    await post.getByRole('button', { name: on, exact: true }).click();
    await expect.soft(post.getByRole('button', { name: off, exact: true })).toBeFocused();
    await expect.poll(async () => (await rel())[field].includes(POST)).toBe(true);
    await post.getByRole('button', { name: off, exact: true }).click();
    await expect.soft(post.getByRole('button', { name: on, exact: true })).toBeFocused();
    await expect.poll(async () => (await rel())[field].includes(POST)).toBe(false);
  }
  await post.getByRole('button', { name: 'Bookmark', exact: true }).click();
  await expect.poll(async () => (await rel()).bookmarks.includes(POST)).toBe(true);
  await scan(post, 'session: the post, bookmarked');

  // Reply: type, Post; then undo it by deleting the reply.
  await post.getByRole('button', { name: 'Reply', exact: true }).click();
  await post.getByRole('textbox', { name: 'Post text' }).fill('Reviewing it this afternoon.');
  await post.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(post.getByRole('status').filter({ hasText: 'Your post is on X.' })).toBeVisible();
  await expect.soft(post.getByRole('link', { name: 'View on X' })).toBeFocused();
  const replies = async () => (await emu.log()).filter((e) => e.method === 'POST' && e.path === '/2/tweets' && e.status === 201);
  expect(await replies()).toHaveLength(1);
  await post.getByRole('button', { name: 'Delete', exact: true }).click();
  await post.getByRole('button', { name: 'Delete post', exact: true }).click();
  await expect.soft(post.getByText('Your post is deleted from X.')).toBeFocused();
  expect((await emu.log()).filter((e) => e.method === 'DELETE' && e.path.startsWith('/2/tweets/')).map((e) => e.status)).toEqual([200]);
  await post.close();

  // On a profile: Follow, Mute, Add to a List made from the picker.
  const profile = await popupOn(perch, `https://x.com/${AYSE.username}`);
  await profile.getByRole('button', { name: 'Follow', exact: true }).click();
  await expect.soft(profile.getByRole('button', { name: 'Unfollow', exact: true })).toBeFocused();
  await expect.poll(async () => (await rel()).following.includes(AYSE.id)).toBe(true);
  await profile.getByRole('button', { name: 'Mute', exact: true }).click();
  await expect.soft(profile.getByRole('button', { name: 'Unmute', exact: true })).toBeFocused();
  await expect.poll(async () => (await rel()).muting.includes(AYSE.id)).toBe(true);
  await profile.getByRole('button', { name: 'Add to list…', exact: true }).click();
  const picker = profile.getByRole('region', { name: `Lists for @${AYSE.username}` });
  await picker.getByRole('button', { name: 'New list', exact: true }).click();
  await picker.getByRole('form', { name: 'New list' }).getByRole('textbox', { name: 'Name' }).fill(PICKED);
  await picker.getByRole('button', { name: 'Create list', exact: true }).click();
  await picker.getByRole('button', { name: `Add to “${PICKED}”`, exact: true }).click();
  await expect.soft(picker.getByRole('button', { name: `Remove from “${PICKED}”`, exact: true })).toBeFocused();
  await expect.poll(async () => (await rel()).owned_lists.find((l) => l.name === PICKED)?.member_ids).toEqual([AYSE.id]);
  await scan(profile, 'session: the profile, followed, muted, listed');
  await profile.close();

  // On an ordinary page: share it in a post.
  const page = await popupOn(perch, 'https://example.com/reading', { title: 'Reading' });
  const text = page.getByRole('textbox', { name: 'Post text' });
  await expect(text).toHaveValue('Reading https://example.com/reading');
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your post is on X.' })).toBeVisible();
  expect(await replies()).toHaveLength(2);
  await page.close();

  // The side panel: the bookmark, found by search (no Sync pressed), tagged, then exported.
  const panel = await perch.open('sidepanel');
  await expect(panel.getByRole('tab', { name: 'Bookmarks', selected: true })).toBeVisible();
  await expect(panel.getByText(/^Last synced /)).toBeVisible({ timeout: 45_000 });
  await panel.getByRole('searchbox', { name: 'Search bookmarks' }).fill('compiler is ready');
  const found = panel.getByRole('list', { name: 'Bookmarks' }).getByRole('listitem');
  await expect(found).toHaveCount(1);
  await expect(found).toContainText('@gracehop');
  await found.getByRole('combobox', { name: 'Add tag' }).fill('review');
  await found.getByRole('combobox', { name: 'Add tag' }).press('Enter');
  await expect(found.getByRole('button', { name: 'Remove tag review' })).toBeVisible();
  const download = panel.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export', exact: true }).click();
  await panel.getByRole('menuitem', { name: 'Export JSON' }).click();
  const exported = readFileSync(await (await download).path(), 'utf8');
  expect(exported).toContain(POST);
  expect(exported).toContain('review');
  await scan(panel, 'session: side panel bookmarks, found and tagged');

  // Lists: create, edit, add and remove a member, pin, unpin.
  await panel.getByRole('tab', { name: 'Lists' }).click();
  await panel.getByRole('button', { name: 'New list', exact: true }).click();
  const form = panel.getByRole('form', { name: 'New list' });
  await form.getByRole('textbox', { name: 'Name' }).fill(LIST);
  await form.getByRole('button', { name: 'Create list on X' }).click();
  await expect.poll(async () => (await rel()).owned_lists.some((l) => l.name === LIST)).toBe(true);
  const listId = (await rel()).owned_lists.find((l) => l.name === LIST)!.id;
  await panel.getByRole('button', { name: LIST, exact: true }).click();
  await panel.getByRole('button', { name: `Edit ${LIST}` }).click();
  const edit = panel.getByRole('form', { name: `Edit ${LIST}` });
  await edit.getByRole('textbox', { name: 'Name' }).fill(LIST2);
  await edit.getByRole('button', { name: `Save changes to ${LIST}` }).click();
  await expect(panel.getByRole('heading', { name: LIST2, level: 2 })).toBeVisible();
  await expect.poll(async () => (await rel()).owned_lists.find((l) => l.id === listId)?.name).toBe(LIST2);
  await panel.getByRole('textbox', { name: `Add an account to ${LIST2} by @username` }).fill('@gracehop');
  await panel.getByRole('button', { name: 'Look up' }).click();
  await panel.getByRole('button', { name: `Add @gracehop to ${LIST2}` }).click();
  await expect.poll(async () => (await rel()).owned_lists.find((l) => l.id === listId)?.member_ids).toEqual([GRACE.id]);
  await panel.getByRole('button', { name: `Remove @gracehop from ${LIST2}` }).click();
  await expect.poll(async () => (await rel()).owned_lists.find((l) => l.id === listId)?.member_ids).toEqual([]);
  await panel.getByRole('button', { name: `Pin ${LIST2}` }).click();
  await expect.soft(panel.getByRole('button', { name: `Unpin ${LIST2}` })).toBeFocused();
  await expect.poll(async () => (await rel()).pinned_lists.includes(listId)).toBe(true);
  await panel.getByRole('button', { name: `Unpin ${LIST2}` }).click();
  await expect.soft(panel.getByRole('button', { name: `Pin ${LIST2}` })).toBeFocused();
  await expect.poll(async () => (await rel()).pinned_lists.includes(listId)).toBe(false);
  await scan(panel, 'session: side panel list');

  // Muted: the account muted in the popup is there (no Sync pressed); unmute it.
  await panel.getByRole('tab', { name: 'Muted' }).click();
  const muted = panel.getByRole('list', { name: 'Muted accounts, most recent first' });
  const unmute = muted.getByRole('button', { name: `Unmute @${AYSE.username}` });
  await expect.soft(unmute, 'the popup’s mute is in the Muted tab without a Sync').toBeVisible();
  if (!(await unmute.isVisible())) await panel.getByRole('button', { name: 'Sync now' }).click();
  await unmute.click();
  await expect.poll(async () => (await rel()).muting.includes(AYSE.id)).toBe(false);
  await expect(muted.getByRole('button', { name: `Unmute @${AYSE.username}` })).toHaveCount(0);

  // Activity: each action above, in the words a person used; undo the follow.
  await panel.getByRole('tab', { name: 'Activity' }).click();
  const log = panel.getByRole('list', { name: 'What Perch did on X' });
  for (const what of [
    'Like a post by @gracehop',
    'Unlike a post by @gracehop',
    'Repost a post by @gracehop',
    'Undo repost of a post by @gracehop',
    'Bookmark a post by @gracehop',
    'Remove bookmark of a post by @gracehop',
    'Delete your post',
    `Follow @${AYSE.username}`,
    `Mute @${AYSE.username}`,
    `Unmute @${AYSE.username}`,
    `Add @${AYSE.username} to “${PICKED}”`,
    `Create the list “${LIST}”`,
    `Add @gracehop to “${LIST2}”`,
    `Remove @gracehop from “${LIST2}”`,
    `Pin “${LIST2}”`,
    `Unpin “${LIST2}”`,
  ])
    await expect
      .soft(
        log
          .getByRole('listitem')
          .filter({ hasText: new RegExp(`(^|\\s)${what.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
          .first(),
        what,
      )
      .toBeVisible();
  await scan(panel, 'session: side panel activity');
  await log.getByRole('button', { name: `Undo: Follow @${AYSE.username}`, exact: true }).click();
  await expect.poll(async () => (await rel()).following.includes(AYSE.id)).toBe(false);

  // Sign out.
  await panel.getByRole('button', { name: `${ADA.name} @${ADA.username}` }).click();
  await panel.getByRole('menuitem', { name: 'Sign out' }).click();
  await panel
    .getByRole('dialog', { name: `Sign out of @${ADA.username}?` })
    .getByRole('button', { name: 'Sign out' })
    .click();
  await expect(panel.getByRole('button', { name: 'Sign in with X' })).toBeVisible();
});
