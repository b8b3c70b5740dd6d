import { SPLIT_600 } from '../support/posts';
import { expect, signIn, test } from './fixtures';

// Long posts for Premium: gracehop's `subscription_type` is Premium in the emulator (GET /2/users/me), so her
// limit is X's long-post limit, 25,000; adaperch (None) keeps 280.
const GRACE_ID = '1452871219391512578';

test.describe('a Premium account’s long post, in Chromium', () => {
  test('a 600-character post shows no split and goes out as one post', async ({ perch, emu, emulator }) => {
    await emu.setSessionUser(GRACE_ID);
    const options = await perch.open('options');
    const consent = perch.context.waitForEvent('page', (p) => p.url().includes('/i/oauth2/authorize'));
    await options.getByRole('button', { name: 'Sign in with X' }).click();
    await (await consent).getByRole('button', { name: 'Authorize app' }).click();
    await options.getByText('@gracehop').waitFor();

    const popup = await perch.open('popup');
    await popup.getByRole('textbox', { name: 'Post text' }).fill(SPLIT_600);
    await expect(popup.getByRole('img', { name: `${(25_000 - SPLIT_600.length).toLocaleString('en')} characters left` })).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Split into a thread' })).toHaveCount(0);
    await expect(popup.getByText(/over X’s limit/)).toHaveCount(0);
    await emu.clearLog();
    await popup.getByRole('button', { name: 'Post', exact: true }).click();
    await expect(popup.getByText('Your post is on X.')).toBeVisible();

    const creates = (await emu.log()).filter((e) => e.method === 'POST' && e.path === '/2/tweets');
    expect(creates.map((e) => e.status)).toEqual([201]);
    const onX = [...emulator.state.posts.values()].filter((p) => p.authorId === GRACE_ID && p.sourceText === SPLIT_600);
    expect(onX).toHaveLength(1);
  });

  test('the same post from an account without X Premium is over 280 and offers the split', async ({ perch }) => {
    await signIn(perch, await perch.open('options'));
    const popup = await perch.open('popup');
    await popup.getByRole('textbox', { name: 'Post text' }).fill(SPLIT_600);
    await expect(popup.getByText(`${SPLIT_600.length - 280} characters over X’s limit of 280.`)).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Post', exact: true })).toBeDisabled();
    await expect(popup.getByRole('button', { name: 'Split into a thread' })).toBeVisible();
  });
});
