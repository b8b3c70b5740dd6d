import { db } from '@/lib/db';
import { useLiveQuery } from 'dexie-react-hooks';
import { i18n } from '#i18n';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  bookmarksToCsv,
  bookmarksToJson,
  bookmarksToMarkdown,
  downloadFile,
  EXPORT_MIME,
  exportFileName,
  postTextSegments,
  postUrl,
  type ExportedBookmark,
  type ExportFormat,
} from '@/lib/export';
import { benchMark } from '@/lib/bench-mark';
import { MessageError, sendMessage } from '@/lib/messaging';
import type { SyncStateRow } from '@/lib/db';
import { ActionStatusLine } from './ActionStatusLine';
import { dateOf, timeOf } from './format';
import { useAction } from './use-action';
import { filterBookmarks, useBookmarkFolders, useBookmarks, useBookmarkSync, type BookmarkItem } from './use-bookmarks';

/** A count as the person's locale writes it: "10,000". */
const num = (n: number) => n.toLocaleString();

/** "23 Nov 2026, 14:05" in the person's locale. */
function dateTimeOf(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** What went wrong with a sync, in a sentence: X's rate limit says when to try again. */
function syncErrorText(error: SyncStateRow['error']): string | undefined {
  if (!error) return undefined;
  const reset = (error as { rateLimitReset?: number }).rateLimitReset;
  if (error.kind === 'rate-limited' && reset) return i18n.t('bookmarks_rate_limited', [timeOf(reset * 1000)]);
  return i18n.t('bookmarks_sync_failed', [error.message]);
}

function toExported(b: BookmarkItem, folderNames: Map<string, string>): ExportedBookmark {
  const username = b.author?.username;
  return {
    id: b.postId,
    url: postUrl(b.postId, username),
    ...(b.post?.createdAt ? { createdAt: b.post.createdAt } : {}),
    ...(b.author ? { authorName: b.author.name, authorUsername: b.author.username } : {}),
    segments: b.post ? postTextSegments(b.post.text, b.post.urls) : [],
    mediaCount: b.post?.mediaCount ?? 0,
    ...(b.post?.quotedId ? { quotedId: b.post.quotedId } : {}),
    folders: b.folderIds.flatMap((id) => folderNames.get(id) ?? []),
  };
}

/** Marks the first time the list is drawn with rows, for the benchmarks (User Timing). */
function markFirstList(): void {
  benchMark('perch-bookmarks-list');
}

/**
 * The Bookmarks tab: the local copy of the account's bookmarks, newest first, in a virtualised list; instant search
 * (text, links, author; case- and accent-insensitive) over the copy in memory; X's folders as a filter; Open on X,
 * Remove with Undo; Sync now with progress; exports as JSON, CSV and Markdown.
 */
export function BookmarksView({ accountId, username }: { accountId: string; username?: string }) {
  const stored = useBookmarks(accountId);
  // Rows removed a moment ago leave the screen at once, before the store's next read of every bookmark arrives:
  // post id → the outbox action removing it (undefined until the background has it).
  const [leaving, setLeaving] = useState<ReadonlyMap<string, number | undefined>>(() => new Map());
  const items = useMemo(
    () => (leaving.size && stored ? stored.items.filter((b) => !leaving.has(b.postId)) : stored?.items),
    [stored, leaving],
  );
  // Removals X has answered (done or refused): from then on the store decides (a refusal brings the row back).
  const settled = useLiveQuery(async () => {
    const seqs = [...leaving.values()].filter((n): n is number => n !== undefined);
    if (!seqs.length) return [];
    const rows = await db().actions.bulkGet(seqs);
    return rows.flatMap((r) => (r && (r.state === 'done' || r.state === 'failed') ? [r.seq!] : []));
  }, [leaving]);
  useEffect(() => {
    if (!leaving.size) return;
    const present = stored?.complete ? new Set(stored.items.map((b) => b.postId)) : undefined;
    const done = new Set(settled ?? []);
    const keep = [...leaving].filter(([id, seq]) => !(seq !== undefined && done.has(seq)) && (!present || present.has(id)));
    if (keep.length !== leaving.size) setLeaving(new Map(keep));
  }, [stored, leaving, settled]);
  const complete = !!stored?.complete;
  const folders = useBookmarkFolders(accountId);
  const sync = useBookmarkSync(accountId);
  const { status, setStatus, run } = useAction(accountId);
  const [query, setQuery] = useState('');
  const [folderId, setFolderId] = useState('');
  const [syncAsked, setSyncAsked] = useState(false);
  const [syncFailure, setSyncFailure] = useState<string>();
  const [what, setWhat] = useState<string>();
  const [undoSeq, setUndoSeq] = useState<number>();
  const [exported, setExported] = useState<{ text: string; error?: boolean }>();
  const statusRef = useRef<HTMLDivElement>(null);
  const ids = { search: useId(), folder: useId(), count: useId() };

  const folderNames = useMemo(() => new Map((folders ?? []).map((f) => [f.id, f.name])), [folders]);
  // A folder that disappeared in a sync no longer filters.
  const activeFolder = folderId && folders && !folderNames.has(folderId) ? '' : folderId;
  // Typing stays instant: the input updates at once, the results as soon as React can (never blocking a keystroke).
  const deferredQuery = useDeferredValue(query);
  const deferredFolder = useDeferredValue(activeFolder);
  const shown = useMemo(() => filterBookmarks(items ?? [], deferredQuery, deferredFolder), [items, deferredQuery, deferredFolder]);

  /** "Sync now" (forced), or the day's sync when the tab is first shown (the background skips it if it already ran today). */
  async function syncNow(force = true) {
    if (force) setSyncAsked(true);
    setSyncFailure(undefined);
    try {
      // Errors X reported are kept in the sync state and shown from there; these are Perch's own. Folders come
      // second: they mark bookmarks already stored, so a first sync needs the bookmarks there before.
      await sendMessage({ type: 'sync.run', accountId, collection: 'bookmarks', ...(force ? { force } : {}) });
      await sendMessage({ type: 'sync.run', accountId, collection: 'bookmarkFolders', ...(force ? { force } : {}) });
    } catch (e) {
      setSyncFailure(e instanceof MessageError ? e.message : String(e));
    } finally {
      if (force) setSyncAsked(false);
    }
  }

  useEffect(() => {
    // Once per account shown: a first visit fills the local copy without a click; later ones cost nothing the same day.
    void syncNow(false);
  }, [accountId]);

  const remove = useCallback(
    async (b: BookmarkItem) => {
      const who = b.author ? `@${b.author.username}` : i18n.t('bookmarks_unknown_author');
      setWhat(i18n.t('bookmarks_remove_what', [who]));
      setUndoSeq(undefined);
      setLeaving((l) => new Map([...l, [b.postId, undefined]]));
      const seq = await run({ type: 'unbookmark', params: { postId: b.postId, ...(b.author ? { username: b.author.username } : {}) } }, '');
      setLeaving((l) => {
        const next = new Map(l);
        if (seq === undefined) next.delete(b.postId);
        else if (next.has(b.postId)) next.set(b.postId, seq);
        return next;
      });
      // The row the person acted on is gone: keep their place at the status line, where Undo is.
      statusRef.current?.focus();
    },
    [run],
  );
  const onRemove = useCallback((b: BookmarkItem) => void remove(b), [remove]);

  async function undo(seq: number) {
    try {
      const { seq: undone } = await sendMessage({ type: 'action.undo', accountId, seq });
      setUndoSeq(undone);
    } catch (e) {
      setStatus({ text: e instanceof MessageError ? e.message : String(e), error: true });
    }
  }

  function exportAs(format: ExportFormat) {
    try {
      const list = shown.map((b) => toExported(b, folderNames));
      const account = username ?? accountId;
      const text =
        format === 'json'
          ? bookmarksToJson(list, { account, exportedAt: new Date().toISOString() })
          : format === 'csv'
            ? bookmarksToCsv(list)
            : bookmarksToMarkdown(list, {
                title: i18n.t('export_title', [account]),
                openOnX: i18n.t('bookmarks_open_on_x'),
                quoted: i18n.t('export_quoted'),
                media: (n) => i18n.t('bookmarks_media', n),
              });
      const name = exportFileName('bookmarks', format);
      downloadFile(name, EXPORT_MIME[format], text);
      setExported({ text: i18n.t('export_saved', [i18n.t('bookmarks_count', list.length, [num(list.length)]), name]) });
    } catch (e) {
      setExported({ text: i18n.t('export_failed', [e instanceof Error ? e.message : String(e)]), error: true });
    }
  }

  const state = sync?.bookmarks;
  const running = syncAsked || !!state?.running;
  const progress = state?.running ? state.progress : undefined;
  const syncLine = running
    ? progress && progress.pages > 0
      ? i18n.t('bookmarks_syncing', [num(progress.pages), num(progress.items)])
      : i18n.t('bookmarks_syncing_start')
    : state?.lastSyncedAt
      ? i18n.t('bookmarks_last_synced', [dateTimeOf(state.lastSyncedAt)])
      : sync
        ? i18n.t('bookmarks_never_synced')
        : '';
  const bookmarksError = running ? undefined : (syncFailure ?? syncErrorText(state?.error ?? undefined));
  const foldersError = running || !sync?.folders?.error ? undefined : i18n.t('bookmarks_folders_failed', [sync.folders.error.message]);

  const total = items?.length ?? 0;
  const filtering = !!deferredQuery.trim() || !!deferredFolder;

  return (
    <div className="bookmarks-view">
      <div className="bookmarks-sync">
        <button type="button" aria-label={i18n.t('bookmarks_sync_label')} disabled={syncAsked} onClick={() => void syncNow()}>
          {i18n.t('bookmarks_sync_now')}
        </button>
        <p className="bookmarks-sync-state muted" role="status">
          {syncLine}
        </p>
      </div>
      {bookmarksError ? (
        <p className="error bookmarks-sync-error" role="alert">
          {bookmarksError}
        </p>
      ) : null}
      {foldersError ? (
        <p className="error bookmarks-sync-error" role="alert">
          {foldersError}
        </p>
      ) : null}
      {state?.notice && !running && !bookmarksError ? <p className="muted bookmarks-sync-notice">{state.notice.message}</p> : null}

      <div className="bookmarks-filters">
        <label className="visually-hidden" htmlFor={ids.search}>
          {i18n.t('bookmarks_search_label')}
        </label>
        <input
          id={ids.search}
          className="bookmarks-search"
          type="search"
          value={query}
          placeholder={i18n.t('bookmarks_search_placeholder')}
          aria-describedby={ids.count}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setQuery(e.target.value)}
        />
        {folders?.length ? (
          <span className="bookmarks-folder">
            <label htmlFor={ids.folder}>{i18n.t('bookmarks_folder_label')}</label>
            <select id={ids.folder} value={activeFolder} onChange={(e) => setFolderId(e.target.value)}>
              <option value="">{i18n.t('bookmarks_folder_all')}</option>
              {folders.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          </span>
        ) : null}
      </div>

      <div className="bookmarks-meta">
        <p id={ids.count} className="bookmarks-count muted" aria-live="polite">
          {items === undefined
            ? ''
            : !complete
              ? i18n.t('bookmarks_count_loading')
              : filtering
                ? i18n.t('bookmarks_count_filtered', [num(shown.length), num(total)])
                : i18n.t('bookmarks_count', total, [num(total)])}
        </p>
        <div className="export-buttons" role="group" aria-label={i18n.t('export_label')}>
          <button type="button" disabled={!complete || !shown.length} onClick={() => exportAs('json')}>
            {i18n.t('export_json')}
          </button>
          <button type="button" disabled={!complete || !shown.length} onClick={() => exportAs('csv')}>
            {i18n.t('export_csv')}
          </button>
          <button type="button" disabled={!complete || !shown.length} onClick={() => exportAs('md')}>
            {i18n.t('export_markdown')}
          </button>
        </div>
      </div>
      {exported ? (
        <p className={`export-status${exported.error ? ' error' : ' muted'}`} role={exported.error ? 'alert' : 'status'}>
          {exported.text}
        </p>
      ) : null}

      <div ref={statusRef} tabIndex={-1} className="bookmarks-status">
        <ActionStatusLine accountId={accountId} status={status} undoSeq={undoSeq} what={what} onUndo={(seq) => void undo(seq)} />
      </div>

      {items === undefined ? (
        <p className="bookmarks-empty muted" aria-busy="true">
          {i18n.t('bookmarks_loading')}
        </p>
      ) : !total ? (
        <p className="bookmarks-empty">{i18n.t('bookmarks_empty')}</p>
      ) : !shown.length && !complete ? (
        <p className="bookmarks-empty muted" aria-busy="true">
          {i18n.t('bookmarks_loading')}
        </p>
      ) : !shown.length ? (
        <p className="bookmarks-empty">
          {deferredQuery.trim() ? i18n.t('bookmarks_no_match', [deferredQuery.trim()]) : i18n.t('bookmarks_empty_folder')}
        </p>
      ) : (
        <BookmarkList items={shown} resultsFor={`${deferredFolder}|${deferredQuery}`} onRemove={onRemove} />
      )}
    </div>
  );
}

const BookmarkList = memo(function BookmarkList({
  items,
  resultsFor,
  onRemove,
}: {
  items: readonly BookmarkItem[];
  resultsFor: string;
  onRemove: (b: BookmarkItem) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 120,
    overscan: 6,
    getItemKey: (i) => items[i]!.postId,
    useFlushSync: false,
    measureElement: (el, entry, instance) => {
      const size = entry?.borderBoxSize[0]?.blockSize ?? el.getBoundingClientRect().height;
      // In a hidden tab (display: none) every row measures 0: keep what was measured while it showed.
      return size > 0 ? size : (instance.measurementsCache[instance.indexFromElement(el)]?.size ?? 120);
    },
  });

  useEffect(() => {
    // A hidden tab loses its scroll position without a scroll event: when it shows again, put the list back where
    // the virtualiser still believes it is.
    const el = scrollRef.current;
    if (!el) return;
    let hidden = false;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry?.contentRect.height) hidden = true;
      else if (hidden) {
        hidden = false;
        el.scrollTop = virtualizer.scrollOffset ?? 0;
      }
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [virtualizer]);

  useEffect(() => {
    // A new search starts at the top of its results.
    virtualizer.scrollToOffset(0);
  }, [resultsFor, virtualizer]);

  useEffect(markFirstList, []);

  return (
    // Tabbing through the links and buttons of the rows scrolls the list, and the rows around the focus are drawn.
    <div ref={scrollRef} className="bookmarks-scroll">
      <div
        role="list"
        aria-label={i18n.t('bookmarks_list_label')}
        className="bookmarks-list"
        data-results-for={resultsFor}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((v) => {
          const item = items[v.index]!;
          return (
            <div
              key={v.key}
              role="listitem"
              className="bookmarks-item"
              aria-setsize={items.length}
              aria-posinset={v.index + 1}
              data-index={v.index}
              ref={virtualizer.measureElement}
              style={{ transform: `translateY(${v.start}px)` }}
            >
              <BookmarkCard item={item} onRemove={onRemove} />
            </div>
          );
        })}
      </div>
    </div>
  );
});

export const BookmarkCard = memo(function BookmarkCard({ item, onRemove }: { item: BookmarkItem; onRemove: (b: BookmarkItem) => void }) {
  const { post, author } = item;
  const segments = useMemo(() => (post ? postTextSegments(post.text, post.urls) : []), [post]);
  const href = postUrl(item.postId, author?.username);
  return (
    <article className="bookmarks-card" aria-label={author ? `${author.name} @${author.username}` : i18n.t('bookmarks_unknown_author')}>
      <div className="bookmarks-author">
        {author?.profileImageUrl ? (
          <img className="avatar" src={author.profileImageUrl} alt="" width={36} height={36} loading="lazy" decoding="async" />
        ) : (
          <span className="avatar bookmarks-avatar-blank" aria-hidden="true" />
        )}
        <span className="bookmarks-names">
          <span className="bookmarks-name">{author ? <bdi>{author.name}</bdi> : i18n.t('bookmarks_unknown_author')}</span>
          {author ? (
            <span className="muted">
              {' '}
              <bdi>@{author.username}</bdi>
            </span>
          ) : null}
        </span>
        {post?.createdAt ? (
          <time className="muted bookmarks-date" dateTime={post.createdAt}>
            {dateOf(post.createdAt)}
          </time>
        ) : null}
      </div>
      {post ? (
        <p className="bookmarks-text">
          {segments.map((s, i) =>
            s.href ? (
              <a key={i} href={s.href} target="_blank" rel="noreferrer">
                {s.text}
              </a>
            ) : (
              <span key={i}>{s.text}</span>
            ),
          )}
        </p>
      ) : (
        <p className="bookmarks-text muted">{i18n.t('bookmarks_post_gone')}</p>
      )}
      {post && (post.mediaCount > 0 || post.quotedId) ? (
        <p className="bookmarks-markers">
          {post.mediaCount > 0 ? <span className="bookmarks-marker">{i18n.t('bookmarks_media', post.mediaCount)}</span> : null}
          {post.quotedId ? (
            <a className="bookmarks-marker" href={postUrl(post.quotedId)} target="_blank" rel="noreferrer">
              {i18n.t('bookmarks_quote')}
            </a>
          ) : null}
        </p>
      ) : null}
      <div className="bookmarks-actions">
        <a href={href} target="_blank" rel="noreferrer">
          {i18n.t('bookmarks_open_on_x')}
        </a>
        <button type="button" className="link bookmarks-remove" onClick={() => onRemove(item)}>
          {i18n.t('bookmarks_remove')}
        </button>
      </div>
    </article>
  );
});
