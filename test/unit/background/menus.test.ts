import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bookmarkCurrentPost, MENU, runMenuAction, type MenuServices } from '@/entrypoints/background/menus';
import { db } from '@/lib/db';
import { namedTarget, redeem } from '@/lib/popup-gate';
import { ACTIONS } from '@/lib/services/actions';
import { Outbox } from '@/lib/services/outbox';
import { rateLimitStore } from '@/lib/services/rate-limit-store';
import { sessionView } from '@/lib/storage';
import type { XClient } from '@/lib/x/client';
import { XApiError } from '@/lib/x/errors';
import { createLimitedClient } from '@/lib/x/limiter';
import { SEED_POSTS } from '../../emulator/seed';
import { ADA_ID, GRACE_ID } from '../auth/support';
import { readInJapanese } from '../locales/in-japanese';
import { freshDb, signedInClient } from '../services/support';
import { emu, withTestEmulator } from '../support/emulator';

/**
 * The context menus and the shortcut on the real outbox, against the emulator: what X holds afterwards, what the
 * toolbar icon says, and the window Perch opens instead of acting on a link outside X.
 */

const ADA = { id: ADA_ID, name: 'Ada Perch', username: 'adaperch' };
const POST = SEED_POSTS.graceQuotesXdev;
const POST_LINK = `https://x.com/gracehop/status/${POST}`;
const PROFILE_LINK = 'https://twitter.com/gracehop';
const ON_X = 'https://x.com/home';
const ELSEWHERE = 'https://example.com/a';
const TAB = { id: 7, url: ELSEWHERE, title: 'A page' } as Browser.tabs.Tab;
const X_TAB = { id: 8, url: ON_X, title: 'Home / X' } as Browser.tabs.Tab;

let services: MenuServices;
let client: XClient;

withTestEmulator();

/** Ada signed in, with a real outbox sending through the rate limiter to the emulator; `wrap` may script X. */
async function setUp(wrap: (c: XClient) => XClient = (c) => c): Promise<void> {
  await freshDb();
  emu.state.reset();
  client = wrap(createLimitedClient({ client: await signedInClient(emu), store: rateLimitStore(ADA_ID), now: () => emu.state.now() }));
  const outbox = new Outbox({ defs: ACTIONS, clientFor: async () => client, wakeAt: () => undefined, now: () => emu.state.now() });
  services = { outbox, clientFor: async () => client };
}

async function xHolds(): Promise<{ bookmarks: string[]; reposts: string[]; muting: string[] }> {
  return (await (await fetch(`${emu.url}/__emulator/users/${ADA_ID}/relations`)).json()) as {
    bookmarks: string[];
    reposts: string[];
    muting: string[];
  };
}

/** Requests Perch sent to X's API since the last `emu.state.log` reset. */
const apiRequests = () => emu.state.log.filter((e) => e.path.startsWith('/2/')).map((e) => `${e.method} ${e.path}`);

const click = async (menuItemId: string, linkUrl: string | undefined, tab: Browser.tabs.Tab) => {
  await runMenuAction(services, { menuItemId, ...(linkUrl ? { linkUrl } : {}), pageUrl: tab.url! }, tab);
  await services.outbox.idle(ADA_ID);
};

let badgeCalls: { mock: { calls: unknown[][] } };
let titleCalls: { mock: { calls: unknown[][] } };
let windowCalls: { mock: { calls: unknown[][] } };
/** Texts set on the toolbar badge, and its titles, in order (not the resets a few seconds later). */
const badges = () => badgeCalls.mock.calls.map((c) => (c[0] as { text: string | null }).text).filter((t): t is string => Boolean(t));
const titles = () => titleCalls.mock.calls.map((c) => String((c[0] as { title: string }).title)).filter((t) => t !== 'Perch');
/** URLs of the windows opened, in order. */
const windows = () => windowCalls.mock.calls.map((c) => String((c[0] as { url: string }).url));

beforeEach(async () => {
  badgeCalls = vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue(undefined);
  vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue(undefined);
  titleCalls = vi.spyOn(fakeBrowser.action, 'setTitle').mockResolvedValue(undefined);
  windowCalls = vi.spyOn(fakeBrowser.windows, 'create').mockResolvedValue(undefined);
  await setUp();
  await sessionView.setValue({ accounts: [ADA], activeAccountId: ADA.id, notice: null });
  emu.state.log.length = 0;
});

describe('the context menus on a page of X', () => {
  it('bookmark the post a link points to on X, and the icon names whose post', async () => {
    expect((await xHolds()).bookmarks).not.toContain(POST);
    await click(MENU.bookmark, POST_LINK, X_TAB);
    expect((await xHolds()).bookmarks).toContain(POST);
    expect(badges()[0]).toBe('✓');
    expect(titles()[0]).toBe('Perch: Bookmarked a post by @\u2068gracehop\u2069.');
  });

  it('gives the tab back the toolbar’s own badge a few seconds later, not an empty one', async () => {
    await click(MENU.bookmark, POST_LINK, X_TAB);
    await vi.waitFor(() => expect(badgeCalls.mock.calls.at(-1)?.[0]).toEqual({ text: null, tabId: X_TAB.id }), {
      timeout: 6000,
      interval: 250,
    });
  });

  it('repost the post a link points to', async () => {
    await click(MENU.repost, POST_LINK, X_TAB);
    expect((await xHolds()).reposts).toContain(POST);
    expect(titles()[0]).toBe('Perch: Reposted a post by @\u2068gracehop\u2069.');
  });

  it('mute the account a link points to, after looking it up', async () => {
    await click(MENU.mute, PROFILE_LINK, X_TAB);
    expect((await xHolds()).muting).toContain(GRACE_ID);
    expect(titles()[0]).toBe('Perch: Muted @\u2068gracehop\u2069.');
  });

  it.each([
    ['bookmark a profile link', MENU.bookmark, PROFILE_LINK],
    ['mute a post link', MENU.mute, POST_LINK],
    ['bookmark a link elsewhere', MENU.bookmark, 'https://example.com/x/status/1'],
  ])('do nothing but say why when asked to %s', async (_name, id, link) => {
    await click(id, link, X_TAB);
    expect(apiRequests()).toEqual([]);
    expect(await db().actions.count()).toBe(0);
    expect(badges()[0]).toBe('!');
  });

  it('ask the person to sign in first when no account is signed in', async () => {
    await sessionView.setValue({ accounts: [], activeAccountId: null, notice: null });
    await click(MENU.bookmark, POST_LINK, X_TAB);
    expect(await db().actions.count()).toBe(0);
    expect(badges()[0]).toBe('!');
  });
});

describe('the context menus on a page outside X', () => {
  it.each([
    ['Bookmark', MENU.bookmark, POST_LINK],
    ['Repost', MENU.repost, POST_LINK],
    ['Mute', MENU.mute, PROFILE_LINK],
  ])('%s opens Perch on what the link points at, to confirm, and asks X nothing', async (_name, id, link) => {
    await click(id, link, TAB);
    expect(apiRequests()).toEqual([]);
    expect(await db().actions.count()).toBe(0);
    expect(windows()).toHaveLength(1);
    expect(namedTarget(windows()[0])?.url).toBe(link);
  });

  it('a link in a frame from elsewhere on an X page is not acted on either', async () => {
    await runMenuAction(services, { menuItemId: MENU.bookmark, linkUrl: POST_LINK, pageUrl: ON_X, frameUrl: ELSEWHERE }, X_TAB);
    expect(await db().actions.count()).toBe(0);
    expect(windows()).toHaveLength(1);
  });

  it('the window it opens loads at once, once: its grant is good for that address only, a single time', async () => {
    await click(MENU.bookmark, POST_LINK, TAB);
    const page = windows()[0]!;
    const forged = page.replace(encodeURIComponent(POST_LINK), encodeURIComponent(`https://x.com/gracehop/status/1`));
    expect(await redeem(41, forged)).toBe(false);
    expect(await redeem(42, page)).toBe(true);
    expect(await redeem(42, page)).toBe(true); // that tab stays open
    expect(await redeem(43, page)).toBe(false); // another tab with the same address does not
  });

  it('Add to a list, and Share, open Perch on the profile or the page', async () => {
    await click(MENU.addToList, PROFILE_LINK, X_TAB);
    await click(MENU.share, undefined, TAB);
    expect(windows().map((w) => namedTarget(w))).toEqual([
      { url: PROFILE_LINK, title: '', grant: expect.any(String) as string },
      { url: TAB.url, title: TAB.title, grant: expect.any(String) as string },
    ]);
    expect(apiRequests()).toEqual([]);
  });
});

describe('the shortcut', () => {
  it('bookmarks the post in the current tab, and refuses on other pages', async () => {
    await bookmarkCurrentPost(services, { ...TAB, url: POST_LINK });
    await services.outbox.idle(ADA_ID);
    expect((await xHolds()).bookmarks).toContain(POST);
    await bookmarkCurrentPost(services, TAB);
    expect(await db().actions.count()).toBe(1);
    expect(badges()).toEqual(['✓', '!']);
  });
});

describe('the badge title', () => {
  /** Whether every right-to-left override in `text` is closed by a PDI (U+2069) after it. */
  const overridesClosed = (text: string) => [...text.matchAll(/\u202E/g)].every((m) => text.indexOf('\u2069', m.index) > m.index);

  it('isolates the @username it names, so a U+202E in it cannot reverse the rest of the title', async () => {
    // An X that answers the lookup with a username ending in U+202E.
    await setUp((c) => ({
      request: async (req) => {
        const res = await c.request(req);
        const body = res.body as { data?: { username?: string } };
        if (req.path.startsWith('/2/users/by/username/') && body.data) body.data.username = 'gracehop\u202E';
        return res;
      },
    }));
    await click(MENU.mute, PROFILE_LINK, X_TAB);
    const title = titles()[0]!;
    expect(title).toContain('\u2068gracehop\u202E\u2069');
    expect(overridesClosed(title)).toBe(true);
  });

  it('isolates a whole error message that quotes X’s text with an override', async () => {
    await setUp(() => ({
      request: async () => {
        throw new XApiError('invalid-request', { status: 400, problem: { detail: 'Evil\u202E is not allowed' } });
      },
    }));
    await click(MENU.mute, PROFILE_LINK, X_TAB);
    const title = titles()[0]!;
    expect(title).toContain('Evil\u202E is not allowed');
    expect(overridesClosed(title)).toBe(true);
  });
});

describe('a menu action that fails in a way Perch did not foresee', () => {
  beforeEach(async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await setUp(() => ({
      request: async () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    }));
  });

  it('says it failed in the reader’s words, not the browser’s English', async () => {
    await click(MENU.mute, PROFILE_LINK, X_TAB);
    expect(badges()).toEqual(['!']);
    expect(titles()).toEqual(['Perch: Perch could not do that. Try again, or do it on X.']);
  });

  it('says so in Japanese to a Japanese reader', async () => {
    readInJapanese();
    await click(MENU.mute, PROFILE_LINK, X_TAB);
    expect(titles()).toEqual(['Perch: Perchでは実行できませんでした。もう一度試すか、Xで行ってください。']);
  });
});
