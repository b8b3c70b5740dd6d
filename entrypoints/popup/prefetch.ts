import type { Request } from '@/lib/messaging';
import { quoteRefusedKey, replyRefusedKey } from '@/lib/refusal-keys';
import type { XUrl } from '@/lib/x-url';
import { readerTimeZone } from '@/lib/time-zone';
import { loadAppWhenParsed } from './app-loader';
import { reopensScreen } from './reload-mark';
import { runSnapshot, SNAPSHOTS_KEY } from './snapshot';
import type { CurrentPage } from './use-current-page';

/**
 * The popup's first question to the background, asked before React and the popup's own code are even parsed.
 *
 * Opening the popup on a post used to be a waterfall: load the scripts (~50 ms here), read the session, render, and
 * only then ask the background what it knows of the post. This runs from a tiny classic script in popup.html's head
 * (the `popup-prefetch` entrypoint), so the answer is on its way while the rest loads; `useTabContext` takes it
 * instead of asking again. It uses the browser's own promise-based API (`browser` in Firefox, `chrome` in Chrome's
 * MV3), as every page of Perch's does. It also hands the app the tab's address parsed (`perchCurrentPage`), so the
 * app's first screen carries no parser of X's addresses (lib/x-url.ts).
 */

export interface TabPrefetch {
  accountId: string;
  /** 'post:<id>' or 'profile:<username>', as `prefetchKey` makes it. */
  key: string;
  /** The background's raw reply ({ ok, data } or { ok: false, error }), unchecked. */
  reply: Promise<unknown>;
}

declare global {
  interface Window {
    perchTabPrefetch?: Promise<TabPrefetch | null> | undefined;
    /** The page the popup acts on, read and parsed here for `useCurrentPage` (./use-current-page.ts). */
    perchCurrentPage?: Promise<CurrentPage | null> | undefined;
  }
}

interface MinimalApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: {
    local: { get(key: string | string[]): Promise<Record<string, unknown>> };
    session?: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
  };
  i18n?: { getUILanguage(): string; getMessage(name: string): string };
  tabs: { query(q: { active: boolean; currentWindow: boolean }): Promise<{ url?: string | undefined; title?: string | undefined }[]> };
}

export type TabTarget = { kind: 'post'; postId: string } | { kind: 'profile'; username: string };

export const prefetchKey = (target: TabTarget): string =>
  target.kind === 'post' ? `post:${target.postId}` : `profile:${target.username.toLowerCase()}`;

/** The one request for what the background knows of a tab's post or profile (here and in `useTabContext`). */
export const tabRequest = (accountId: string, target: TabTarget): Extract<Request, { type: 'tab.post' | 'tab.profile' }> =>
  target.kind === 'post'
    ? { type: 'tab.post', accountId, postId: target.postId }
    : { type: 'tab.profile', accountId, username: target.username };

/**
 * The address the popup names in `tab.here`: X's own address of the tab's post or profile, rebuilt from the parsed
 * target, never the tab's address itself. A real post's address may carry a query or fragment of any length (shared
 * links do: `?s=20&t=…`), longer than the message contract takes (lib/message-contract.ts `tab.here`); this one is a
 * few dozen characters, and the background reads from it the same post or profile.
 */
export const hereUrl = (target: TabTarget): string =>
  target.kind === 'post' ? `https://x.com/i/status/${target.postId}` : `https://x.com/${target.username}`;

/** The background's answer was for another account or address than this page's (a switch meanwhile): not handed over. */
const ELSEWHERE = Symbol('elsewhere');

/** The `tab.here` answer as `tab.post` or `tab.profile` would give it, when it is about this account and target. */
function contextReply(answer: unknown, accountId: string, key: string): unknown {
  if (!answer || typeof answer !== 'object' || (answer as { ok?: unknown }).ok !== true) return answer; // a failure, as it came
  const data = (answer as { data?: unknown }).data as {
    accountId?: unknown;
    target?: Partial<Record<string, unknown>>;
    context?: unknown;
  } | null;
  const target = data?.target;
  const here =
    target?.kind === 'post' && typeof target.postId === 'string'
      ? prefetchKey({ kind: 'post', postId: target.postId })
      : target?.kind === 'profile' && typeof target.username === 'string'
        ? prefetchKey({ kind: 'profile', username: target.username })
        : undefined;
  return data && data.accountId === accountId && here === key ? { ok: true, data: data.context } : ELSEWHERE;
}

/**
 * The page the popup acts on: the active tab (readable through `activeTab`, granted by the click that opened the
 * popup), or the page a context-menu entry named (`?url=…&title=…`, when Perch opens itself in a window); null for a
 * tab without an address. @throws when the tabs cannot be read.
 */
export function readCurrentPage(api: Pick<MinimalApi, 'tabs'>, parse: (url: string) => XUrl): Promise<CurrentPage | null> {
  const named = namedPage(parse);
  return named ? Promise.resolve(named) : tabPage(api, parse);
}

/** The page a context-menu entry named (`?url=…&title=…`), known at once. */
function namedPage(parse: (url: string) => XUrl): CurrentPage | undefined {
  const params = new URLSearchParams(location.search);
  const named = params.get('url');
  return named ? { url: named, title: params.get('title') ?? '', x: parse(named) } : undefined;
}

async function tabPage(api: Pick<MinimalApi, 'tabs'>, parse: (url: string) => XUrl): Promise<CurrentPage | null> {
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab?.url ? { url: tab.url, title: tab.title ?? '', x: parse(tab.url) } : null;
}

async function prefetch(api: MinimalApi, page: CurrentPage | Promise<CurrentPage | null>): Promise<TabPrefetch | null> {
  // Started at once, none waiting for another: the session (the header's account), the kept snapshots (./snapshot.ts
  // picks this post's once the answer is in) and, as soon as the address is known, the question itself. None on a page
  // Perch reloaded to reopen a screen (./part-reload.ts): that screen (a composer, a list picker) is its first, not the
  // post's actions a snapshot shows; painted over it, the snapshot hid it until React's patience ran out, and the
  // composer's box, drawn hidden under it, could not take the focus.
  const session = reopensScreen() ? undefined : api.storage.session;
  const snapshots = session?.get(SNAPSHOTS_KEY);
  snapshots?.catch(() => undefined);
  const stored = api.storage.local.get('session.view').then((got) => {
    const view = got['session.view'] as { activeAccountId?: unknown } | undefined;
    // The popup's first render can show the account at once instead of reading storage again.
    window.perchSessionView = view;
    return view;
  });
  stored.catch(() => undefined);
  // A named page is asked about at once, without waiting a turn.
  const here = page instanceof Promise ? await page : page;
  const url = here?.url;
  // A page aimed at an address that Perch did not open (no grant) and the person has not clicked in is refused by
  // the background (lib/popup-gate.ts), and the page's gate drops that refusal; X is asked nothing either way.
  const target = here?.x;
  // A list's page reads nothing from X (ListPanel shows the store's row).
  if (!url || (target?.kind !== 'post' && target?.kind !== 'profile')) return null;
  // One message, needing no read before it: the background knows the active account.
  const asked = api.runtime.sendMessage({ type: 'tab.here', url: hereUrl(target) } satisfies Request);
  asked.catch(() => undefined);
  const view = await stored;
  const accountId = view?.activeAccountId;
  if (typeof accountId !== 'string') return null;
  const key = prefetchKey(target);
  const reply = asked.then((answer) => contextReply(answer, accountId, key));
  reply.catch(() => undefined); // whoever takes it handles the failure; nobody taking it is no error
  // The post's last first screen, painted at once when it is still the truth (./snapshot.ts).
  if (target.kind === 'post' && session) {
    // The words and the post's date: the reader's language and time zone (components/manager/format.ts).
    const language = `${api.i18n?.getUILanguage() ?? navigator.language} ${readerTimeZone()}`;
    // Reply and Quote on x.com once X refused them (lib/refusals.ts): read as the popup's panel reads them.
    const keys = { quote: quoteRefusedKey(accountId), reply: replyRefusedKey(accountId) };
    const refusals = api.storage.local.get([keys.quote, keys.reply]).then((got) => ({
      quote: typeof got[keys.quote] === 'string',
      reply: Array.isArray(got[keys.reply]) && (got[keys.reply] as unknown[]).includes(target.postId),
    }));
    const storage = { get: (k: string) => session.get(k), set: (items: Record<string, unknown>) => session.set(items) };
    // A click on a painted Bookmark, Like or Repost sends through this same api at once (./snapshot.ts).
    const send = (message: unknown) => api.runtime.sendMessage(message);
    // The snapshots read above are the snapshot's first read; it reads them again only to keep a new one.
    runSnapshot({ storage, accountId, key, reply, session: view, language, refusals, send, stored: snapshots });
  }
  // Handed over once the answer is in: one about another account or address is not (the panel asks itself).
  const mine = await reply.then(
    (answer) => answer !== ELSEWHERE,
    () => true,
  );
  return mine ? { accountId, key, reply } : null;
}

/**
 * Marks the page with the language of its words before the kept screen paints (./snapshot.ts), as `mount` does once
 * React loads (components/mount.tsx): popup.html says lang="en", so a Japanese kept screen was read with an English
 * voice and broken by English rules until then. One synchronous message read; never throws.
 */
function sayPageLanguage(api: MinimalApi, doc: Document | undefined = globalThis.document): void {
  try {
    const lang = api.i18n?.getMessage('page_language');
    if (doc && lang) doc.documentElement.lang = lang;
  } catch {
    // The page keeps popup.html's lang until `mount` sets it.
  }
}

/**
 * Starts the prefetch (once, from popup.html's head), parsing the tab's address with `parse` (lib/x-url.ts
 * `parseXUrl`, which the head script alone bundles). Never throws: without it the popup simply asks later.
 */
export function startTabPrefetch(parse: (url: string) => XUrl): void {
  const g = globalThis as unknown as { browser?: MinimalApi; chrome?: MinimalApi };
  // The popup's app (React) loads once this page is parsed, after the question is on its way: in <head>, its
  // fetching delayed this script's start and with it the kept screen (./app-loader.ts).
  try {
    const api = g.browser ?? g.chrome;
    if (api) {
      const named = namedPage(parse);
      const page = named ? Promise.resolve(named) : tabPage(api, parse);
      window.perchCurrentPage = page;
      window.perchTabPrefetch = prefetch(api, named ?? page).catch(() => null);
    }
    if (api) sayPageLanguage(api);
  } finally {
    loadAppWhenParsed();
  }
}

/** Takes the prefetched reply for this account and target, once; undefined when there is none to take. */
export async function takeTabPrefetch(accountId: string, key: string): Promise<{ reply: Promise<unknown> } | undefined> {
  const pending = window.perchTabPrefetch;
  if (!pending) return undefined;
  window.perchTabPrefetch = undefined;
  const found = await pending;
  // Wrapped: an async function returning the bare promise would wait for the reply itself.
  return found && found.accountId === accountId && found.key === key ? { reply: found.reply } : undefined;
}
