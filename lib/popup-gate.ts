import { browser } from 'wxt/browser';

/**
 * "Only Perch's own clicks act" for the popup page aimed at a named page (`popup.html?url=…&title=…`).
 *
 * Any other extension may open that address in a tab. The page would run with Perch's rights, so until the person
 * clicks in it, it asks X nothing and writes no draft: it shows the address and a button. Perch's own window (a
 * context-menu entry) carries a one-time grant (`&grant=…`), written here in `storage.session` when Perch opens it,
 * which lets that window load at once. Another extension cannot read Perch's `storage.session`, script Perch's
 * pages, nor send runtime messages as them (Perch has no `onMessageExternal` listener and its `onMessage` listener
 * answers only its own pages), so all it can do is open the page: and an opened page waits for a click.
 *
 * The background enforces the same rule (`guardSender`): a request from a named page that could reach X or write
 * is refused unless that tab is open — by a grant, which the background redeems, or by the person's click, which
 * the page records. Keys: `gate.grants` (written by the background), `gate.open.<tabId>` (one per tab, so the page
 * and the background never overwrite each other's writes). All of it lives in `storage.session`: memory only,
 * never an account's data, gone when the browser closes.
 */

export const GRANT_PARAM = 'grant';
const GRANTS_KEY = 'gate.grants';
const openKey = (tabId: number) => `gate.open.${tabId}`;
/** How long a grant waits for its window to load: generous, a loaded machine can be slow to open a window. */
const GRANT_LIFETIME_MS = 5 * 60_000;

interface Grant {
  /** The `url` the window is aimed at. */
  target: string;
  expires: number;
}
type Grants = Record<string, Grant>;

/** What a named popup page is aimed at, from its own address; undefined for any other page (the toolbar popup). */
export function namedTarget(pageUrl: string | undefined): { url: string; title: string; grant: string | null } | undefined {
  if (!pageUrl) return undefined;
  let params: URLSearchParams;
  try {
    params = new URL(pageUrl).searchParams;
  } catch {
    return undefined;
  }
  const url = params.get('url');
  if (url === null) return undefined;
  return { url, title: params.get('title') ?? '', grant: params.get(GRANT_PARAM) };
}

async function readGrants(): Promise<Grants> {
  const stored = (await browser.storage.session.get(GRANTS_KEY))[GRANTS_KEY];
  return stored && typeof stored === 'object' ? (stored as Grants) : {};
}

/** Background only: the popup page's address aimed at `url`, with a fresh one-time grant to load at once. */
export async function grantedPopupUrl(url: string, title = '', now = Date.now()): Promise<string> {
  const token = crypto.randomUUID();
  const grants = Object.fromEntries(Object.entries(await readGrants()).filter(([, g]) => g.expires > now));
  grants[token] = { target: url, expires: now + GRANT_LIFETIME_MS };
  await browser.storage.session.set({ [GRANTS_KEY]: grants });
  const query = new URLSearchParams({ url, title, [GRANT_PARAM]: token });
  return `${browser.runtime.getURL('/popup.html')}?${query.toString()}`;
}

/** Whether this tab holds this page open: the person clicked in it, or its grant was redeemed. */
async function isOpen(tabId: number, pageUrl: string): Promise<boolean> {
  const key = openKey(tabId);
  return (await browser.storage.session.get(key))[key] === pageUrl;
}

/** Records that the person clicked in the named page in this tab (called from the page's click handler). */
export async function openByClick(tabId: number, pageUrl: string): Promise<void> {
  await browser.storage.session.set({ [openKey(tabId)]: pageUrl });
}

/** Forgets a closed tab. */
export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(openKey(tabId));
}

let redeeming: Promise<unknown> = Promise.resolve();

/**
 * Whether a named page in a tab may act now: already open, or it carries a grant Perch issued for exactly its
 * target, not yet used nor expired — which is then used up (the tab is recorded open first, then the grant goes).
 * Serialised, so two early requests of one window cannot both redeem, nor race each other's writes.
 */
export function redeem(tabId: number, pageUrl: string, now = Date.now()): Promise<boolean> {
  const run = redeeming.then(async () => {
    if (await isOpen(tabId, pageUrl)) return true;
    const named = namedTarget(pageUrl);
    if (!named?.grant) return false;
    const grants = await readGrants();
    const grant = grants[named.grant];
    if (!grant || grant.target !== named.url || grant.expires <= now) return false;
    await browser.storage.session.set({ [openKey(tabId)]: pageUrl });
    delete grants[named.grant];
    await browser.storage.session.set({ [GRANTS_KEY]: grants });
    return true;
  });
  redeeming = run.catch(() => undefined);
  return run;
}

/** Page side: whether this named page may load at once (its grant is valid or already redeemed for this tab). */
export async function mayLoadAtOnce(tabId: number, pageUrl: string, now = Date.now()): Promise<boolean> {
  if (await isOpen(tabId, pageUrl)) return true;
  const named = namedTarget(pageUrl);
  if (!named?.grant) return false;
  const grant = (await readGrants())[named.grant];
  if (grant && grant.target === named.url && grant.expires > now) return true;
  // The background may have redeemed it between the two reads: it records the tab open before removing the grant.
  return isOpen(tabId, pageUrl);
}

/**
 * Requests a named page may send before the person clicks: none reaches X or writes anything of the account
 * (reading settings and a saved draft, and the account header's own buttons, which are clicks themselves).
 */
const BEFORE_A_CLICK: ReadonlySet<string> = new Set(['settings.get', 'draft.get', 'auth.signIn', 'auth.signOut', 'account.switch']);

/**
 * Background side: whether a request may go on. Requests from the toolbar popup and Perch's other pages (no `url`
 * in their address) always may; from a named page, only those above, or once the tab is open.
 */
export async function guardSender(
  message: unknown,
  sender: { url?: string | undefined; tab?: { id?: number | undefined } | undefined },
): Promise<boolean> {
  if (!namedTarget(sender.url)) return true;
  const type = message && typeof message === 'object' ? (message as { type?: unknown }).type : undefined;
  if (typeof type === 'string' && BEFORE_A_CLICK.has(type)) return true;
  const tabId = sender.tab?.id;
  if (tabId === undefined) return false;
  return redeem(tabId, sender.url!);
}
