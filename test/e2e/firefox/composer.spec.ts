import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { SEED_POSTS } from '../../emulator/seed';
import { ADA } from '../support/emulator-control';
import { focusDrops, watchFocusDrops } from '../support/focus-drops';
import { postOfWeight, SPLIT_600 } from '../support/posts';
import { popupOn } from '../support/firefox-popup';
import { expect, signIn, test, textOf } from './fixtures';

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
    await expect.poll(() => textOf(popup, '.published')).toContain('Your post is deleted from X.');
    // Said once: no second "Deleted." on the post's row.
    expect(await textOf(popup, '.published')).not.toContain('Deleted.');
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
    await box(popup, 'Post 2 of 2').wait();
    await typeIntoPost(popup, 1, 'Firefox refused thread, part two');
    await button(popup, 'Add post to thread').click();
    await box(popup, 'Post 3 of 3').wait();
    await typeIntoPost(popup, 2, 'Firefox refused thread, part three');
    await emu.clearLog();
    await button(popup, 'Post all').click();

    await expect
      .poll(() => textOf(popup, '[role="alert"]:not(:empty)'))
      .toContain(
        'X refused post 2 of your thread as a reply to post 1. X said: “\u2068Reply to this conversation is not allowed because you have not ' +
          'been mentioned or otherwise engaged by the author of the post you are replying to.\u2069”',
      );
    expect(await textOf(popup, '[role="alert"]:not(:empty)')).toContain(
      'Post 1 stays on X. Post 2 and the ones after it are kept here as your draft',
    );
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

  test('posts with Ctrl+Enter from the box, only when Post is enabled, and names the shortcut on the button', async ({
    ff,
    emu,
    emulator,
  }) => {
    await signIn(ff, ff.options);
    const popup = await ff.open('popup');
    await box(popup).wait();
    expect(await popup.$eval('.composer-actions .primary', (b) => b.getAttribute('aria-keyshortcuts'))).toBe('Control+Enter Meta+Enter');
    await emu.clearLog();
    await typeInto(popup, postOfWeight(281));
    await expect.poll(() => popup.$eval('.composer-actions .primary', (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    await ctrlEnter(popup);
    await typeInto(popup, 'Posted from the keyboard in Firefox');
    await expect.poll(() => popup.$eval('.composer-actions .primary', (b) => (b as HTMLButtonElement).disabled)).toBe(false);
    await popup.evaluate(watchFocusDrops);
    await ctrlEnter(popup);
    await expect.poll(() => textOf(popup, '.published')).toContain('Your post is on X.');
    // The box that had the focus is gone: the post's link on X has it, and it never fell to the page on the way.
    await expect.poll(() => popup.evaluate(() => document.activeElement?.closest('.published a') !== null)).toBe(true);
    expect(await popup.evaluate(focusDrops), 'the focus never fell to the page').toEqual([]);
    expect((await emu.log()).filter((e) => e.method === 'POST' && e.path === '/2/tweets').map((e) => e.status)).toEqual([201]);
    const mine = [...emulator.state.posts.values()].filter((p) => p.authorId === ADA.id && !p.deleted);
    expect(mine.filter((p) => p.text === 'Posted from the keyboard in Firefox')).toHaveLength(1);
    expect(mine.filter((p) => p.text === postOfWeight(281))).toHaveLength(0);
  });

  test('puts the caret at the end of a restored draft, in the box', async ({ ff }) => {
    await signIn(ff, ff.options);
    let popup = await ff.open('popup');
    await box(popup).wait();
    await typeInto(popup, 'Where was I');
    await popup.close();
    popup = await ff.open('popup');
    await box(popup).wait();
    await expect.poll(() => popup.$eval('textarea', (t) => t.value)).toBe('Where was I');
    expect(
      await popup.evaluate(() => {
        const t = document.activeElement as HTMLTextAreaElement;
        return [t.tagName, t.selectionStart, t.selectionEnd];
      }),
    ).toEqual(['TEXTAREA', 11, 11]);
  });

  test('Clear draft asks first, then removes the draft and its image; with nothing kept it is not offered', async ({ ff }) => {
    await signIn(ff, ff.options);
    let popup = await ff.open('popup');
    await box(popup).wait();
    await typeInto(popup, 'A draft I will throw away');
    const input = (await popup.$('input[type="file"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(gifFile());
    await button(popup, 'Remove image dot.gif').wait();

    await button(popup, 'Clear draft').click();
    await button(popup, 'Keep draft').click();
    expect(await popup.$eval('textarea', (t) => t.value)).toBe('A draft I will throw away');
    await button(popup, 'Clear draft').click();
    await expect.poll(() => textOf(popup, '.composer')).toContain('Clear this draft? Its text and images are deleted');
    await button(popup, 'Yes, clear draft').click();
    await expect.poll(() => popup.$eval('textarea', (t) => t.value)).toBe('');
    expect(await popup.$$('.media-item')).toHaveLength(0);

    await popup.close();
    popup = await ff.open('popup');
    await box(popup).wait();
    await button(popup, 'Add post to thread').wait();
    expect(await popup.$eval('textarea', (t) => t.value)).toBe('');
    expect(await popup.$$('.media-item')).toHaveLength(0);
    // Nothing kept: nothing to clear.
    expect(await textOf(popup, '.composer')).not.toContain('Clear draft');
  });

  test('splits a 600-character post into a numbered thread at sentence ends, and posts it in order', async ({ ff, emulator }) => {
    await signIn(ff, ff.options);
    const popup = await ff.open('popup');
    await box(popup).wait();
    await typeInto(popup, SPLIT_600);
    await button(popup, 'Split into a thread').click();
    await box(popup, 'Post 3 of 3').wait();
    await expect.poll(() => textOf(popup, 'p.muted[role="status"]')).toContain('Split into 3 posts, numbered 1/3 to 3/3.');
    expect(await popup.$$eval('label.post-label', (ls) => ls.map((l) => l.textContent))).toEqual([
      'Post 1 of 3',
      'Post 2 of 3',
      'Post 3 of 3',
    ]);
    const texts = await popup.$$eval('textarea', (els) => els.map((t) => t.value));
    texts.forEach((t, i) => expect(t).toMatch(new RegExp(`\\. ${i + 1}/3$`)));
    expect(texts.map((t) => t.replace(/ \d\/3$/, '')).join(' ')).toBe(SPLIT_600);

    await button(popup, 'Post all').click();
    await expect.poll(() => textOf(popup, '.published')).toContain('Your thread of 3 posts is on X.');
    const onX = [...emulator.state.posts.values()].filter((p) => p.authorId === ADA.id && texts.includes(p.text));
    expect(onX.map((p) => p.text)).toEqual(texts);
    expect(onX.map((p) => p.inReplyToTweetId ?? null)).toEqual([null, onX[0]!.id, onX[1]!.id]);
  });

  test('a reply shows "Replying to @…" with the parent post, from what the popup already read', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    const popup = await popupOn(ff, `https://x.com/gracehop/status/${SEED_POSTS.graceMentionsAda}`);
    await button(popup, 'Reply').wait();
    await emu.clearLog();
    await button(popup, 'Reply').click();
    await expect.poll(() => textOf(popup, '.parent-post')).toContain('Replying to @gracehop');
    const shown = await textOf(popup, '.parent-post');
    expect(shown).toContain('@adaperch the compiler is ready for review');
    expect(shown).not.toContain(SEED_POSTS.graceMentionsAda);
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Post text');
    expect((await emu.log()).filter((e) => e.method === 'GET' && e.path.startsWith('/2/tweets'))).toEqual([]);
  });
});

/** Ctrl+Enter, pressed in the first post box. */
async function ctrlEnter(page: Page): Promise<void> {
  await page.focus('textarea');
  await page.keyboard.down('Control');
  await page.keyboard.press('Enter');
  await page.keyboard.up('Control');
}

/** A real 1x1 GIF89a, as a file the file input can take. */
function gifFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'perch-dot-')), 'dot.gif');
  writeFileSync(path, Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'));
  return path;
}
