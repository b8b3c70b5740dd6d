import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bookmarkCurrentPost, MENU, runMenuAction } from '@/entrypoints/background/menus';
import type { Services } from '@/entrypoints/background/services';
import { sessionView } from '@/lib/storage';
import type { XClient } from '@/lib/x/client';

const ADA = { id: '1585841080431321088', name: 'Ada Perch', username: 'adaperch' };
const POST_LINK = 'https://x.com/gracehop/status/1960673648440250273';
const PROFILE_LINK = 'https://twitter.com/gracehop';
const TAB = { id: 7, url: 'https://example.com/a', title: 'A page' } as Browser.tabs.Tab;

/** An X stand-in answering every request with one user, parsed by the request's own schema. */
const client = {
  request: async (req: { schema: { parse: (v: unknown) => unknown } }) => ({
    body: req.schema.parse({ data: { id: '1452871219391512578', name: 'Grace Hopper', username: 'gracehop' } }),
    status: 200,
    rateLimit: undefined,
  }),
} as unknown as XClient;

function services() {
  const enqueue = vi.fn(async () => ({}));
  return { enqueue, services: { outbox: { enqueue }, clientFor: async () => client } as unknown as Services };
}

let badgeCalls: { mock: { calls: unknown[][] } };
let windowCalls: { mock: { calls: unknown[][] } };
/** Texts set on the toolbar badge, in order. */
const badges = () => badgeCalls.mock.calls.map((c) => String((c[0] as { text: string }).text));
/** URLs of the windows opened, in order. */
const windows = () => windowCalls.mock.calls.map((c) => String((c[0] as { url: string }).url));

beforeEach(async () => {
  badgeCalls = vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue(undefined);
  vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue(undefined);
  vi.spyOn(fakeBrowser.action, 'setTitle').mockResolvedValue(undefined);
  windowCalls = vi.spyOn(fakeBrowser.windows, 'create').mockResolvedValue(undefined as never);
  await sessionView.setValue({ accounts: [ADA], activeAccountId: ADA.id, notice: null });
});

describe('the context menus and shortcuts', () => {
  it('bookmarks the post a link points to, for the active account, and says so on the icon', async () => {
    const { services: s, enqueue } = services();
    await runMenuAction(s, MENU.bookmark, POST_LINK, TAB);
    expect(enqueue).toHaveBeenCalledWith(ADA.id, 'bookmark', { postId: '1960673648440250273', username: 'gracehop' });
    expect(badges()[0]).toBe('✓');
  });

  it('reposts the post a link points to', async () => {
    const { services: s, enqueue } = services();
    await runMenuAction(s, MENU.repost, POST_LINK, TAB);
    expect(enqueue).toHaveBeenCalledWith(ADA.id, 'repost', { postId: '1960673648440250273', username: 'gracehop' });
  });

  it('mutes the account a link points to, after looking it up', async () => {
    const { services: s, enqueue } = services();
    await runMenuAction(s, MENU.mute, PROFILE_LINK, TAB);
    expect(enqueue).toHaveBeenCalledWith(ADA.id, 'mute', { userId: '1452871219391512578', username: 'gracehop' });
  });

  it.each([
    ['bookmark a profile link', MENU.bookmark, PROFILE_LINK],
    ['mute a post link', MENU.mute, POST_LINK],
    ['bookmark a link elsewhere', MENU.bookmark, 'https://example.com/x/status/1'],
  ])('does nothing but say why when asked to %s', async (_name, id, link) => {
    const { services: s, enqueue } = services();
    await runMenuAction(s, id, link, TAB);
    expect(enqueue).not.toHaveBeenCalled();
    expect(badges()[0]).toBe('!');
  });

  it('asks the person to sign in first when no account is signed in', async () => {
    await sessionView.setValue({ accounts: [], activeAccountId: null, notice: null });
    const { services: s, enqueue } = services();
    await runMenuAction(s, MENU.bookmark, POST_LINK, TAB);
    expect(enqueue).not.toHaveBeenCalled();
    expect(badges()[0]).toBe('!');
  });

  it('opens Perch in a window aimed at the profile to add it to a list', async () => {
    await runMenuAction(services().services, MENU.addToList, PROFILE_LINK, TAB);
    expect(windows()[0]).toBe(`chrome-extension://${fakeBrowser.runtime.id}/popup.html?url=${encodeURIComponent(PROFILE_LINK)}&title=`);
  });

  it('opens the composer on the page to share it', async () => {
    await runMenuAction(services().services, MENU.share, undefined, TAB);
    expect(windows()[0]).toContain(`?url=${encodeURIComponent(TAB.url!)}&title=${encodeURIComponent(TAB.title!)}`);
  });

  it('bookmarks the post in the current tab from the keyboard, and refuses on other pages', async () => {
    const { services: s, enqueue } = services();
    await bookmarkCurrentPost(s, { ...TAB, url: POST_LINK } as Browser.tabs.Tab);
    expect(enqueue).toHaveBeenCalledOnce();
    await bookmarkCurrentPost(s, TAB);
    expect(enqueue).toHaveBeenCalledOnce();
    expect(badges()).toEqual(['✓', '!']);
  });
});

describe('the badge title', () => {
  const titles = () =>
    (fakeBrowser.action.setTitle as unknown as { mock: { calls: unknown[][] } }).mock.calls.map((c) =>
      String((c[0] as { title: string }).title),
    );
  /** Whether every right-to-left override in `text` is closed by a PDI (U+2069) after it. */
  const overridesClosed = (text: string) => [...text.matchAll(/\u202E/g)].every((m) => text.indexOf('\u2069', m.index) > m.index);

  it('isolates the @username it names, so a U+202E in it cannot reverse the rest of the title', async () => {
    const evil = {
      request: async (req: { schema: { parse: (v: unknown) => unknown } }) => ({
        body: req.schema.parse({ data: { id: '1452871219391512578', name: 'Evil\u202E', username: 'gracehop\u202E' } }),
        status: 200,
        rateLimit: undefined,
      }),
    } as unknown as XClient;
    const enqueue = vi.fn(async () => ({}));
    await runMenuAction({ outbox: { enqueue }, clientFor: async () => evil } as unknown as Services, MENU.mute, PROFILE_LINK, TAB);
    const title = titles()[0]!;
    expect(title).toContain('\u2068gracehop\u202E\u2069');
    expect(overridesClosed(title)).toBe(true);
  });

  it('names an ordinary account plainly, with only its own isolate', async () => {
    await runMenuAction(services().services, MENU.mute, PROFILE_LINK, TAB);
    expect(titles()[0]).toContain('@\u2068gracehop\u2069');
  });

  it('isolates a whole error message that quotes X’s text with an override', async () => {
    const enqueue = vi.fn(async () => {
      throw new Error('X refused: Evil\u202E is not allowed');
    });
    await runMenuAction({ outbox: { enqueue } } as unknown as Services, MENU.bookmark, POST_LINK, TAB);
    const title = titles()[0]!;
    expect(title).toContain('\u2068X refused: Evil\u202E is not allowed\u2069');
    expect(overridesClosed(title)).toBe(true);
  });
});
