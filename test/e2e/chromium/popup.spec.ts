import { SEED_POSTS } from '../../emulator/seed';
import { ADA, type Relations } from '../support/emulator-control';
import { expect, popupOn, signIn, test, type Perch } from './fixtures';

const GRACE = { id: '1452871219391512578', username: 'gracehop' };
const KJOHNSON = { id: '1268291573458292736', username: 'kjohnson' };
const POST = SEED_POSTS.gracePhoto;

/** Ticks "My X app is on the Enterprise plan" in Perch's settings. */
async function sayEnterprisePlan(perch: Perch): Promise<void> {
  const options = await perch.open('options');
  await options.getByRole('checkbox', { name: 'My X app is on the Enterprise plan' }).check();
  await expect(options.getByText('Perch now replies, quotes and blocks through your app.')).toBeVisible();
  await options.close();
}

test.describe('the popup in Chromium', () => {
  test.beforeEach(async ({ perch }) => {
    await signIn(perch, await perch.open('options'));
  });

  test('on a post: bookmark, repost and like, each undone, checked on X', async ({ perch, emu }) => {
    const popup = await popupOn(perch, `https://x.com/${GRACE.username}/status/${POST}`);
    await expect(popup.getByRole('region', { name: 'This post' })).toContainText(`@${GRACE.username}`);
    const pairs: [string, string, keyof Relations][] = [
      ['Bookmark', 'Remove bookmark', 'bookmarks'],
      ['Repost', 'Undo repost', 'reposts'],
      ['Like', 'Unlike', 'likes'],
    ];
    for (const [on, off, field] of pairs) {
      await popup.getByRole('button', { name: on, exact: true }).click();
      await expect(popup.getByRole('button', { name: off, exact: true })).toBeVisible();
      await expect.poll(async () => ((await emu.relations())[field] as string[]).includes(POST)).toBe(true);
      await popup.getByRole('button', { name: off, exact: true }).click();
      await expect(popup.getByRole('button', { name: on, exact: true })).toBeVisible();
      await expect.poll(async () => ((await emu.relations())[field] as string[]).includes(POST)).toBe(false);
    }
  });

  test('on a post: mutes the author; blocking is on x.com, and says honestly when X refuses it', async ({ perch, emu }) => {
    let popup = await popupOn(perch, `https://x.com/${GRACE.username}/status/${POST}`);
    await popup.getByRole('button', { name: `Mute @${GRACE.username}` }).click();
    await expect.poll(async () => (await emu.relations()).muting.includes(GRACE.id)).toBe(true);
    await expect(popup.getByRole('button', { name: `Unmute @${GRACE.username}` })).toBeVisible();
    // A self-serve app may not block (Enterprise only): the popup offers x.com and asks nothing of X.
    await expect(popup.getByRole('link', { name: `Block @${GRACE.username} on x.com` })).toHaveAttribute(
      'href',
      `https://x.com/${GRACE.username}`,
    );
    await expect(popup.getByRole('button', { name: `Block @${GRACE.username}` })).toHaveCount(0);

    // The person says their app is on the Enterprise plan, but X (self-serve here) refuses: Perch says so.
    await sayEnterprisePlan(perch);
    popup = await popupOn(perch, `https://x.com/${GRACE.username}/status/${POST}`);
    await emu.clearLog();
    // Block asks first, saying what it does; Escape cancels, sends nothing, and gives focus back to the button.
    const block = popup.getByRole('button', { name: `Block @${GRACE.username}` });
    await block.click();
    const ask = popup.getByRole('dialog', { name: `Block @${GRACE.username}?` });
    await expect(ask).toContainText('They will no longer be able to follow you, see your posts');
    await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await popup.keyboard.press('Escape');
    await expect(ask).toHaveCount(0);
    await expect(block).toBeFocused();
    expect((await emu.log()).filter((e) => e.method === 'POST' && e.path.includes('/blocking'))).toEqual([]);
    await block.click();
    await ask.getByRole('button', { name: `Block @${GRACE.username}` }).click();
    await expect(popup.getByText('X allows blocking through an app only on the Enterprise plan')).toBeVisible();
    await expect(popup.getByRole('link', { name: `Open @${GRACE.username} on x.com` })).toHaveAttribute(
      'href',
      `https://x.com/${GRACE.username}`,
    );
    // One message per refusal: the note above, no red line under a Block button that would fail again; the
    // button becomes the way to block on x.com.
    await expect(popup.getByRole('button', { name: `Block @${GRACE.username}` })).toHaveCount(0);
    await expect(popup.getByRole('link', { name: `Block @${GRACE.username} on x.com` })).toHaveAttribute(
      'href',
      `https://x.com/${GRACE.username}`,
    );
    await expect(popup.getByRole('alert').filter({ hasText: /Enterprise|not done/ })).toHaveCount(0);
  });

  test('on a post: once X refused Quote as Enterprise-only, Quote is on x.com for the account, said once', async ({ perch, emu }) => {
    // The person says their app is on the Enterprise plan, but X (self-serve here) refuses the quote.
    await sayEnterprisePlan(perch);
    const url = `https://x.com/${GRACE.username}/status/${POST}`;
    const popup = await popupOn(perch, url);
    await popup.getByRole('button', { name: 'Quote', exact: true }).click();
    await popup.getByRole('textbox', { name: 'Post text' }).fill('So well put');
    await emu.clearLog();
    await popup.getByRole('button', { name: 'Post', exact: true }).click();
    // One message: back on the post, the note says why, and the button is now the way to quote on x.com,
    // carrying what was written. No red line besides it, no Quote button that X would refuse again.
    await expect(popup.getByText('X allows quoting through an app only on the Enterprise plan')).toBeVisible();
    expect((await emu.log()).filter((e) => e.method === 'POST' && e.path === '/2/tweets').map((e) => e.status)).toEqual([403]);
    await expect(popup.getByRole('link', { name: 'Quote on x.com' })).toHaveAttribute(
      'href',
      `https://x.com/intent/tweet?text=So%20well%20put&url=${encodeURIComponent(url)}`,
    );
    await expect(popup.getByRole('button', { name: 'Quote', exact: true })).toHaveCount(0);
    await expect(popup.getByRole('alert').filter({ hasText: /\S/ })).toHaveCount(0);

    // Another post, another popup: Quote stays on x.com for this account, and the refusal is not said again.
    const again = await popupOn(perch, `https://x.com/${GRACE.username}/status/${SEED_POSTS.graceMentionsAda}`);
    await expect(again.getByRole('link', { name: 'Quote on x.com' })).toBeVisible();
    await expect(again.getByRole('button', { name: 'Quote', exact: true })).toHaveCount(0);
    await expect(again.getByText('X allows quoting through an app only on the Enterprise plan')).toHaveCount(0);
    // Saying the plan again in Settings gives Quote back (the plan may have changed).
    const options = await perch.open('options');
    await options.getByRole('checkbox', { name: 'My X app is on the Enterprise plan' }).uncheck();
    await options.getByRole('checkbox', { name: 'My X app is on the Enterprise plan' }).check();
    await expect(options.getByText('Perch now replies, quotes and blocks through your app.')).toBeVisible();
    const back = await popupOn(perch, url);
    await expect(back.getByRole('button', { name: 'Quote', exact: true })).toBeVisible();
  });

  test('on a post: once X refused a reply where I was not summoned, Reply is on x.com for that post, said once', async ({ perch, emu }) => {
    // The person says their app is on the Enterprise plan, but X (self-serve here) refuses a reply Grace did not ask for.
    await sayEnterprisePlan(perch);
    const popup = await popupOn(perch, `https://x.com/${GRACE.username}/status/${POST}`);
    await popup.getByRole('button', { name: 'Reply', exact: true }).click();
    await popup.getByRole('textbox', { name: 'Post text' }).fill('Agreed!');
    await emu.clearLog();
    await popup.getByRole('button', { name: 'Post', exact: true }).click();
    await expect(popup.getByText('X refused this reply from your app')).toBeVisible();
    expect((await emu.log()).filter((e) => e.method === 'POST' && e.path === '/2/tweets').map((e) => e.status)).toEqual([403]);
    await expect(popup.getByRole('link', { name: 'Reply on x.com' })).toHaveAttribute(
      'href',
      `https://x.com/intent/tweet?in_reply_to=${POST}&text=Agreed!`,
    );
    await expect(popup.getByRole('button', { name: 'Reply', exact: true })).toHaveCount(0);
    await expect(popup.getByRole('alert').filter({ hasText: /\S/ })).toHaveCount(0);
    // Quote is a separate rule: still through Perch on this plan setting.
    await expect(popup.getByRole('button', { name: 'Quote', exact: true })).toBeVisible();
  });

  test('on a post: a reply X refuses as duplicate content keeps Reply through Perch', async ({ perch, emu }) => {
    // X's duplicate-content 403 is about the words, not about whether this account may reply to the post.
    const mention = `https://x.com/${GRACE.username}/status/${SEED_POSTS.graceMentionsAda}`;
    let popup = await popupOn(perch, mention);
    await popup.getByRole('button', { name: 'Reply', exact: true }).click();
    await popup.getByRole('textbox', { name: 'Post text' }).fill('Thanks for the mention!');
    await popup.getByRole('button', { name: 'Post', exact: true }).click();
    await expect(popup.getByText('Your post is on X.')).toBeVisible();
    await popup.close();

    popup = await popupOn(perch, mention);
    await popup.getByRole('button', { name: 'Reply', exact: true }).click();
    await popup.getByRole('textbox', { name: 'Post text' }).fill('Thanks for the mention!');
    await emu.clearLog();
    await popup.getByRole('button', { name: 'Post', exact: true }).click();
    await expect
      .poll(async () => (await emu.log()).filter((e) => e.method === 'POST' && e.path === '/2/tweets').map((e) => e.status))
      .toEqual([403]);
    await expect(popup.getByRole('textbox', { name: 'Post text' })).toHaveValue('Thanks for the mention!');
    await popup.close();

    popup = await popupOn(perch, mention);
    await expect(popup.getByRole('button', { name: 'Reply', exact: true })).toBeVisible();
    await expect(popup.getByRole('link', { name: 'Reply on x.com' })).toHaveCount(0);
  });

  test('on a post: replies through the composer in reply mode', async ({ perch, emu }) => {
    const own = SEED_POSTS.adaReplyToGrace;
    const popup = await popupOn(perch, `https://x.com/${ADA.username}/status/${own}`);
    await popup.getByRole('button', { name: 'Reply', exact: true }).click();
    await expect(popup.getByText(`Replying to @${ADA.username}`)).toBeVisible();
    await popup.getByRole('textbox', { name: 'Post text' }).fill('Adding to my own thread');
    await emu.clearLog();
    await popup.getByRole('button', { name: 'Post', exact: true }).click();
    await expect(popup.getByText('Your post is on X.')).toBeVisible();
    expect((await emu.log()).filter((e) => e.method === 'POST' && e.path === '/2/tweets').map((e) => e.status)).toEqual([201]);
  });

  test('on a post that does not mention me: Reply, Quote and Block on x.com on a self-serve app', async ({ perch, emu }) => {
    const popup = await popupOn(perch, `https://x.com/${GRACE.username}/status/${POST}`);
    await expect(popup.getByRole('region', { name: 'This post' })).toContainText(`@${GRACE.username}`);
    await expect(popup.getByRole('link', { name: 'Reply on x.com' })).toHaveAttribute(
      'href',
      `https://x.com/intent/tweet?in_reply_to=${POST}`,
    );
    await expect(popup.getByRole('link', { name: 'Quote on x.com' })).toHaveAttribute(
      'href',
      `https://x.com/intent/tweet?url=${encodeURIComponent(`https://x.com/${GRACE.username}/status/${POST}`)}`,
    );
    await expect(popup.getByRole('link', { name: `Block @${GRACE.username} on x.com` })).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Reply', exact: true })).toHaveCount(0);
    await expect(popup.getByRole('button', { name: 'Quote', exact: true })).toHaveCount(0);

    // A post carrying the post's link instead of a quote: one post, no quote_tweet_id.
    await popup.getByRole('button', { name: 'Post a link to it' }).click();
    await expect(popup.getByRole('textbox', { name: 'Post text' })).toHaveValue(`https://x.com/${GRACE.username}/status/${POST}`);
    await emu.clearLog();
    await popup.getByRole('button', { name: 'Post', exact: true }).click();
    await expect(popup.getByText('Your post is on X.')).toBeVisible();
    expect((await emu.log()).filter((e) => e.method === 'POST' && e.path === '/2/tweets').map((e) => e.status)).toEqual([201]);
  });

  test('on a post that mentions me: Reply through Perch on a self-serve app', async ({ perch }) => {
    const popup = await popupOn(perch, `https://x.com/${GRACE.username}/status/${SEED_POSTS.graceMentionsAda}`);
    await expect(popup.getByRole('button', { name: 'Reply', exact: true })).toBeVisible();
    await expect(popup.getByRole('link', { name: 'Reply on x.com' })).toHaveCount(0);
    await expect(popup.getByRole('link', { name: 'Quote on x.com' })).toBeVisible();
  });

  test('with “My X app is on the Enterprise plan”: Reply, Quote and Block through Perch on any post', async ({ perch, emu }) => {
    await emu.config({ enterprise: true });
    try {
      await sayEnterprisePlan(perch);
      const popup = await popupOn(perch, `https://x.com/${GRACE.username}/status/${POST}`);
      await expect(popup.getByRole('button', { name: `Block @${GRACE.username}` })).toBeVisible();
      await expect(popup.getByRole('link', { name: 'Reply on x.com' })).toHaveCount(0);
      await popup.getByRole('button', { name: 'Reply', exact: true }).click();
      await popup.getByRole('textbox', { name: 'Post text' }).fill('Replying where Grace did not mention me');
      await emu.clearLog();
      await popup.getByRole('button', { name: 'Post', exact: true }).click();
      await expect(popup.getByText('Your post is on X.')).toBeVisible();
      expect((await emu.log()).filter((e) => e.method === 'POST' && e.path === '/2/tweets').map((e) => e.status)).toEqual([201]);
      await popup.getByRole('button', { name: 'Back to the post' }).click();
      await expect(popup.getByRole('button', { name: 'Quote', exact: true })).toBeVisible();
    } finally {
      await emu.config({ enterprise: false });
    }
  });

  test('on a protected profile: Follow sends a request, shown as Requested, with cancelling on x.com', async ({ perch, emu }) => {
    const popup = await popupOn(perch, `https://x.com/${KJOHNSON.username}`);
    await popup.getByRole('button', { name: 'Follow', exact: true }).click();
    await expect(popup.getByRole('button', { name: 'Requested', exact: true })).toBeVisible();
    await expect.poll(async () => (await emu.relations()).pending_follows.includes(KJOHNSON.id)).toBe(true);
    expect((await emu.relations()).following).not.toContain(KJOHNSON.id);
    await expect(popup.getByRole('button', { name: 'Unfollow', exact: true })).toHaveCount(0);
    await expect(popup.getByRole('link', { name: 'Cancel the request on x.com' })).toHaveAttribute(
      'href',
      `https://x.com/${KJOHNSON.username}`,
    );
    // Opened again, from what Perch stored: still Requested.
    const again = await popupOn(perch, `https://x.com/${KJOHNSON.username}`);
    await expect(again.getByRole('button', { name: 'Requested', exact: true })).toBeVisible();
  });

  test('on a profile: follow state from X, unfollow and follow back, and add to one of my lists', async ({ perch, emu }) => {
    const popup = await popupOn(perch, `https://x.com/${GRACE.username}`);
    await expect(popup.getByRole('region', { name: `@${GRACE.username}` })).toBeVisible();
    // Ada follows Grace on X: the popup knows it without being told.
    await popup.getByRole('button', { name: 'Unfollow', exact: true }).click();
    await expect.poll(async () => (await emu.relations()).following.includes(GRACE.id)).toBe(false);
    await popup.getByRole('button', { name: 'Follow', exact: true }).click();
    await expect.poll(async () => (await emu.relations()).following.includes(GRACE.id)).toBe(true);

    await popup.getByRole('button', { name: 'Add to list…' }).click();
    const add = popup.getByRole('button', { name: /^Add to “/ }).first();
    const label = (await add.textContent())!;
    const listName = /“(.+)”/.exec(label)![1]!;
    // The row is its one button: the List's name is read once, in it.
    const row = popup
      .getByRole('region', { name: `Lists for @${GRACE.username}` })
      .getByRole('listitem')
      .filter({ has: popup.getByRole('button', { name: `Add to “${listName}”`, exact: true }) });
    await expect(row.getByRole('button')).toHaveCount(1);
    expect((await row.textContent())!.split(listName).length - 1).toBe(1);
    await add.click();
    await expect(popup.getByRole('button', { name: `Remove from “${listName}”` })).toBeVisible();
    await expect
      .poll(async () => {
        const state = (await (await fetch(`${emu.url}/__emulator/state`)).json()) as {
          lists?: { name: string; member_ids?: string[]; members?: string[] }[];
        };
        const list = state.lists?.find((l) => l.name === listName);
        return (list?.member_ids ?? list?.members ?? []).includes(GRACE.id);
      })
      .toBe(true);
  });

  test('anywhere else: shares the page, its URL counting 23', async ({ perch }) => {
    const url = 'https://example.com/articles/a-very-long-path-that-would-count-far-more-than-twenty-three-characters';
    const popup = await popupOn(perch, url, { title: 'An article' });
    await expect(popup.getByRole('region', { name: 'Share this page' })).toBeVisible();
    await expect(popup.getByRole('textbox', { name: 'Post text' })).toHaveValue(`An article ${url}`);
    // "An article " is 11, the URL 23: 246 left.
    await expect(popup.getByRole('img', { name: '246 characters left' })).toBeVisible();
  });
});
