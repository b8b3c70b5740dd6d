import type { ElementHandle, Locator } from '@playwright/test';
import { SEED_POSTS } from '../../emulator/seed';
import { ADA } from '../support/emulator-control';
import { SPLIT_600 } from '../support/posts';
import { expect, popupOn, signIn, test, type Perch } from './fixtures';

/**
 * The composer's lines (what went wrong, what was done, the draft not kept) and the word that your post is deleted
 * are read out: each live region is on the page, empty, before the action, and the words come into that same region
 * (a region created together with its words is often not read at all).
 */

/** The live regions of this role in `within` as they are now: kept to look at again after the action. */
const regionsNow = (within: Locator, role: 'alert' | 'status') => within.getByRole(role).elementHandles();

/** The words each region found before holds now: null for one no longer on the page (another took its place). */
const wordsIn = (regions: ElementHandle[]) =>
  Promise.all(regions.map((r) => r.evaluate((e) => (e.isConnected ? (e.textContent ?? '') : null))));

/** Ticks "My X app is on the Enterprise plan" in Perch's settings: the popup offers Reply on any post. */
async function sayEnterprisePlan(perch: Perch): Promise<void> {
  const options = await perch.open('options');
  await options.getByRole('checkbox', { name: 'My X app is on the Enterprise plan' }).check();
  await expect(options.getByText('Perch now replies, quotes and blocks through your app.')).toBeVisible();
  await options.close();
}

test.describe('the composer’s and the deleted post’s lines are read out (Chromium)', () => {
  test.beforeEach(async ({ perch }) => {
    await signIn(perch, await perch.open('options'));
  });

  test('what went wrong and what was done come in the composer’s regions that were there, empty, before', async ({ perch, emu }) => {
    const popup = await perch.open('popup');
    const composer = popup.getByRole('region', { name: 'New post' });
    await expect(composer.getByRole('textbox', { name: 'Post text' })).toBeVisible();
    // The outcome unknown, X's refusal of a reply, what went wrong and the draft not kept: four alerts, there and silent.
    const alerts = await regionsNow(composer, 'alert');
    expect(await wordsIn(alerts)).toEqual(['', '', '', '']);
    const statuses = await regionsNow(composer, 'status');
    expect(await wordsIn(statuses)).not.toContain('Split into 3 posts, numbered 1/3 to 3/3.');

    await composer.getByRole('textbox', { name: 'Post text' }).fill(SPLIT_600);
    await composer.getByRole('button', { name: 'Split into a thread' }).click();
    await expect(composer.getByRole('status').filter({ hasText: 'Split into 3 posts' })).toBeVisible();
    expect(await wordsIn(statuses)).toContain('Split into 3 posts, numbered 1/3 to 3/3.');

    await emu.fault({ method: 'POST', path: '/2/tweets', count: 1, kind: 'status', status: 403 });
    await composer.getByRole('button', { name: 'Post all' }).click();
    const refused = 'X does not allow this. X said: “\u2068Forbidden\u2069”';
    await expect(composer.getByRole('alert').filter({ hasText: 'X does not allow this.' })).toBeVisible();
    expect(await wordsIn(alerts)).toEqual(['', '', refused, '']);
  });

  test('what X took, Deleting… and a deletion X refused come in regions that were there, empty, before', async ({ perch, emu }) => {
    const popup = await perch.open('popup');
    const composer = popup.getByRole('region', { name: 'New post' });
    await composer.getByRole('textbox', { name: 'Post text' }).fill('Live lines, part one');
    await composer.getByRole('button', { name: 'Add post to thread' }).click();
    await composer.getByRole('textbox', { name: 'Post 2 of 2' }).fill('Live lines, part two');
    const before = await regionsNow(composer, 'status');
    const took = (words: (string | null)[]) => words.filter((w) => w?.startsWith('Your thread of 2 posts is on X.'));
    expect(took(await wordsIn(before))).toEqual([]);

    await composer.getByRole('button', { name: 'Post all' }).click();
    await expect(composer.getByRole('status').filter({ hasText: 'Your thread of 2 posts is on X.' }).first()).toBeVisible();
    expect(took(await wordsIn(before))).toHaveLength(1);

    // On the published screen, each post's word and the refusal: there, and silent, before Delete.
    const statuses = await regionsNow(composer, 'status');
    const alerts = await regionsNow(composer, 'alert');
    expect(await wordsIn(alerts)).toEqual(['', '']);
    await emu.fault({ method: 'DELETE', path: '/2/tweets/*', count: 1, kind: 'hold' });
    await emu.fault({ method: 'DELETE', path: '/2/tweets/*', count: 1, kind: 'status', status: 403 });

    await composer.getByRole('button', { name: 'Delete post 1' }).click();
    await composer.getByRole('button', { name: 'Delete post', exact: true }).click();
    await expect.poll(() => emu.held()).toBe(1);
    await expect(composer.getByRole('status').filter({ hasText: /^Deleting…$/ })).toBeVisible();
    expect(await wordsIn(statuses)).toContain('Deleting…');

    await emu.release();
    await expect(composer.getByText('Post 1 deleted.')).toBeVisible();

    await composer.getByRole('button', { name: 'Delete post 2' }).click();
    await composer.getByRole('button', { name: 'Delete post', exact: true }).click();
    await expect(composer.getByRole('alert').filter({ hasText: /\S/ })).toBeVisible();
    const [refusal, editRefusal] = await wordsIn(alerts);
    expect(refusal).toMatch(/\S/);
    expect(editRefusal).toBe('');
  });

  test('that X may have published it comes in the alert that was there, empty, before Post', async ({ perch, emu }) => {
    const popup = await perch.open('popup');
    const composer = popup.getByRole('region', { name: 'New post' });
    await composer.getByRole('textbox', { name: 'Post text' }).fill('Did this one make it?');
    const alerts = await regionsNow(composer, 'alert');
    expect((await wordsIn(alerts)).every((w) => w === '')).toBe(true);

    await emu.fault({ method: 'POST', path: '/2/tweets', count: 1, kind: 'cut' });
    await composer.getByRole('button', { name: 'Post', exact: true }).click();
    await expect(composer.getByRole('alert').filter({ hasText: 'can’t tell whether your post went out' })).toBeVisible();
    expect((await wordsIn(alerts)).filter((w) => w?.includes('can’t tell whether your post went out'))).toHaveLength(1);
  });

  test('X’s refusal of post 2 as a reply comes in the alert that was there, empty, before Post all', async ({ perch, emu }) => {
    await emu.config({ self_replies_allowed: false });
    const popup = await perch.open('popup');
    const composer = popup.getByRole('region', { name: 'New post' });
    await composer.getByRole('textbox', { name: 'Post text' }).fill('Refused live, part one');
    await composer.getByRole('button', { name: 'Add post to thread' }).click();
    await composer.getByRole('textbox', { name: 'Post 2 of 2' }).fill('Refused live, part two');
    const alerts = await regionsNow(composer, 'alert');
    expect((await wordsIn(alerts)).every((w) => w === '')).toBe(true);

    await composer.getByRole('button', { name: 'Post all' }).click();
    const said = 'X refused post 2 of your thread as a reply to post 1.';
    await expect(composer.getByRole('alert').filter({ hasText: said })).toBeVisible();
    expect((await wordsIn(alerts)).filter((w) => w?.startsWith(said))).toHaveLength(1);
    await expect(composer.getByRole('button', { name: 'Post the rest as separate posts' })).toBeVisible();
  });

  test('the word that your post is deleted comes in the status that was there, empty, before Delete', async ({ perch }) => {
    const popup = await popupOn(perch, `https://x.com/${ADA.username}/status/${SEED_POSTS.adaHello}`);
    const panel = popup.getByRole('region', { name: 'This post' });
    await expect(panel).toContainText('Hello from Perch!');
    const statuses = await regionsNow(panel, 'status');
    expect(await wordsIn(statuses)).not.toContain('Deleted.');

    await panel.getByRole('button', { name: 'Delete post', exact: true }).click();
    await popup.getByRole('dialog', { name: 'Delete your post?' }).getByRole('button', { name: 'Delete post', exact: true }).click();
    await expect(panel.getByRole('status').filter({ hasText: 'Deleted.' })).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Like', exact: true })).toHaveCount(0);
    expect(await wordsIn(statuses)).toContain('Deleted.');
  });

  test('X’s refusal of a reply, back on the post, comes in the status that was there, empty, in the composer', async ({ perch, emu }) => {
    // The person says their app is on the Enterprise plan, but X (self-serve here) refuses a reply Grace did not ask for.
    await sayEnterprisePlan(perch);
    const popup = await popupOn(perch, `https://x.com/gracehop/status/${SEED_POSTS.gracePhoto}`);
    await popup.getByRole('button', { name: 'Reply', exact: true }).click();
    await popup.getByRole('textbox', { name: 'Post text' }).fill('Agreed!');
    const main = popup.getByRole('main');
    const statuses = await regionsNow(main, 'status');
    const before = await wordsIn(statuses);

    await emu.clearLog();
    await popup.getByRole('button', { name: 'Post', exact: true }).click();
    const said = 'X refused this reply from your app';
    const note = main.getByRole('status').filter({ hasText: said });
    await expect(note).toBeVisible();
    await expect(note).toHaveClass(/\bnotice\b/);
    expect((await emu.log()).filter((e) => e.method === 'POST' && e.path === '/2/tweets').map((e) => e.status)).toEqual([403]);
    // The words are in a status found while the composer showed, empty then.
    const after = await wordsIn(statuses);
    const held = after.flatMap((w, i) => (w?.startsWith(said) ? [i] : []));
    expect(held).toHaveLength(1);
    expect(before[held[0]!]).toBe('');
    await expect(popup.getByRole('link', { name: 'Reply on x.com' })).toBeVisible();
  });
});
