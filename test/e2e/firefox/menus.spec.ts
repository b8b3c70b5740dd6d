import type { Page } from 'puppeteer-core';
import { SEED_POSTS } from '../../emulator/seed';
import { ADA, TEST_EMULATOR_PORT } from '../support/emulator-control';
import { expect, findPage, signIn, test, textOf, type FirefoxPerch } from './fixtures';

/**
 * The context-menu entries and the shortcut in Firefox. As in Chromium, no tool can click a native context menu
 * here: each entry's existence is checked with the real `menus` API, and its click is delivered to the listener
 * the browser calls, through the test build's `perchTest` hook on the background page.
 */

const XDEV = { id: '2244994945', username: 'XDevelopers' };
// Grace's quote post: in the seed, Ada has not bookmarked it.
const POST = SEED_POSTS.graceQuotesXdev;

/** A plain web page in a tab of its own (served by the emulator), the tab a right-click would happen in. */
async function webTab(ff: FirefoxPerch, marker: string): Promise<Page> {
  const page = await ff.browser.newPage();
  await page.goto(`http://127.0.0.1:${TEST_EMULATOR_PORT}/#${marker}`).catch(() => undefined);
  return page;
}

/**
 * Delivers a click on a menu entry, or a shortcut, to Perch's background, for the tab marked `marker`. `onPage` is
 * the page the browser reports the click in (OnClickData.pageUrl): the tab's own address unless a test says the
 * click was on a page of x.com (these tabs are served locally, Firefox has no way to serve them as x.com here).
 */
async function deliver(
  ff: FirefoxPerch,
  kind: 'menu' | 'command',
  id: string,
  marker: string,
  linkUrl?: string,
  onPage?: string,
): Promise<void> {
  await ff.options.evaluate(
    async (kind, id, marker, linkUrl, onPage) => {
      const [tab] = (await browser.tabs.query({})).filter((t) => t.url?.includes(marker));
      const hooks = ((await browser.runtime.getBackgroundPage()) as unknown as typeof globalThis).perchTest;
      if (!hooks) throw new Error('not a test build');
      const pageUrl = onPage || tab?.url;
      if (kind === 'menu') await hooks.menuClick({ menuItemId: id, ...(linkUrl ? { linkUrl } : {}), ...(pageUrl ? { pageUrl } : {}) }, tab);
      else await hooks.command(id, tab);
    },
    kind,
    id,
    marker,
    linkUrl ?? '',
    onPage ?? '',
  );
}

async function badgeOf(ff: FirefoxPerch, marker: string): Promise<string> {
  return ff.options.evaluate(async (m) => {
    const [tab] = (await browser.tabs.query({})).filter((t) => t.url?.includes(m));
    return browser.action.getBadgeText({ tabId: tab!.id! });
  }, marker);
}

test.describe('context menus and shortcuts in Firefox', () => {
  test('every entry is registered with the browser', async ({ ff }) => {
    await signIn(ff, ff.options);
    const ids = ['perch-bookmark-post', 'perch-repost-post', 'perch-mute-account', 'perch-add-to-list', 'perch-share-page'];
    const outcomes = await ff.options.evaluate(
      async (all) =>
        Promise.all(
          [...all, 'perch-no-such-entry'].map((id) =>
            browser.contextMenus.update(id, {}).then(
              () => 'ok',
              () => 'refused',
            ),
          ),
        ),
      ids,
    );
    expect(outcomes).toEqual([...ids.map(() => 'ok'), 'refused']);
  });

  test('"Bookmark on X" and "Mute this account on X" on links on x.com do it on X and say so on the icon', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    await webTab(ff, 'reading');
    const before = await emu.relations();
    expect(before.bookmarks).not.toContain(POST);
    expect(before.muting).not.toContain(XDEV.id);
    await deliver(ff, 'menu', 'perch-bookmark-post', 'reading', `https://x.com/gracehop/status/${POST}`, 'https://x.com/home');
    await expect.poll(async () => (await emu.relations()).bookmarks).toContain(POST);
    expect(await badgeOf(ff, 'reading')).toBe('✓');
    await deliver(ff, 'menu', 'perch-mute-account', 'reading', `https://x.com/${XDEV.username}`, 'https://x.com/home');
    await expect.poll(async () => (await emu.relations()).muting).toContain(XDEV.id);
  });

  test('on a page outside X, "Bookmark on X" opens Perch on the post to confirm, and bookmarks only on the click', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    await webTab(ff, 'elsewhere');
    await emu.clearLog();
    await deliver(ff, 'menu', 'perch-bookmark-post', 'elsewhere', `https://x.com/gracehop/status/${POST}`);
    const popup = await findPage(ff.browser, (h) => h.includes('/popup.html?url='));
    // Perch's own window loads at once: the post the link really points at, and its actions.
    await expect.poll(() => textOf(popup, '.post-card')).toContain('@gracehop');
    expect((await emu.relations()).bookmarks).not.toContain(POST);
    expect((await emu.log()).filter((e) => e.method !== 'GET' && e.path.startsWith('/2/'))).toEqual([]);
    await popup.locator('::-p-aria(Bookmark[role="button"])').click();
    await expect.poll(async () => (await emu.relations()).bookmarks).toContain(POST);
  });

  test('"Share this page on X" opens the composer with the page title and address', async ({ ff }) => {
    await signIn(ff, ff.options);
    await webTab(ff, 'essay');
    await deliver(ff, 'menu', 'perch-share-page', 'essay');
    const popup = await findPage(ff.browser, (h) => h.includes('/popup.html?url='));
    await expect
      .poll(() => popup.$eval('textarea', (t) => t.value).catch(() => ''))
      .toMatch(new RegExp(`http://127\\.0\\.0\\.1:${TEST_EMULATOR_PORT}/#essay$`));
  });

  test('the shortcut on a tab that is not showing a post asks X nothing and says why on the icon', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    await webTab(ff, 'not-a-post');
    await emu.clearLog();
    await deliver(ff, 'command', 'bookmark-current-post', 'not-a-post');
    await expect.poll(() => badgeOf(ff, 'not-a-post')).toBe('!');
    // Not a request to X at all: the link or tab is refused before anything is looked up.
    expect((await emu.log()).filter((e) => e.path.startsWith('/2/'))).toEqual([]);
    expect(await textOf(ff.options, '.account-username')).toBe(`@${ADA.username}`);
  });
});
