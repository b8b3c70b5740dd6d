/**
 * The popup's first screen on a post, painted from a snapshot before React has even loaded (issue 13, "Speed").
 *
 * Parsing and running React and the popup's code takes most of the time to a usable popup. So the popup keeps, in
 * storage.session (memory only, extension pages only), the HTML of its last first screen on a post together with the
 * exact answer of the background it was made from. The next time it opens on that post, the head script
 * (prefetch.ts, no React) has the background's answer within a few milliseconds; when that answer is the same, to the
 * last field, as the one the snapshot was made from (and the account and language are the same), the snapshot is
 * the screen React is about to draw, and it is painted at once. Any difference — another action, another state, a
 * sign-in — and nothing is painted: the popup never shows a guessed state. Snapshots are never made while an action
 * is on its way nor for a post still in X's edit window (their words change with time). What X refused of the
 * account (lib/refusals.ts: Reply and Quote on x.com) is part of what a snapshot stands for; the parts of the screen
 * that follow other stores (the failed actions' line, the way-in links and their counts) are left out of it, and
 * appear when React takes over. A screen is kept only once it has stood still for `SNAPSHOT_SETTLE_MS` untouched:
 * React's first screen may still be filling in from storage.
 *
 * React renders beside it, hidden, and takes over the moment its own first screen is there (in the same frame: a
 * MutationObserver runs before the frame is painted). A click on Bookmark, Like or Repost (the outbox's toggles) acts
 * at once: React's button carries the exact `action.do` request it would send (`data-perch-send`, kept in the
 * snapshot's HTML), and the snapshot sends that request itself through the head script's raw api, shows the action
 * on its way on the button (the label and note React's screen shows for it), and hands the reply to React's panel
 * (`earlySent`), which follows that action as its own: no second send. Any other click (Reply, Quote, Block, a menu,
 * a link) is held and made again on the same button of React's screen, the one that runs the popup's own code; focus
 * moves along with it. Only the first click on a snapshot counts.
 */

import { atPlace, placeOf, snapshotHtml, snapshotView, TARGETS, type Place } from './snapshot-html';
import { sendEarly, SHOWN_EVENT, SnapshotClicks, SEND_ATTRIBUTE } from './snapshot-send';

/** One snapshot: the HTML of the popup's first screen and what it was made from. */
export interface Snapshot {
  /** `snapshotDigest` of the background's answer, the session and the language it was drawn from. */
  digest: string;
  html: string;
}

/** The storage.session key holding the latest few snapshots, by account and post. */
export const SNAPSHOTS_KEY = 'popup.snapshots';
/** How many posts keep a snapshot (the latest opened). */
export const SNAPSHOTS_KEPT = 4;
/** React's first screen is the post's panel: its section (or the gate, or the panel's failure). */
const READY = '.post-panel, .popup-gate, main .error';
/** How long React's first screen must stay the same, untouched, to be kept as the next snapshot. */
export const SNAPSHOT_SETTLE_MS = 300;
/** How long the snapshot may stand in for React's screen before React's own screen is shown, whatever it is. */
export const SNAPSHOT_PATIENCE_MS = 2500;

interface ActionLike {
  state?: unknown;
}

/**
 * What a snapshot stands for: the background's raw answer on the post, the session the header shows and the
 * language; undefined when this answer must not be painted from a snapshot at all (a failure, no post, an action on
 * its way, a post in its edit window).
 */
export function snapshotDigest(reply: unknown, session: unknown, language: string, refusals: unknown = null): string | undefined {
  if (!reply || typeof reply !== 'object' || (reply as { ok?: unknown }).ok !== true) return undefined;
  const data = (reply as { data?: unknown }).data as
    { kind?: unknown; post?: unknown; actions?: unknown; edit?: unknown; error?: unknown } | undefined;
  if (!data || data.kind !== 'post' || !data.post || data.edit !== undefined || data.error !== undefined) return undefined;
  if (!Array.isArray(data.actions)) return undefined;
  if ((data.actions as ActionLike[]).some((a) => a?.state !== 'done' && a?.state !== 'failed')) return undefined;
  return JSON.stringify([language, session, refusals, data]);
}

/** The entry of this account and post. */
export const snapshotEntry = (accountId: string, key: string): string => `${accountId} ${key}`;

/** Reads the snapshot kept for this account and post, if any. */
export function pickSnapshot(stored: unknown, entry: string): Snapshot | undefined {
  const list = Array.isArray(stored) ? (stored as unknown[]) : [];
  for (const item of list) {
    if (!Array.isArray(item) || item[0] !== entry) continue;
    const snap = item[1] as Partial<Snapshot> | undefined;
    if (typeof snap?.digest === 'string' && typeof snap.html === 'string') return { digest: snap.digest, html: snap.html };
  }
  return undefined;
}

/** The kept list with this snapshot first, and only the latest `SNAPSHOTS_KEPT`. */
export function withSnapshot(stored: unknown, entry: string, snap: Snapshot): [string, Snapshot][] {
  const list = (Array.isArray(stored) ? (stored as unknown[]) : []).filter(
    (item): item is [string, Snapshot] => Array.isArray(item) && typeof item[0] === 'string' && item[0] !== entry,
  );
  return [[entry, snap] as [string, Snapshot], ...list].slice(0, SNAPSHOTS_KEPT);
}

interface Storage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface SnapshotDeps {
  storage: Storage | undefined;
  accountId: string;
  /** 'post:<id>' (prefetch.ts's `prefetchKey`). */
  key: string;
  /** The background's raw answer on the post (the prefetch's request). */
  reply: Promise<unknown>;
  session: unknown;
  language: string;
  /** What X refused of this account that the screen shows (lib/refusals.ts), as stored. */
  refusals: Promise<unknown>;
  /** Sends a message to the background (the head script's raw `runtime.sendMessage`): a toggle's early send. */
  send?: (message: unknown) => Promise<unknown>;
  /** The kept snapshots as read when the popup opened (the head script starts that read first); read here if not. */
  stored?: Promise<Record<string, unknown>> | undefined;
}

/**
 * Paints the kept snapshot of this post when it stands for the background's answer, hands over to React's screen
 * when that is there, and keeps React's first screen as the next snapshot. Never throws; without storage.session it
 * does nothing.
 */
export function runSnapshot(deps: SnapshotDeps): void {
  const { storage } = deps;
  if (!storage || typeof document === 'undefined') return;
  const entry = snapshotEntry(deps.accountId, deps.key);
  const stored = (deps.stored ?? storage.get(SNAPSHOTS_KEY)).then(
    (got) => got[SNAPSHOTS_KEY],
    () => undefined,
  );
  const digest = Promise.all([deps.reply, deps.refusals]).then(
    ([reply, refusals]) => snapshotDigest(reply, deps.session, deps.language, refusals),
    () => undefined,
  );
  try {
    whenRoot((root) => follow(root, storage, entry, stored, digest, deps));
  } catch {
    // Nothing painted: the popup waits for React, as it would without a snapshot.
  }
}

/**
 * Calls `then` with the popup's root element the moment the parser has put it in the document: the head script runs
 * before the body exists. It does not wait for DOMContentLoaded, the moment the head script starts loading the popup's
 * app (./app-loader.ts), so the kept screen is in the document before React's scripts are asked for.
 */
function whenRoot(then: (root: HTMLElement) => void): void {
  const found = document.getElementById('root');
  if (found) return then(found);
  let done = false;
  const take = () => {
    const root = document.getElementById('root');
    if (done || !root) return;
    done = true;
    watcher.disconnect();
    then(root);
  };
  const watcher = new MutationObserver(take);
  watcher.observe(document, { childList: true, subtree: true });
  // The whole page is parsed by then: the root is there or never will be, and nothing is left to watch.
  document.addEventListener(
    'DOMContentLoaded',
    () => {
      take();
      watcher.disconnect();
    },
    { once: true },
  );
}

function follow(
  root: HTMLElement,
  storage: Storage,
  entry: string,
  stored: Promise<unknown>,
  digest: Promise<string | undefined>,
  deps: SnapshotDeps,
): void {
  let shown: HTMLElement | undefined;
  let held: Place | undefined;
  let sent = false;
  const clicks = new SnapshotClicks(deps.accountId, deps.key.startsWith('post:') ? deps.key.slice('post:'.length) : '');
  let over = false;
  let touched = false;
  /** How many times the person pressed a key or a pointer on the page: a screen kept must stand still untouched. */
  let touches = 0;
  const ready = () => root.querySelector(READY) !== null;
  const onPerson = () => {
    touched = true;
    touches++;
  };
  document.addEventListener('pointerdown', onPerson, true);
  document.addEventListener('keydown', onPerson, true);

  // Registered before React renders anything: it runs first after each of React's commits, before the frame.
  const observer = new MutationObserver(() => {
    if (ready()) handOver();
  });
  observer.observe(root, { childList: true, subtree: true });
  const patience = setTimeout(handOver, SNAPSHOT_PATIENCE_MS);

  // The kept screen is made ready (parsed, listening) while the background's answer is on its way, and put on the
  // page the moment that answer shows it is still the truth.
  const prepared = stored.then((kept) => {
    const snap = pickSnapshot(kept, entry);
    return snap && !over ? { digest: snap.digest, view: prepare(snap.html) } : undefined;
  });
  prepared.catch(() => undefined); // not prepared: nothing is painted, React's screen comes as without a snapshot
  void Promise.all([digest, prepared]).then(
    ([answer, snap]) => {
      if (over || answer === undefined || ready() || snap?.digest !== answer) return;
      shown = paint(root, snap.view);
    },
    () => undefined,
  );

  function prepare(html: string): HTMLElement {
    const view = snapshotView(html);
    // A click before React is there (the first click only): a toggle sends at once; anything else is held, and
    // made on React's same button.
    view.addEventListener('click', (e) => {
      const target = e.target instanceof Element ? e.target.closest<HTMLElement>(TARGETS) : null;
      if (!target || !view.contains(target)) return;
      e.preventDefault();
      e.stopPropagation();
      const plan = clicks.take(deps.send ? target.getAttribute(SEND_ATTRIBUTE) : undefined);
      if (!plan) return;
      if ('send' in plan && deps.send) {
        sent = true;
        sendEarly(view, target, plan.send, deps.send, deps);
      } else held = placeOf(view, target);
    });
    return view;
  }

  function paint(at: HTMLElement, view: HTMLElement): HTMLElement {
    at.hidden = true;
    at.before(view);
    // Where the popup puts focus (use-first-action-focus.ts): the first action, unless the person is somewhere.
    if (!document.activeElement || document.activeElement === document.body) {
      view.querySelector<HTMLElement>('.quick-actions button:not([disabled], [aria-disabled="true"]), .quick-actions a[href]')?.focus();
    }
    return view;
  }

  // Later screens: each answer React's panel shows in full (`noteShown`), such as the post read again after an action
  // the person made completed, is kept once it has stood still, untouched, for the same time — with its own digest.
  let later: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener(SHOWN_EVENT, () => {
    const noted = window.perchShown;
    clearTimeout(later);
    if (!over || !noted || snapshotEntry(noted.accountId, noted.key) !== entry || root.hidden) return;
    if (root.querySelector('.post-panel') === null) return;
    const html = snapshotHtml(root);
    const since = touches;
    void deps.refusals.then(
      (refusals) => {
        const made = snapshotDigest({ ok: true, data: noted.data }, deps.session, deps.language, refusals);
        if (made === undefined) return;
        later = setTimeout(() => {
          if (window.perchShown === noted && touches === since && snapshotHtml(root) === html) void keep(made, html);
        }, SNAPSHOT_SETTLE_MS);
      },
      () => undefined,
    );
  });

  function handOver() {
    if (over) return;
    over = true;
    observer.disconnect();
    clearTimeout(patience);
    const reached = ready() && root.querySelector('.post-panel') !== null;
    // Taken now, before anyone can click: React's first screen, drawn from the same answer as the digest.
    const html = reached ? snapshotHtml(root) : undefined;
    if (shown) {
      const active = document.activeElement;
      const focused = active instanceof HTMLElement && shown.contains(active) ? placeOf(shown, active) : undefined;
      shown.remove();
      root.hidden = false;
      if (focused) atPlace(root, focused)?.focus();
      if (held) atPlace(root, held)?.click();
    }
    if (html !== undefined)
      setTimeout(() => {
        // Still the same screen, and nobody acted on it: what React draws from this answer.
        if (!touched && !held && !sent && snapshotHtml(root) === html)
          void digest.then(
            (made) => (made === undefined ? undefined : keep(made, html)),
            () => undefined,
          );
      }, SNAPSHOT_SETTLE_MS);
  }

  /**
   * Keeps this screen as the post's snapshot. The kept list is read again just before it is written, not taken from
   * the popup's opening: another popup may have kept a screen of another post meanwhile, and it stays.
   */
  async function keep(made: string, html: string) {
    try {
      const kept = await storage.get(SNAPSHOTS_KEY);
      await storage.set({ [SNAPSHOTS_KEY]: withSnapshot(kept[SNAPSHOTS_KEY], entry, { digest: made, html }) });
    } catch {
      // No snapshot this time: the next popup simply waits for React.
    }
  }
}
