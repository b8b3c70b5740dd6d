import { i18n } from '#i18n';
import { browser, type Browser } from 'wxt/browser';
import { parseXUrl } from '@/lib/x-url';
import { lookupUser } from '@/lib/services/lookups';
import { grantedPopupUrl } from '@/lib/popup-gate';
import { readSessionView } from '@/lib/storage';
import { hasBidiControls, isolateBidi } from '@/lib/text/bidi';
import { XApiError } from '@/lib/x/errors';
import type { Services } from './services';

/** Link patterns of posts and profiles on X (the click handler checks which it really is). */
const X_HOSTS = ['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com', 'www.x.com', 'www.twitter.com'];
const POST_LINKS = X_HOSTS.flatMap((h) => [`*://${h}/*/status/*`, `*://${h}/i/web/status/*`]);
const PROFILE_LINKS = X_HOSTS.map((h) => `*://${h}/*`);

export const MENU = {
  bookmark: 'perch-bookmark-post',
  repost: 'perch-repost-post',
  mute: 'perch-mute-account',
  addToList: 'perch-add-to-list',
  share: 'perch-share-page',
} as const;

/** (Re)creates Perch's context-menu entries. Called on install and update. */
export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  const link = (id: string, title: string, targetUrlPatterns: string[]) =>
    browser.contextMenus.create({ id, title, contexts: ['link'], targetUrlPatterns });
  link(MENU.bookmark, i18n.t('menu_bookmark_post'), POST_LINKS);
  link(MENU.repost, i18n.t('menu_repost_post'), POST_LINKS);
  link(MENU.mute, i18n.t('menu_mute_account'), PROFILE_LINKS);
  link(MENU.addToList, i18n.t('menu_add_to_list'), PROFILE_LINKS);
  browser.contextMenus.create({ id: MENU.share, title: i18n.t('menu_share_page'), contexts: ['page'] });
}

/**
 * A short sign on the toolbar icon: "✓" done, "!" refused or not possible; cleared after a few seconds. The title
 * is plain text: callers isolate X's text in it (FSI…PDI), and a title that still holds bidi controls (an error
 * quoting X) is isolated whole, so nothing in it can reverse "Perch:" around it.
 */
async function badge(tabId: number | undefined, text: '✓' | '!', title: string): Promise<void> {
  const where = tabId !== undefined ? { tabId } : {};
  const outsideIsolates = title.replace(/\u2068[^\u2066-\u2069]*\u2069/g, '');
  const safe = hasBidiControls(outsideIsolates) ? isolateBidi(title) : title;
  await browser.action.setBadgeBackgroundColor({ color: text === '✓' ? '#00ba7c' : '#f4212e', ...where });
  await browser.action.setBadgeText({ text, ...where });
  await browser.action.setTitle({ title: i18n.t('menu_title', [safe]), ...where });
  setTimeout(() => {
    // A tab's sign gives way to the toolbar's own (the count of failed actions, failure-badge.ts): null, not '',
    // which would hide that count on this tab. Both browsers document null with a tabId (Chrome's action.setBadgeText,
    // MDN's browserAction.setBadgeText); WXT's types only say string.
    const cleared = tabId !== undefined ? ({ text: null, tabId } as unknown as { text: string; tabId: number }) : { text: '' };
    void browser.action.setBadgeText(cleared);
    void browser.action.setTitle({ title: 'Perch', ...where });
  }, 4000);
}

/**
 * Opens Perch's popup page in a small window, aimed at a page (context menus cannot open the popup itself), with a
 * one-time grant so it loads at once (lib/popup-gate.ts: the same page opened by anyone else waits for a click).
 */
async function openPopupFor(url: string, title = ''): Promise<void> {
  await browser.windows.create({ url: await grantedPopupUrl(url, title), type: 'popup', width: 400, height: 620 });
}

/** What the menus use of the background's services. */
export type MenuServices = Pick<Services, 'outbox' | 'clientFor'>;

/** What Perch reads of a context-menu click (`contextMenus.OnClickData`). */
export interface MenuClickInfo {
  menuItemId: string | number;
  linkUrl?: string | undefined;
  /** The page, and the frame, the link was in: only a link on X itself is acted on at once. */
  pageUrl?: string | undefined;
  frameUrl?: string;
}

/** Whether an address is a page of X itself (https, one of X's hosts). */
function isXPage(url: string | undefined): boolean {
  try {
    const u = new URL(url ?? '');
    return u.protocol === 'https:' && X_HOSTS.includes(u.hostname);
  } catch {
    return false;
  }
}

/**
 * Does what a context-menu entry or keyboard shortcut asked, for the active account, one action at a time. A link
 * on a page outside X (or in a frame outside X) may read one thing and point at another, so there Perch opens its
 * window on the post or profile the link points at, to confirm with a click, instead of acting.
 */
export async function runMenuAction(services: MenuServices, info: MenuClickInfo, tab: Browser.tabs.Tab | undefined): Promise<void> {
  const tabId = tab?.id;
  const id = String(info.menuItemId);
  const linkUrl = info.linkUrl;
  if (id === MENU.share) return openPopupFor(tab?.url ?? info.pageUrl ?? '', tab?.title ?? '');
  const target = parseXUrl(linkUrl ?? '');
  const wants = id === MENU.bookmark || id === MENU.repost ? 'post' : id === MENU.mute || id === MENU.addToList ? 'profile' : undefined;
  if (!wants) return;
  if (target.kind !== wants) return badge(tabId, '!', i18n.t(wants === 'post' ? 'menu_not_post' : 'menu_not_profile'));
  if (id === MENU.addToList || !isXPage(info.frameUrl ?? info.pageUrl ?? tab?.url)) return openPopupFor(linkUrl!);
  const session = await readSessionView();
  const accountId = session.activeAccountId;
  if (!accountId) return badge(tabId, '!', i18n.t('menu_sign_in_first'));
  try {
    if (target.kind === 'post') {
      await services.outbox.enqueue(accountId, id === MENU.bookmark ? 'bookmark' : 'repost', {
        postId: target.postId,
        ...(target.username ? { username: target.username } : {}),
      });
      const whose = target.username ? i18n.t('menu_post_by', [isolateBidi(target.username)]) : i18n.t('menu_post_id', [target.postId]);
      return badge(tabId, '✓', i18n.t(id === MENU.bookmark ? 'menu_done_bookmark' : 'menu_done_repost', [whose]));
    }
    if (target.kind === 'profile') {
      const user = await lookupUser(await services.clientFor(accountId), accountId, target.username);
      await services.outbox.enqueue(accountId, 'mute', { userId: user.id, username: user.username });
      return badge(tabId, '✓', i18n.t('menu_done_mute', [isolateBidi(user.username)]));
    }
  } catch (error) {
    return badge(tabId, '!', failureText(error));
  }
}

/**
 * Why a menu action failed, in the reader's language: X's answer as Perch words it (lib/x/errors.ts). The outbox
 * refuses none of the menu's actions by kind (its refusals are an undo, cancel or retry's, or a type it does not know,
 * and the menu queues only bookmark, repost and mute), so the screens' wording of refusals (lib/reply-words-text.ts)
 * stays out of the worker. Any other Error (a store failure, a bug) speaks the browser's or a developer's English: it
 * is logged, and the icon says only that the action failed.
 */
function failureText(error: unknown): string {
  if (error instanceof XApiError) return error.message;
  console.error('Perch: a menu action failed', error);
  return i18n.t('menu_failed');
}

/** The "Bookmark the post in this tab" shortcut. */
export async function bookmarkCurrentPost(services: MenuServices, tab: Browser.tabs.Tab | undefined): Promise<void> {
  const target = parseXUrl(tab?.url ?? '');
  if (target.kind !== 'post') return badge(tab?.id, '!', i18n.t('menu_tab_not_post'));
  return runMenuAction(services, { menuItemId: MENU.bookmark, linkUrl: tab?.url, pageUrl: tab?.url }, tab);
}
