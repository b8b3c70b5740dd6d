import { i18n } from '#i18n';
import { useEffect, useId, useRef, useState } from 'react';
import type { SavedSearchRow } from '@/lib/db';
import { SAVED_SEARCH_NAME_MAX, SAVED_SEARCH_QUERY_MAX } from '@/lib/limits';
import { sendMessage } from '@/lib/messaging';
import { useModalDialog } from '@/components/use-modal-dialog';
import { thrownText } from '../../error-text';
import { num } from './BookmarkExport';
import { hasToken, toggleToken } from './query-tokens';

export const UNREAD = 'is:unread';

/**
 * The row under the search box: the pinned saved searches (each runs its query), the Unread filter, one chip per tag
 * with its count (each adds or takes `tag:name` out of the query, so the box always says what is shown), Tags (the
 * manager of tags and saved searches) and Save search.
 */
export function OrganiseBar({
  query,
  setQuery,
  tags,
  saved,
  onManage,
  onSave,
}: {
  query: string;
  setQuery: (q: string) => void;
  tags: readonly { tag: string; count: number }[];
  saved: readonly SavedSearchRow[];
  onManage: () => void;
  onSave: () => void;
}) {
  const pinned = saved.filter((s) => s.pinned);
  const current = query.trim();
  // A search past what a saved search keeps is refused here, in the bar, where its box can still be shortened: the
  // Save search form, modal, would hide the box and lose the name typed. Said once pressed, for the search pressed.
  const tooLong = current.length > SAVED_SEARCH_QUERY_MAX;
  const [refused, setRefused] = useState<string>();
  const refusalId = useId();
  const refusing = tooLong && refused === current;
  return (
    <>
      <div className="bookmarks-organise">
        {pinned.length ? (
          <ul className="bookmarks-chips" aria-label={i18n.t('bookmarks_saved_searches')}>
            {pinned.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  className="bookmarks-chip bookmarks-chip-saved"
                  aria-pressed={current === s.query.trim()}
                  title={s.query}
                  onClick={() => setQuery(current === s.query.trim() ? '' : s.query)}
                >
                  <bdi>{s.name}</bdi>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <button
          type="button"
          className="bookmarks-chip"
          aria-pressed={hasToken(query, UNREAD)}
          onClick={() => setQuery(toggleToken(query, UNREAD))}
        >
          {i18n.t('bookmarks_filter_unread')}
        </button>
        {tags.length ? (
          <ul className="bookmarks-chips" aria-label={i18n.t('bookmarks_tag_filters')}>
            {tags.map(({ tag, count }) => (
              <li key={tag}>
                <button
                  type="button"
                  className="bookmarks-chip"
                  aria-pressed={hasToken(query, `tag:${tag}`)}
                  onClick={() => setQuery(toggleToken(query, `tag:${tag}`))}
                >
                  <bdi>{tag}</bdi> <span className="bookmarks-chip-count">{num(count)}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <span className="bookmarks-organise-end">
          <button type="button" className="bookmarks-chip" aria-haspopup="dialog" onClick={onManage}>
            {i18n.t('bookmarks_tags_manage')}
          </button>
          <button
            type="button"
            className="bookmarks-chip"
            aria-haspopup={tooLong ? undefined : 'dialog'}
            disabled={!current}
            aria-disabled={tooLong || undefined}
            aria-describedby={refusing ? refusalId : undefined}
            onClick={() => (tooLong ? setRefused(current) : onSave())}
          >
            {i18n.t('bookmarks_search_save')}
          </button>
        </span>
      </div>
      {refusing ? (
        <p id={refusalId} className="error bookmarks-organise-refusal" role="alert">
          {i18n.t('bookmarks_search_too_long', [num(current.length), num(SAVED_SEARCH_QUERY_MAX)])}
        </p>
      ) : null}
    </>
  );
}

/** "Save search": names the current query and pins it (or not), in a small form under the toolbar. */
export function SaveSearchForm({
  accountId,
  query,
  onDone,
}: {
  accountId: string;
  query: string;
  onDone: (saved: string | undefined) => void;
}) {
  const [name, setName] = useState(query.trim().slice(0, SAVED_SEARCH_NAME_MAX));
  const [pinned, setPinned] = useState(true);
  const [error, setError] = useState('');
  const ids = { name: useId(), pin: useId(), tooLong: useId() };
  // The background keeps at most SAVED_SEARCH_QUERY_MAX (the message contract's bound, counted as it counts): said
  // before Save, so the person shortens the search box while the name they typed stays here.
  const length = query.trim().length;
  const tooLong = length > SAVED_SEARCH_QUERY_MAX;
  const nameRef = useRef<HTMLInputElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // A modal dialog opened from Save search: the focus goes to the name, and back to Save search however it closes.
  useModalDialog(dialogRef, nameRef);
  // The person types the name at once, over the search it starts as.
  useEffect(() => nameRef.current?.select(), []);

  async function submit() {
    const named = name.trim();
    if (!named) return setError(i18n.t('bookmarks_search_name_missing'));
    if (tooLong) return;
    try {
      await sendMessage({ type: 'savedSearch.save', accountId, name: named, query: query.trim(), pinned });
      onDone(named);
    } catch (e) {
      setError(thrownText(e));
    }
  }

  return (
    <dialog
      ref={dialogRef}
      className="bookmarks-save-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        // Escape, from any of its controls: close through React, so the focus goes back the same way as on Cancel.
        e.preventDefault();
        onDone(undefined);
      }}
    >
      <h2 id={titleId}>{i18n.t('bookmarks_search_save')}</h2>
      <form
        className="bookmarks-save-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label htmlFor={ids.name}>{i18n.t('bookmarks_search_name_label')}</label>
        <input
          id={ids.name}
          type="text"
          value={name}
          maxLength={SAVED_SEARCH_NAME_MAX}
          autoComplete="off"
          aria-describedby={tooLong ? ids.tooLong : undefined}
          ref={nameRef}
          onChange={(e) => setName(e.target.value)}
        />
        <span className="bookmarks-save-pin">
          <input id={ids.pin} type="checkbox" checked={pinned} onChange={(e) => setPinned(e.target.checked)} />
          <label htmlFor={ids.pin}>{i18n.t('bookmarks_search_pin')}</label>
        </span>
        <button type="submit" className="primary" disabled={tooLong}>
          {i18n.t('bookmarks_search_save_confirm')}
        </button>
        <button type="button" onClick={() => onDone(undefined)}>
          {i18n.t('bookmarks_note_cancel')}
        </button>
        {tooLong ? (
          <p id={ids.tooLong} className="error" role="alert">
            {i18n.t('bookmarks_search_too_long', [num(length), num(SAVED_SEARCH_QUERY_MAX)])}
          </p>
        ) : null}
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
    </dialog>
  );
}
