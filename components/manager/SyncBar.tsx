import { i18n } from '#i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { db, type Collection, type SyncNotice } from '@/lib/db';
import { sendMessage } from '@/lib/messaging';
import { thrownText } from '@/components/error-text';
import { useReadRetry } from '@/components/use-read-retry';
import { Phrases } from '@/components/Phrases';
import { timeOf } from './format';
import { When } from './When';
import { progressShown, syncFailureLine, type SyncFailure, type SyncProgress } from './sync-progress';
import { syncErrorText, syncKeptText, syncNoticeText, syncSoFarText, syncUnreadableText } from './sync-words';

export interface SyncTexts {
  /** The button's visible text ("Sync now"). */
  button: string;
  /** Its accessible name, naming what it syncs ("Sync muted accounts now"). */
  buttonLabel: string;
  /** The line while a sync runs: items read so far, and pages (requests) so far. */
  running(items: number, pages: number): string;
  last(when: string): string;
  never: string;
  /** The sync failed, with why (sync-words.ts). X's limit used up is not a failure: the line says until when it waits. */
  failed(message: string): string;
  /** The second collection (`then`) failed to sync. */
  thenFailed?(message: string): string;
  /**
   * A notice's one short line, for a narrow panel where the whole of it would push the list down (`${prefix}-notice-short`
   * shows it and `${prefix}-notice-whole` the whole, by the tab's own width); none keeps the whole everywhere.
   */
  shortNotice?(notice: SyncNotice): string | undefined;
}

/** Stands for the time inside "Last synced 5 minutes ago.", where the message is split to put it in. */
const WHEN = '\uE000';

/**
 * A tab's sync line: when it last synced with X, progress while it runs, the error when it failed, and the button
 * to sync now. On first show it asks for the daily sync, which the background skips when it already ran today
 * (X bills each resource once per UTC day): opening a tab never costs more than that. `then` is synced right after
 * `collection` (bookmark folders mark bookmarks already stored, so they come second); `prefix` names the classes.
 */
export function SyncBar({
  accountId,
  collection,
  then,
  texts,
  prefix = 'mgr',
}: {
  accountId: string;
  collection: Collection;
  then?: Collection;
  texts: SyncTexts;
  prefix?: string;
}) {
  // undefined while reading; null when never synced.
  const states = useLiveQuery(async () => {
    const [main, second] = await db().syncState.bulkGet([
      [accountId, collection],
      [accountId, then ?? collection],
    ]);
    return { main: main ?? null, then: then ? (second ?? null) : null };
  }, [accountId, collection, then]);
  const state = states?.main;
  const [failure, setFailure] = useState<SyncFailure>();
  const [asked, setAsked] = useState(false);
  const [said, setSaid] = useState<SyncProgress>();

  /** Asks the background to sync (`force`: the person asked, the once-a-day rule does not hold) and says what failed. */
  const request = useCallback(
    async (force: boolean): Promise<SyncFailure | undefined> => {
      try {
        // Errors X reported are also kept in the sync state; thrown ones are Perch's own.
        const result = await sendMessage({ type: 'sync.run', accountId, collection, ...(force ? { force } : {}) });
        if (then) await sendMessage({ type: 'sync.run', accountId, collection: then, ...(force ? { force } : {}) });
        return result.error;
      } catch (e) {
        // The message layer's failure, worded here already.
        return { kind: 'error', message: thrownText(e) };
      }
    },
    [accountId, collection, then],
  );

  useEffect(() => {
    // Once per tab shown and account; the answer for an account no longer shown is dropped.
    let shown = true;
    void request(false).then((failed) => {
      if (shown) setFailure(failed);
    });
    return () => {
      shown = false;
    };
  }, [request]);

  async function syncNow() {
    setAsked(true);
    setFailure(undefined);
    try {
      setFailure(await request(true));
    } finally {
      setAsked(false);
    }
  }

  const running = !!state?.running || asked;
  // X not answering a page of this sync (a 5xx, no answer): Perch's next try, while the sync runs.
  const retry = useReadRetry(accountId, syncReads(accountId, collection, then), running);
  // Never counts back ("12 so far" → "0 so far") when the run ends before its answer arrives (sync-progress.ts).
  const progress = progressShown(said, state?.progress, running, !!state?.running);
  // Remember what the line says for the next render, during this render (React's "store information from previous
  // renders" pattern): an effect would paint once with the old count first. Equal counts set nothing, so it settles.
  if (progress?.items !== said?.items || progress?.pages !== said?.pages) setSaid(progress);
  const error = running ? undefined : (failure ?? state?.error ?? undefined);
  const thenError = running || !states?.then?.error ? undefined : syncErrorText(states.then.error);
  const synced = state?.lastSyncedAt;
  const keptText = syncKeptText(collection, state?.kept);
  const unreadableText = syncUnreadableText(collection, state?.unreadable);
  // The second collection's notice and rows X's errors named (bookmark folders, synced after bookmarks) are said too.
  const thenNotice = then && !thenError && states?.then?.notice ? syncNoticeText(then, states.then.notice) : undefined;
  const thenKeptText = then && !thenError ? syncKeptText(then, states?.then?.kept) : undefined;
  const errorLine = error ? syncFailureLine(error, { failed: (e) => texts.failed(syncErrorText(e)), waiting: waitingWords }) : undefined;
  return (
    <div className={`${prefix}-sync`}>
      {/* Not natively disabled while it runs: Firefox drops the focus from a disabled button to the page, and a keyboard
          user who pressed it would start again from the top. It says it cannot be pressed, and does nothing. */}
      <button
        type="button"
        aria-label={texts.buttonLabel}
        aria-disabled={running || undefined}
        onClick={() => {
          if (!running) void syncNow();
        }}
      >
        {texts.button}
      </button>
      <p className={`${prefix}-sync-state muted`} role="status">
        {running ? (
          soFarWhole(texts.running(progress?.items ?? 0, progress?.pages ?? 0), progress?.items ?? 0)
        ) : synced ? (
          texts
            .last(WHEN)
            .split(WHEN)
            .map((part, i) => [i ? <When key={`when-${i}`} iso={synced} quiet /> : null, <Phrases key={i} text={part} />])
        ) : state === undefined ? (
          ''
        ) : (
          <Phrases text={texts.never} />
        )}
      </p>
      {retry ? (
        <p className={`muted ${prefix}-sync-waiting`} role="status">
          <Phrases text={i18n.t('sync_retrying', { time: timeOf(retry.at) })} />
        </p>
      ) : null}
      {errorLine ? (
        <p
          className={errorLine.waiting ? `muted ${prefix}-sync-waiting` : `error ${prefix}-sync-error`}
          role={errorLine.waiting ? 'status' : 'alert'}
        >
          <Phrases text={errorLine.text} />
        </p>
      ) : null}
      {thenError && texts.thenFailed ? (
        <p className={`error ${prefix}-sync-error`} role="alert">
          <Phrases text={texts.thenFailed(thenError)} />
        </p>
      ) : null}
      {state?.notice && !error && !running ? (
        <p className={`muted ${prefix}-sync-notice`}>
          <NoticeWords whole={syncNoticeText(collection, state.notice)} short={texts.shortNotice?.(state.notice)} prefix={prefix} />
        </p>
      ) : null}
      {keptText && !error && !running ? (
        <p className={`muted ${prefix}-sync-notice`}>
          <Phrases text={keptText} />
        </p>
      ) : null}
      {unreadableText && !error && !running ? (
        <p className={`muted ${prefix}-sync-notice`}>
          <Phrases text={unreadableText} />
        </p>
      ) : null}
      {thenNotice && !running ? (
        <p className={`muted ${prefix}-sync-notice`}>
          <Phrases text={thenNotice} />
        </p>
      ) : null}
      {thenKeptText && !running ? (
        <p className={`muted ${prefix}-sync-notice`}>
          <Phrases text={thenKeptText} />
        </p>
      ) : null}
    </div>
  );
}

/**
 * A running sync's line with its count phrase ("12 so far." / 「これまでに12件。」, syncSoFarText) kept on one line, so
 * the number never starts a line alone; a line without it (the Bookmarks tab's counts pages too) is shown as it is.
 */
function soFarWhole(line: string, items: number): ReactNode {
  const phrase = syncSoFarText(items);
  const at = line.lastIndexOf(phrase);
  if (at < 0) return <Phrases text={line} />;
  return (
    <>
      <Phrases text={line.slice(0, at)} />
      <span className="sync-count">{phrase}</span>
      <Phrases text={line.slice(at + phrase.length)} />
    </>
  );
}

/** A notice whole, or whole and short, each in its span: the tab's CSS shows the one that fits its width. */
function NoticeWords({ whole, short, prefix }: { whole: string; short: string | undefined; prefix: string }) {
  if (!short) return <Phrases text={whole} />;
  return (
    <>
      <span className={`${prefix}-notice-whole`}>
        <Phrases text={whole} />
      </span>
      <span className={`${prefix}-notice-short`}>
        <Phrases text={short} />
      </span>
    </>
  );
}

/** What each collection's sync reads under /2/users/:id/ (lib/services/sync-bookmarks.ts, sync-lists.ts). */
const SYNC_PATHS: Record<Collection, string> = {
  bookmarks: 'bookmarks',
  bookmarkFolders: 'bookmarks/folders',
  lists: 'owned_lists|followed_lists|pinned_lists|list_memberships',
  muted: 'muting',
  blocked: 'blocking',
};

/** The reads of a sync of `collection` (and `then`), by their names in lib/services/read-retries.ts. */
function syncReads(accountId: string, collection: Collection, then: Collection | undefined): RegExp {
  const both = [collection, ...(then ? [then] : [])];
  const paths = both.map((c) => SYNC_PATHS[c]).join('|');
  // A Lists sync also reads a List's member count again (getListsById, GET /2/lists/:id; sync-lists.ts).
  const lists = both.includes('lists') ? '|^GET /2/lists/\\d+$' : '';
  return new RegExp(`^GET /2/users/${accountId}/(?:${paths})(?:/|$)${lists}`);
}

/** X's limit used up: "Waiting for X's limit until 14:32", or without its end when X gave none. */
function waitingWords(until?: number): string {
  return until ? i18n.t('sync_waiting_for_limit_until', [timeOf(until)]) : i18n.t('sync_waiting_for_limit');
}
