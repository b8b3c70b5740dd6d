import { i18n } from '#i18n';
import { useCallback, useDeferredValue, useId, useMemo, useRef, useState } from 'react';
import { ActionNote } from './ActionNote';
import { ExportBookmarkStatus, num, useBookmarkExport } from './bookmarks/BookmarkExport';
import { ExportMenu } from './ExportMenu';
import { folderLabels } from './folder-labels';
import { BookmarkList } from './bookmarks/BookmarkList';
import { OrganiseContext, type OrganiseScope } from './bookmarks/CardOrganise';
import { DroppedSection } from './bookmarks/DroppedSection';
import { OrganiseBar, SaveSearchForm } from './bookmarks/OrganiseBar';
import { TagsDialog } from './bookmarks/TagsDialog';
import { bookmarkSyncTexts } from './bookmarks/texts';
import { useImport } from './bookmarks/use-import';
import { useLeaving } from './bookmarks/use-leaving';
import { EmptyState } from './EmptyState';
import { SyncBar } from './SyncBar';
import { UnreadableRows } from './UnreadableRows';
import { useTrackedAction } from './use-action-row';
import {
  filterBookmarks,
  useBookmarkFolders,
  useBookmarks,
  useDroppedBookmarks,
  useSavedSearches,
  useTagCounts,
  type BookmarkItem,
} from './use-bookmarks';

/**
 * The Bookmarks tab: the local copy of the account's bookmarks, newest first, in a virtualised list; instant search
 * (text, links, author; case- and accent-insensitive; X's operators and Perch's tag:, is:unread) over the copy in
 * memory; X's folders as a filter; Open on X, Remove with Undo; Sync now with progress; exports as JSON, CSV and
 * Markdown and the import of Perch's JSON behind one Export menu. The person's own organising, kept only in Perch:
 * tags, a note and read state on each card, a row of filter chips (pinned saved searches, Unread, each tag with its
 * count), a manager of tags and saved searches, and what X no longer lists. A compact toolbar leaves the height to
 * the list, the one part that scrolls.
 */
export function BookmarksView({ accountId, username }: { accountId: string; username?: string }) {
  const stored = useBookmarks(accountId);
  const { items, leave, queued } = useLeaving(stored);
  const complete = !!stored?.complete;
  const folders = useBookmarkFolders(accountId);
  // The status line follows the removals taken here (not bookmarks made from the popup meanwhile).
  const { seq, undoSeq, take, undo, error } = useTrackedAction(accountId);
  const [query, setQuery] = useState('');
  const [folderId, setFolderId] = useState('');
  const statusRef = useRef<HTMLDivElement>(null);
  const ids = { search: useId(), folder: useId(), folderNote: useId(), count: useId(), tagList: useId() };
  // Not needed for the first screen: read once every bookmark is.
  const tags = useTagCounts(accountId, complete);
  const saved = useSavedSearches(accountId);
  const dropped = useDroppedBookmarks(accountId, complete);
  const [dialog, setDialog] = useState<'tags' | 'save'>();
  const [savedLine, setSavedLine] = useState('');
  const { imported, importFile } = useImport(accountId);
  // One result line: a new export, import or saved search replaces what the last one said.
  const [said, setSaid] = useState<'export' | 'import' | 'search'>();
  // Notes being written outlive their cards (the virtualised list draws only those near), each account's its own.
  const [noteDrafts] = useState(() => new Map<string, Map<string, string>>());
  const scope = useMemo((): OrganiseScope => {
    const drafts = noteDrafts.get(accountId) ?? new Map<string, string>();
    noteDrafts.set(accountId, drafts);
    return { accountId, tagListId: ids.tagList, noteDrafts: drafts };
  }, [accountId, ids.tagList, noteDrafts]);
  const syncTexts = useMemo(() => bookmarkSyncTexts(), []);

  const folderNames = useMemo(() => new Map((folders ?? []).map((f) => [f.id, f.name])), [folders]);
  const folderOptions = useMemo(() => folderLabels(folders ?? []), [folders]);
  // A folder that disappeared in a sync no longer filters.
  const activeFolder = folderId && folders && !folderNames.has(folderId) ? '' : folderId;
  // Typing stays instant: the input updates at once, the results as soon as React can (never blocking a keystroke).
  const deferredQuery = useDeferredValue(query);
  const deferredFolder = useDeferredValue(activeFolder);
  const shown = useMemo(
    () => filterBookmarks(items ?? [], deferredQuery, deferredFolder, folders ?? []),
    [items, deferredQuery, deferredFolder, folders],
  );
  const { exported, exportAs } = useBookmarkExport(shown, folderNames, username ?? accountId);

  const remove = useCallback(
    async (b: BookmarkItem) => {
      leave(b);
      queued(b, await take({ type: 'unbookmark', params: { postId: b.postId, ...(b.author ? { username: b.author.username } : {}) } }));
      // The row the person acted on is gone: keep their place at the status line, where Undo is.
      statusRef.current?.focus();
    },
    [take, leave, queued],
  );
  const onRemove = useCallback((b: BookmarkItem) => void remove(b), [remove]);

  const total = items?.length ?? 0;
  // The row of chips shows once the person has organised anything (or while they search, to save the search): until
  // then the toolbar stays two short rows and the list keeps the height.
  const organised = useMemo(
    () => !!tags?.length || !!saved?.length || !!dropped?.length || !!items?.some((b) => b.read || b.note),
    [tags, saved, dropped, items],
  );
  const filtering = !!deferredQuery.trim() || !!deferredFolder;

  return (
    <OrganiseContext.Provider value={scope}>
      <div className="bookmarks-view">
        <datalist id={ids.tagList}>
          {(tags ?? []).map(({ tag }) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
        <div className="bookmarks-toolbar">
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
                <label className="visually-hidden" htmlFor={ids.folder}>
                  {i18n.t('bookmarks_folder_label')}
                </label>
                <select
                  id={ids.folder}
                  value={activeFolder}
                  aria-describedby={ids.folderNote}
                  onChange={(e) => setFolderId(e.target.value)}
                >
                  <option value="">{i18n.t('bookmarks_folder_all')}</option>
                  {folders.map((f) => (
                    <option key={f.id} value={f.id}>
                      {folderOptions.get(f.id)}
                    </option>
                  ))}
                </select>
              </span>
            ) : null}
            <ExportMenu
              enabled={complete}
              canExport={shown.length > 0}
              exportAs={(f) => {
                setSaid('export');
                exportAs(f);
              }}
              onImport={(f) => {
                setSaid('import');
                void importFile(f);
              }}
            />
          </div>
          {/* X lets apps read folders, never make, rename or fill them (openapi.json has only GET .../bookmarks/folders
              and .../folders/{folder_id}): said where a person looks for New folder or Move to folder. A wide tab has
              the room for it always; a side panel says it once a folder is chosen (bookmarks.css), and the picker is
              described by it either way. */}
          {folders?.length ? (
            <p id={ids.folderNote} className={activeFolder ? 'bookmarks-folder-note muted chosen' : 'bookmarks-folder-note muted'}>
              {i18n.t('bookmarks_folders_on_x')}
            </p>
          ) : null}

          <div className="bookmarks-meta">
            <SyncBar accountId={accountId} collection="bookmarks" then="bookmarkFolders" texts={syncTexts} prefix="bookmarks" />
            <p id={ids.count} className="bookmarks-count muted" aria-live="polite">
              {items === undefined
                ? ''
                : !complete
                  ? i18n.t('bookmarks_count_loading')
                  : filtering
                    ? i18n.t('bookmarks_count_filtered', [num(shown.length), num(total)])
                    : i18n.t('bookmarks_count', total, [num(total)])}
            </p>
          </div>
          {complete && total > 0 && (organised || query.trim()) ? (
            <OrganiseBar
              query={query}
              setQuery={setQuery}
              tags={tags ?? []}
              saved={saved ?? []}
              onManage={() => setDialog('tags')}
              onSave={() => {
                setSavedLine('');
                setDialog('save');
              }}
            />
          ) : null}
        </div>
        {dialog === 'save' ? (
          <SaveSearchForm
            accountId={accountId}
            query={query}
            onDone={(name) => {
              setDialog(undefined);
              if (name) {
                setSaid('search');
                setSavedLine(i18n.t('bookmarks_search_saved', [name]));
              }
            }}
          />
        ) : null}
        {dialog === 'tags' ? (
          <TagsDialog accountId={accountId} tags={tags ?? []} saved={saved ?? []} onRun={setQuery} onClose={() => setDialog(undefined)} />
        ) : null}
        <ExportBookmarkStatus
          exported={
            said === 'export' ? exported : said === 'import' ? imported : said === 'search' && savedLine ? { text: savedLine } : undefined
          }
        />
        <DroppedSection accountId={accountId} dropped={dropped ?? []} />
        <UnreadableRows count={stored?.unreadable ?? 0} />

        <div className="bookmarks-status">
          <ActionNote ref={statusRef} accountId={accountId} seq={seq} undoSeq={undoSeq} error={error} onUndo={(s) => void undo(s)} />
        </div>

        {items === undefined ? (
          <p className="bookmarks-empty muted" aria-busy="true">
            {i18n.t('bookmarks_loading')}
          </p>
        ) : !total ? (
          <EmptyState accountId={accountId} kind="bookmarks" className="bookmarks-empty" />
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
    </OrganiseContext.Provider>
  );
}
