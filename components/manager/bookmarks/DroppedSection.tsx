import { i18n } from '#i18n';
import { useState } from 'react';
import type { BookmarkNoteRow } from '@/lib/db';
import { sendMessage } from '@/lib/messaging';
import { postUrl } from '@/lib/x-url';
import { thrownText } from '../../error-text';
import { num } from './BookmarkExport';

/**
 * "No longer on X": the tags and notes of bookmarks X no longer lists (removed on X, or past its 800 newest), kept
 * until the person deletes them or the bookmark comes back. Collapsed by default, with a count. X's text and media
 * of those posts are gone, as X's policy requires: each entry names the post by its author and links to it on x.com.
 */
export function DroppedSection({ accountId, dropped }: { accountId: string; dropped: readonly BookmarkNoteRow[] }) {
  const [error, setError] = useState('');
  if (!dropped.length) return null;

  async function forget(row: BookmarkNoteRow) {
    setError('');
    try {
      await sendMessage({ type: 'bookmark.forget', accountId, postId: row.postId });
    } catch (e) {
      setError(thrownText(e));
    }
  }

  return (
    <details className="bookmarks-dropped">
      <summary>{i18n.t('bookmarks_dropped_title', [num(dropped.length)])}</summary>
      <p className="muted bookmarks-dropped-hint">{i18n.t('bookmarks_dropped_hint')}</p>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <ul className="bookmarks-dropped-list">
        {dropped.map((row) => {
          return (
            <li key={row.postId} className="bookmarks-dropped-item">
              <a href={postUrl(row.postId, row.username)} target="_blank" rel="noreferrer">
                {row.username ? i18n.t('bookmarks_dropped_link', [`@${row.username}`]) : i18n.t('bookmarks_dropped_link_unknown')}
              </a>
              {row.tags.length ? (
                <ul className="bookmarks-tag-list" aria-label={i18n.t('bookmarks_tags_label')}>
                  {row.tags.map((tag) => (
                    <li key={tag} className="bookmarks-tag">
                      <bdi>{tag}</bdi>
                    </li>
                  ))}
                </ul>
              ) : null}
              {row.note ? (
                <p className="bookmarks-note">
                  <span className="visually-hidden">{i18n.t('bookmarks_note_label')}: </span>
                  <bdi>{row.note}</bdi>
                </p>
              ) : null}
              <button
                type="button"
                className="link danger bookmarks-dropped-delete"
                aria-label={
                  row.username ? i18n.t('bookmarks_dropped_delete_named', [`@${row.username}`]) : i18n.t('bookmarks_dropped_delete_unknown')
                }
                onClick={() => void forget(row)}
              >
                {i18n.t('bookmarks_delete')}
              </button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
