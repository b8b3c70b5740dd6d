import { ADA } from '../support/emulator-control';
import { postOfWeight } from '../support/posts';
import { expect, signIn, test, textOf } from './fixtures';
import type { Page } from 'puppeteer-core';

const box = (page: Page, name = 'Post text') => page.locator(`::-p-aria(${name}[role="textbox"])`);
const button = (page: Page, name: string) => page.locator(`::-p-aria(${name}[role="button"])`);

async function typeInto(page: Page, text: string): Promise<void> {
  // Set the whole text at once (as a paste would), then let React see the input event — once the composer is drawn.
  await page.waitForSelector('textarea');
  await page.$eval(
    'textarea',
    (el, value) => {
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
      setter.call(el, value);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    text,
  );
}

/** Sets the text of the `index`-th post box (0-based) as a paste would. */
async function typeIntoPost(page: Page, index: number, text: string): Promise<void> {
  await page.$$eval(
    'textarea',
    (els, i, value) => {
      const el = els[i] as HTMLTextAreaElement;
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(el, value);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    index,
    text,
  );
}

test.describe('the composer in Firefox', () => {
  test('counts emoji, CJK and a URL as X does, posts, and deletes', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    const popup = await ff.open('popup');
    await box(popup).wait();
    await typeInto(popup, postOfWeight(200));
    await expect.poll(() => popup.$eval('.counter', (e) => e.getAttribute('aria-label'))).toBe('80 characters left');
    await button(popup, 'Post').click();
    await expect.poll(() => textOf(popup, '.published')).toContain('Your post is on X.');
    const href = await popup.$eval('.published a', (a) => a.getAttribute('href'));
    expect(href).toMatch(new RegExp(`^https://x\\.com/${ADA.username}/status/\\d+$`));
    await button(popup, 'Delete').click();
    await button(popup, 'Delete post').click();
    await expect.poll(() => textOf(popup, '.published')).toContain('Deleted.');
    const postId = href!.split('/').pop()!;
    expect((await emu.log()).filter((e) => e.method === 'DELETE' && e.path === `/2/tweets/${postId}`).map((e) => e.status)).toEqual([200]);
  });

  test('refuses 281 weighted characters and allows 280', async ({ ff }) => {
    await signIn(ff, ff.options);
    const popup = await ff.open('popup');
    await box(popup).wait();
    await typeInto(popup, postOfWeight(281));
    await expect.poll(() => popup.$eval('.counter', (e) => e.getAttribute('aria-label'))).toBe('1 character over the limit');
    expect(await popup.$eval('.composer-actions .primary', (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    await typeInto(popup, postOfWeight(280));
    await expect.poll(() => popup.$eval('.counter', (e) => e.getAttribute('aria-label'))).toBe('0 characters left');
    await button(popup, 'Post').click();
    await expect.poll(() => textOf(popup, '.published')).toContain('Your post is on X.');
  });

  test('keeps the draft when the popup closes, and says when the outcome of a post is unknown', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    let popup = await ff.open('popup');
    await box(popup).wait();
    await typeInto(popup, 'Half a thought about 日本 and 🐦‍🔥');
    await popup.close();
    popup = await ff.open('popup');
    // expect.poll does not retry a throw: wait for the composer to be drawn before reading it.
    await box(popup).wait();
    await expect.poll(() => popup.$eval('textarea', (t) => t.value)).toBe('Half a thought about 日本 and 🐦‍🔥');

    await emu.fault({ method: 'POST', path: '/2/tweets', count: 1, kind: 'cut' });
    await button(popup, 'Post').click();
    await expect.poll(() => textOf(popup, '.notice')).toContain('can’t tell whether your post went out');
    expect(await popup.$eval('textarea', (t) => t.value)).toBe('Half a thought about 日本 and 🐦‍🔥');
    expect((await emu.log()).filter((e) => e.method === 'POST' && e.path === '/2/tweets').map((e) => e.status)).toEqual([201]);
  });

  test('when X refuses post 2 of a thread as a reply: post 1 stays, X’s words are shown, the rest go out as separate posts', async ({
    ff,
    emu,
    emulator,
  }) => {
    // X's self-serve plan may not count a reply to one's own post as "summoned" (undocumented; emulator README).
    await emu.config({ self_replies_allowed: false });
    await signIn(ff, ff.options);
    const popup = await ff.open('popup');
    await box(popup).wait();
    await typeIntoPost(popup, 0, 'Firefox refused thread, part one');
    await button(popup, 'Add post to thread').click();
    await box(popup, 'Post 2 text').wait();
    await typeIntoPost(popup, 1, 'Firefox refused thread, part two');
    await button(popup, 'Add post to thread').click();
    await box(popup, 'Post 3 text').wait();
    await typeIntoPost(popup, 2, 'Firefox refused thread, part three');
    await emu.clearLog();
    await button(popup, 'Post all').click();

    await expect
      .poll(() => textOf(popup, '[role="alert"]'))
      .toContain(
        'X refused post 2 of your thread as a reply to post 1. X said: “Reply to this conversation is not allowed because you have not ' +
          'been mentioned or otherwise engaged by the author of the post you are replying to.”',
      );
    expect(await textOf(popup, '[role="alert"]')).toContain('Post 1 stays on X. Post 2 and the ones after it are kept here as your draft');
    const firstHref = await popup
      .locator('::-p-aria(View post 1 on X[role="link"])')
      .map((a) => a.getAttribute('href'))
      .wait();
    expect(firstHref).toMatch(new RegExp(`^https://x\\.com/${ADA.username}/status/\\d+$`));
    expect(await popup.$$eval('textarea', (els) => els.map((t) => t.value))).toEqual([
      'Firefox refused thread, part two',
      'Firefox refused thread, part three',
    ]);
    const tweetStatuses = async () => (await emu.log()).filter((e) => e.method === 'POST' && e.path === '/2/tweets').map((e) => e.status);
    expect(await tweetStatuses()).toEqual([201, 403]);

    await button(popup, 'Post the rest as separate posts').click();

    await expect.poll(() => textOf(popup, '.published')).toContain('Your 3 posts are on X');
    expect(await tweetStatuses()).toEqual([201, 403, 201, 201]);
    const ids = await popup.$$eval('.published a', (links) => links.map((a) => a.getAttribute('href')!.split('/').pop()!));
    expect(ids[0]).toBe(firstHref!.split('/').pop());
    const onX = [...emulator.state.posts.values()].filter((p) => p.authorId === ADA.id && p.text.startsWith('Firefox refused thread'));
    expect(onX.map((p) => ({ id: p.id, text: p.text, inReplyTo: p.inReplyToTweetId ?? null, deleted: p.deleted }))).toEqual([
      { id: ids[0], text: 'Firefox refused thread, part one', inReplyTo: null, deleted: false },
      { id: ids[1], text: 'Firefox refused thread, part two', inReplyTo: null, deleted: false },
      { id: ids[2], text: 'Firefox refused thread, part three', inReplyTo: null, deleted: false },
    ]);
  });
});
