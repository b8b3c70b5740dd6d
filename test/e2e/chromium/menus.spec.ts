import type { Page, Worker } from '@playwright/test';
import { SEED_POSTS } from '../../emulator/seed';
import { expect, signIn, test, type Perch } from './fixtures';

/**
 * The context-menu entries and the keyboard shortcut in Chromium. No automation tool can click a native context
 * menu or press an extension shortcut in headless Chromium, so each entry's existence is checked with the real
 * `contextMenus` API and its click is delivered to the very listener the browser calls (the test build's
 * `perchTest` hook); what follows — X's state, the toolbar badge, the window Perch opens — is all real.
 */

const XDEV = { id: '2244994945', username: 'XDevelopers' };
// Grace's quote post: in the seed, Ada has neither bookmarked nor reposted it.
const POST = SEED_POSTS.graceQuotesXdev;
const POST_LINK = `https://x.com/gracehop/status/${POST}`;

/** A page on "x.com" served by the test, so the tab really shows an X address. */
async function xTab(perch: Perch, url: string, title: string): Promise<Page> {
  await perch.context.route(url, (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>${title}</title><p>${title}</p>` }),
  );
  const page = await perch.context.newPage();
  await page.goto(url);
  await page.bringToFront();
  return page;
}

/**
 * The tab a page is in, as a listener receives it: the active tab, with its address and title, which the browser
 * includes when the click or shortcut grants `activeTab` (Perch holds no `tabs` permission to read them otherwise).
 */
async function tabOf(worker: Worker, page: Page) {
  await page.bringToFront();
  const [tab] = await worker.evaluate(() => chrome.tabs.query({ active: true, lastFocusedWindow: true }));
  if (tab?.id === undefined) throw new Error('no active tab');
  return { ...tab, url: page.url(), title: await page.title() };
}

async function click(worker: Worker, menuItemId: string, page: Page, linkUrl?: string): Promise<number> {
  const tab = await tabOf(worker, page);
  await worker.evaluate(
    async ({ menuItemId, linkUrl, tab }) => {
      if (!globalThis.perchTest) throw new Error('not a test build');
      // As the browser fills OnClickData: the page the click happened in.
      await globalThis.perchTest.menuClick({ menuItemId, ...(linkUrl ? { linkUrl } : {}), pageUrl: tab.url }, tab);
    },
    { menuItemId, linkUrl, tab },
  );
  return tab.id!;
}

const badge = (worker: Worker, tabId: number) => worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

test.describe('context menus and shortcuts in Chromium', () => {
  test.beforeEach(async ({ perch }) => {
    await signIn(perch, await perch.open('options'));
  });

  test('every entry is registered with the browser', async ({ perch }) => {
    const worker = await perch.worker();
    const ids = ['perch-bookmark-post', 'perch-repost-post', 'perch-mute-account', 'perch-add-to-list', 'perch-share-page'];
    // update() rejects for an id the browser does not know.
    const outcomes = await worker.evaluate(
      async (all) =>
        Promise.all(
          all.map((id) =>
            chrome.contextMenus.update(id, {}).then(
              () => 'ok',
              (e: unknown) => String(e),
            ),
          ),
        ),
      ids,
    );
    expect(outcomes).toEqual(ids.map(() => 'ok'));
    expect(
      await worker.evaluate(() =>
        chrome.contextMenus.update('perch-no-such-entry', {}).then(
          () => 'ok',
          () => 'refused',
        ),
      ),
    ).toBe('refused');
  });

  test('"Bookmark on X" and "Repost on X" on a link to a post on x.com do it on X and say whose on the icon', async ({ perch, emu }) => {
    const page = await xTab(perch, 'https://x.com/home', 'Home / X');
    const worker = await perch.worker();
    const before = await emu.relations();
    expect(before.bookmarks).not.toContain(POST);
    expect(before.reposts).not.toContain(POST);

    const tabId = await click(worker, 'perch-bookmark-post', page, POST_LINK);
    await expect.poll(async () => (await emu.relations()).bookmarks).toContain(POST);
    expect(await badge(worker, tabId)).toBe('✓');
    expect(await worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId)).toBe(
      'Perch: Bookmarked a post by @\u2068gracehop\u2069.',
    );

    await click(worker, 'perch-repost-post', page, POST_LINK);
    await expect.poll(async () => (await emu.relations()).reposts).toContain(POST);
  });

  test('on a page outside X, "Bookmark on X" opens Perch on the post to confirm, and bookmarks only on the click', async ({
    perch,
    emu,
  }) => {
    const page = await xTab(perch, 'https://example.com/reading', 'Reading');
    const worker = await perch.worker();
    await emu.clearLog();
    const opened = perch.context.waitForEvent('page', (p) => p.url().includes('/popup.html?url='));
    await click(worker, 'perch-bookmark-post', page, POST_LINK);
    const popup = await opened;
    // Perch's own window loads at once: the post the link really points at, and its actions.
    await expect(popup.getByRole('region', { name: 'This post' })).toContainText('@gracehop');
    expect((await emu.relations()).bookmarks).not.toContain(POST);
    expect((await emu.log()).filter((e) => e.method !== 'GET' && e.path.startsWith('/2/'))).toEqual([]);
    await popup.getByRole('button', { name: 'Bookmark', exact: true }).click();
    await expect.poll(async () => (await emu.relations()).bookmarks).toContain(POST);
  });

  test('"Bookmark on X" on a link that is not a post does nothing on X and shows "!"', async ({ perch, emu }) => {
    const page = await xTab(perch, 'https://example.com/other', 'Other');
    const worker = await perch.worker();
    await emu.clearLog();
    const tabId = await click(worker, 'perch-bookmark-post', page, 'https://x.com/explore');
    await expect.poll(() => badge(worker, tabId)).toBe('!');
    expect(await worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId)).toBe('Perch: That link is not a post on X.');
    // Not a request to X at all: the link or tab is refused before anything is looked up.
    expect((await emu.log()).filter((e) => e.path.startsWith('/2/'))).toEqual([]);
  });

  test('"Mute this account on X" on x.com looks the account up and mutes it', async ({ perch, emu }) => {
    const page = await xTab(perch, 'https://x.com/explore', 'Explore / X');
    const worker = await perch.worker();
    expect((await emu.relations()).muting).not.toContain(XDEV.id);
    await click(worker, 'perch-mute-account', page, `https://twitter.com/${XDEV.username}`);
    await expect.poll(async () => (await emu.relations()).muting).toContain(XDEV.id);
  });

  test('"Add this account to a list on X…" opens Perch on that profile, where a list is one click away', async ({ perch }) => {
    const page = await xTab(perch, 'https://example.com/team', 'Team');
    const worker = await perch.worker();
    const opened = perch.context.waitForEvent('page', (p) => p.url().includes('/popup.html?url='));
    await click(worker, 'perch-add-to-list', page, `https://x.com/${XDEV.username}`);
    const popup = await opened;
    await expect(popup.getByRole('region', { name: `@${XDEV.username}` })).toBeVisible();
    await popup.getByRole('button', { name: 'Add to list…' }).click();
    await expect(popup.getByRole('button', { name: /^Add to “/ }).first()).toBeVisible();
  });

  test('"Share this page on X" opens the composer with the page title and address', async ({ perch }) => {
    const page = await xTab(perch, 'https://example.com/essay', 'An essay');
    const worker = await perch.worker();
    const opened = perch.context.waitForEvent('page', (p) => p.url().includes('/popup.html?url='));
    await click(worker, 'perch-share-page', page);
    const popup = await opened;
    await expect(popup.getByRole('textbox', { name: 'Post text' })).toHaveValue('An essay https://example.com/essay');
  });

  test('the shortcut bookmarks the post in the current tab', async ({ perch, emu }) => {
    const page = await xTab(perch, POST_LINK, 'A post on X');
    const worker = await perch.worker();
    expect((await emu.relations()).bookmarks).not.toContain(POST);
    const tab = await tabOf(worker, page);
    await worker.evaluate(async (t) => globalThis.perchTest!.command('bookmark-current-post', t), tab);
    await expect.poll(async () => (await emu.relations()).bookmarks).toContain(POST);
  });
});
