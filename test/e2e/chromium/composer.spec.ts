import { SEED_POSTS } from '../../emulator/seed';
import { ADA } from '../support/emulator-control';
import { focusDrops, watchFocusDrops } from '../support/focus-drops';
import { postOfWeight, SPLIT_600 } from '../support/posts';
import { expect, popupOn, signIn, test } from './fixtures';

test.describe('the composer in Chromium', () => {
  test.beforeEach(async ({ perch }) => {
    await signIn(perch, await perch.open('options'));
  });

  test('counts emoji, CJK and a URL as X does, posts, and deletes', async ({ perch, emu }) => {
    const popup = await perch.open('popup');
    const box = popup.getByRole('textbox', { name: 'Post text' });
    await box.fill(postOfWeight(200));
    await expect(popup.getByRole('img', { name: '80 characters left' })).toBeVisible();
    await expect(popup.getByText('The link counts as 23 characters.')).toBeVisible();
    await expect(popup.getByText(/costs \$0\.20/)).toBeVisible();
    await emu.clearLog();
    await popup.getByRole('button', { name: 'Post', exact: true }).click();
    await expect(popup.getByText('Your post is on X.')).toBeVisible();
    const created = (await emu.log()).find((e) => e.method === 'POST' && e.path === '/2/tweets');
    expect(created?.status).toBe(201);
    const view = popup.getByRole('link', { name: 'View on X' });
    const href = await view.getAttribute('href');
    expect(href).toMatch(new RegExp(`^https://x\\.com/${ADA.username}/status/\\d+$`));
    const postId = href!.split('/').pop()!;

    await popup.getByRole('button', { name: 'Delete' }).click();
    await popup.getByRole('button', { name: 'Delete post' }).click();
    // Said once: no second "Deleted." on the post's row.
    await expect(popup.getByText('Your post is deleted from X.')).toBeVisible();
    await expect(popup.getByText('Deleted.', { exact: true })).toHaveCount(0);
    const deletes = (await emu.log()).filter((e) => e.method === 'DELETE' && e.path === `/2/tweets/${postId}`);
    expect(deletes.map((e) => e.status)).toEqual([200]);
  });

  test('allows exactly 280 and refuses 281, as X itself does', async ({ perch, emu }) => {
    const popup = await perch.open('popup');
    const box = popup.getByRole('textbox', { name: 'Post text' });
    const post = popup.getByRole('button', { name: 'Post', exact: true });

    await box.fill(postOfWeight(281));
    await expect(popup.getByRole('img', { name: '1 character over the limit' })).toBeVisible();
    await expect(post).toBeDisabled();
    await expect(popup.getByText('1 character over X’s limit of 280.')).toBeVisible();
    // X (the emulator, counting with twitter-text on its own) refuses the same text.
    const direct = await emu.asSignedIn('/2/tweets', { method: 'POST', body: JSON.stringify({ text: postOfWeight(281) }) });
    expect(direct.status).toBe(403);

    await box.fill(postOfWeight(280));
    await expect(popup.getByRole('img', { name: '0 characters left' })).toBeVisible();
    await expect(post).toBeEnabled();
    await post.click();
    await expect(popup.getByText('Your post is on X.')).toBeVisible();
  });

  test('keeps the draft when the popup closes mid-sentence', async ({ perch }) => {
    let popup = await perch.open('popup');
    await popup.getByRole('textbox', { name: 'Post text' }).pressSequentially('Half a thought about 日本 and 🐦‍🔥');
    await popup.close();
    popup = await perch.open('popup');
    await expect(popup.getByRole('textbox', { name: 'Post text' })).toHaveValue('Half a thought about 日本 and 🐦‍🔥');
  });

  test('keeps the draft and says the outcome is unknown when the connection drops while posting', async ({ perch, emu }) => {
    const popup = await perch.open('popup');
    await popup.getByRole('textbox', { name: 'Post text' }).fill('Did this one make it?');
    // X publishes it, but the answer never arrives.
    await emu.fault({ method: 'POST', path: '/2/tweets', count: 1, kind: 'cut' });
    await popup.getByRole('button', { name: 'Post', exact: true }).click();
    await expect(popup.getByRole('alert').filter({ hasText: /\S/ })).toContainText('can’t tell whether your post went out');
    await expect(popup.getByRole('link', { name: 'Check your profile on X' })).toHaveAttribute('href', `https://x.com/${ADA.username}`);
    await expect(popup.getByRole('textbox', { name: 'Post text' })).toHaveValue('Did this one make it?');
    // X did publish it; Perch could not know, and did not send it again behind the person's back.
    const posts = (await emu.log()).filter((e) => e.method === 'POST' && e.path === '/2/tweets');
    expect(posts.map((e) => e.status)).toEqual([201]);
    // Reopened, the draft and the warning are still there.
    await popup.close();
    const again = await perch.open('popup');
    await expect(again.getByRole('textbox', { name: 'Post text' })).toHaveValue('Did this one make it?');
    // Looking on X is the main step; posting again is secondary and asks first, sending nothing until confirmed.
    await expect(again.getByRole('button', { name: 'Check on X' })).toHaveClass(/primary/);
    const postAgain = again.getByRole('button', { name: 'Post again' });
    await expect(postAgain).toBeEnabled();
    await expect(postAgain).not.toHaveClass(/primary/);
    await postAgain.click();
    await expect(again.getByText('X may already have it: post again?')).toBeVisible();
    await again.getByRole('button', { name: 'Cancel' }).click();
    expect((await emu.log()).filter((e) => e.method === 'POST' && e.path === '/2/tweets')).toHaveLength(1);
    await again.getByRole('button', { name: 'Post again' }).click();
    await again.getByRole('button', { name: 'Yes, post again' }).click();
    // Confirmed, it is sent; X had it already, and says so (a duplicate), which is why Check on X comes first.
    await expect(again.getByRole('alert').filter({ hasText: 'duplicate content' })).toBeVisible();
    expect((await emu.log()).filter((e) => e.method === 'POST' && e.path === '/2/tweets')).toHaveLength(2);
  });

  test('publishes a thread in order, each post replying to the one before', async ({ perch, emu }) => {
    const popup = await perch.open('popup');
    await popup.getByRole('textbox', { name: 'Post text' }).fill('A thread, part one');
    await popup.getByRole('button', { name: 'Add post to thread' }).click();
    await popup.getByRole('textbox', { name: 'Post 2 of 2' }).fill('Part two');
    await popup.getByRole('button', { name: 'Post all' }).click();
    await expect(popup.getByText('Your thread of 2 posts is on X.')).toBeVisible();
    const ids = await Promise.all(
      ['View post 1 on X', 'View post 2 on X'].map(async (name) =>
        (await popup.getByRole('link', { name }).getAttribute('href'))!.split('/').pop()!,
      ),
    );
    const res = await emu.asSignedIn(`/2/tweets?ids=${ids.join(',')}&tweet.fields=referenced_tweets`);
    const body = (await res.json()) as { data: { id: string; text: string; referenced_tweets?: { type: string; id: string }[] }[] };
    const [first, second] = ids.map((id) => body.data.find((p) => p.id === id)!);
    expect(first!.text).toBe('A thread, part one');
    expect(first!.referenced_tweets).toBeUndefined();
    expect(second!.text).toBe('Part two');
    expect(second!.referenced_tweets).toEqual([{ type: 'replied_to', id: ids[0] }]);
  });

  test('when X refuses post 2 of a thread as a reply: post 1 stays, X’s words are shown, the rest go out as separate posts', async ({
    perch,
    emu,
    emulator,
  }) => {
    // X's self-serve plan may not count a reply to one's own post as "summoned" (undocumented; emulator README).
    await emu.config({ self_replies_allowed: false });
    const popup = await perch.open('popup');
    await popup.getByRole('textbox', { name: 'Post text' }).fill('Refused thread, part one');
    await popup.getByRole('button', { name: 'Add post to thread' }).click();
    await popup.getByRole('textbox', { name: 'Post 2 of 2' }).fill('Refused thread, part two');
    await popup.getByRole('button', { name: 'Add post to thread' }).click();
    await popup.getByRole('textbox', { name: 'Post 3 of 3' }).fill('Refused thread, part three');
    await emu.clearLog();
    await popup.getByRole('button', { name: 'Post all' }).click();

    const alert = popup.getByRole('alert').filter({ hasText: /\S/ });
    await expect(alert).toContainText(
      'X refused post 2 of your thread as a reply to post 1. X said: “\u2068Reply to this conversation is not allowed because you have not ' +
        'been mentioned or otherwise engaged by the author of the post you are replying to.\u2069”',
    );
    await expect(alert).toContainText('Post 1 stays on X. Post 2 and the ones after it are kept here as your draft');
    const firstHref = await popup.getByRole('link', { name: 'View post 1 on X' }).getAttribute('href');
    expect(firstHref).toMatch(new RegExp(`^https://x\\.com/${ADA.username}/status/\\d+$`));
    const firstId = firstHref!.split('/').pop()!;
    await expect(popup.getByRole('textbox', { name: 'Post 2 of 3' })).toHaveValue('Refused thread, part two');
    await expect(popup.getByRole('textbox', { name: 'Post 3 of 3' })).toHaveValue('Refused thread, part three');
    const tweetStatuses = async () => (await emu.log()).filter((e) => e.method === 'POST' && e.path === '/2/tweets').map((e) => e.status);
    expect(await tweetStatuses()).toEqual([201, 403]);

    // Reopened, the popup still shows what X refused and the way on.
    await popup.close();
    const again = await perch.open('popup');
    await expect(again.getByRole('alert').filter({ hasText: /\S/ })).toContainText('X refused post 2 of your thread as a reply to post 1.');
    await again.getByRole('button', { name: 'Post the rest as separate posts' }).click();

    await expect(again.getByText('Your 3 posts are on X')).toBeVisible();
    expect(await tweetStatuses()).toEqual([201, 403, 201, 201]);
    const ids = await Promise.all(
      ['View post 1 on X', 'View post 2 on X', 'View post 3 on X'].map(async (name) =>
        (await again.getByRole('link', { name }).getAttribute('href'))!.split('/').pop()!,
      ),
    );
    expect(ids[0]).toBe(firstId);
    // What X holds: each part once, post 1 as published first, posts 2 and 3 on their own (replying to nothing).
    const onX = [...emulator.state.posts.values()].filter((p) => p.authorId === ADA.id && p.text.startsWith('Refused thread'));
    expect(onX.map((p) => ({ id: p.id, text: p.text, inReplyTo: p.inReplyToTweetId ?? null, deleted: p.deleted }))).toEqual([
      { id: ids[0], text: 'Refused thread, part one', inReplyTo: null, deleted: false },
      { id: ids[1], text: 'Refused thread, part two', inReplyTo: null, deleted: false },
      { id: ids[2], text: 'Refused thread, part three', inReplyTo: null, deleted: false },
    ]);
  });

  test('posts with Ctrl+Enter from the box, only when Post is enabled, and names the shortcut on the button', async ({
    perch,
    emu,
    emulator,
  }) => {
    const popup = await perch.open('popup');
    const box = popup.getByRole('textbox', { name: 'Post text' });
    const post = popup.getByRole('button', { name: 'Post', exact: true });
    await expect(post).toHaveAttribute('aria-keyshortcuts', 'Control+Enter Meta+Enter');
    await emu.clearLog();
    // Over the limit Post is disabled, and so is its shortcut.
    await box.fill(postOfWeight(281));
    await expect(post).toBeDisabled();
    await box.press('Control+Enter');
    await box.fill('Posted from the keyboard');
    await popup.evaluate(watchFocusDrops);
    await box.press('Control+Enter');
    await expect(popup.getByText('Your post is on X.')).toBeVisible();
    // The box that had the focus is gone: the post's link on X has it, and it never fell to the page on the way.
    await expect(popup.getByRole('link', { name: /^View/ }).first()).toBeFocused();
    expect(await popup.evaluate(focusDrops), 'the focus never fell to the page').toEqual([]);
    expect((await emu.log()).filter((e) => e.method === 'POST' && e.path === '/2/tweets').map((e) => e.status)).toEqual([201]);
    const mine = [...emulator.state.posts.values()].filter((p) => p.authorId === ADA.id && !p.deleted);
    expect(mine.filter((p) => p.text === 'Posted from the keyboard')).toHaveLength(1);
    expect(mine.filter((p) => p.text === postOfWeight(281))).toHaveLength(0);
  });

  test('puts the caret at the end of a restored draft, in the box', async ({ perch }) => {
    let popup = await perch.open('popup');
    await popup.getByRole('textbox', { name: 'Post text' }).pressSequentially('Where was I');
    await popup.close();
    popup = await perch.open('popup');
    const box = popup.getByRole('textbox', { name: 'Post text' });
    await expect(box).toHaveValue('Where was I');
    await expect(box).toBeFocused();
    // Typing goes on where the draft ended.
    await popup.keyboard.type('? Here.');
    await expect(box).toHaveValue('Where was I? Here.');
  });

  test('Clear draft asks first, then removes the draft and its image; with nothing kept it is not offered', async ({ perch }) => {
    let popup = await perch.open('popup');
    const box = () => popup.getByRole('textbox', { name: 'Post text' });
    await box().fill('A draft I will throw away');
    const chooser = popup.waitForEvent('filechooser');
    await popup.getByRole('button', { name: 'Add image' }).click();
    await (await chooser).setFiles({ name: 'dot.gif', mimeType: 'image/gif', buffer: GIF });
    await expect(popup.getByRole('button', { name: 'Remove image dot.gif' })).toBeVisible();

    await popup.getByRole('button', { name: 'Clear draft' }).click();
    await expect(popup.getByText('Clear this draft? Its text and images are deleted')).toBeVisible();
    await popup.getByRole('button', { name: 'Keep draft' }).click();
    await expect(box()).toHaveValue('A draft I will throw away');

    await popup.getByRole('button', { name: 'Clear draft' }).click();
    await popup.getByRole('button', { name: 'Yes, clear draft' }).click();
    await expect(box()).toHaveValue('');
    await expect(box()).toBeFocused();
    await expect(popup.getByRole('list', { name: 'Images in post 1' })).toHaveCount(0);

    // Gone from storage too: the reopened popup has nothing to restore.
    await popup.close();
    popup = await perch.open('popup');
    await expect(box()).toHaveValue('');
    await expect(popup.getByRole('button', { name: 'Remove image dot.gif' })).toHaveCount(0);
    // Nothing kept: nothing to clear.
    await expect(popup.getByRole('button', { name: 'Add post to thread' })).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Clear draft' })).toHaveCount(0);
  });

  test('splits a 600-character post into a numbered thread at sentence ends, and posts it in order', async ({ perch, emulator }) => {
    const popup = await perch.open('popup');
    await popup.getByRole('textbox', { name: 'Post text' }).fill(SPLIT_600);
    await expect(popup.getByRole('button', { name: 'Post', exact: true })).toBeDisabled();
    await popup.getByRole('button', { name: 'Split into a thread' }).click();
    await expect(popup.getByRole('status').filter({ hasText: 'Split into 3 posts, numbered 1/3 to 3/3.' })).toBeVisible();

    const boxes = ['Post 1 of 3', 'Post 2 of 3', 'Post 3 of 3'].map((name) => popup.getByRole('textbox', { name }));
    const texts: string[] = [];
    for (const [i, box] of boxes.entries()) {
      await expect(box).toHaveValue(new RegExp(`\\. ${i + 1}/3$`));
      await expect(popup.getByText(`Post ${i + 1} of 3`, { exact: true })).toBeVisible();
      texts.push(await box.inputValue());
    }
    // Nothing lost but the spaces at the cuts.
    expect(texts.map((t) => t.replace(/ \d\/3$/, '')).join(' ')).toBe(SPLIT_600);

    await popup.getByRole('button', { name: 'Post all' }).click();
    await expect(popup.getByText('Your thread of 3 posts is on X.')).toBeVisible();
    const onX = [...emulator.state.posts.values()].filter((p) => p.authorId === ADA.id && texts.includes(p.text));
    expect(onX.map((p) => p.text)).toEqual(texts);
    expect(onX[0]!.inReplyToTweetId).toBeUndefined();
    expect(onX[1]!.inReplyToTweetId).toBe(onX[0]!.id);
    expect(onX[2]!.inReplyToTweetId).toBe(onX[1]!.id);
  });

  test('a reply shows "Replying to @…" with the parent post, from what the popup already read', async ({ perch, emu }) => {
    const popup = await popupOn(perch, `https://x.com/gracehop/status/${SEED_POSTS.graceMentionsAda}`);
    const reply = popup.getByRole('button', { name: 'Reply', exact: true });
    await expect(reply).toBeVisible();
    await emu.clearLog();
    await reply.click();
    await expect(popup.getByText('Replying to @gracehop')).toBeVisible();
    const parent = popup.locator('blockquote');
    await expect(parent).toContainText('Grace');
    await expect(parent).toContainText('@adaperch the compiler is ready for review');
    await expect(popup.getByText(SEED_POSTS.graceMentionsAda)).toHaveCount(0);
    await expect(popup.getByRole('textbox', { name: 'Post text' })).toBeFocused();
    // The popup had the post already: showing it cost no read.
    expect((await emu.log()).filter((e) => e.method === 'GET' && e.path.startsWith('/2/tweets'))).toEqual([]);
  });
});

/** A real 1x1 GIF89a. */
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
