import { i18n } from '#i18n';
import { useLayoutEffect, useRef, useState } from 'react';
import type { BookmarkNoteRow } from '@/lib/db';
import { sendMessage } from '@/lib/messaging';
import { postUrl } from '@/lib/x-url';
import { thrownText } from '../../error-text';
import { ConfirmButton } from '../ConfirmButton';
import { num } from './BookmarkExport';

/**
 * "No longer on X": the tags and notes of bookmarks X no longer lists (removed on X, or past its 800 newest), kept
 * until the person deletes them or the bookmark comes back. Collapsed by default, with a count. X's text and media
 * of those posts are gone, as X's policy requires: each entry names the post by its author and links to it on x.com.
 * Delete asks first (the person's own words go for good, with no Undo); once the entry goes, the focus moves to the
 * next entry's Delete, else the one before's, else the section's summary, which stays (with its count at 0) while
 * the person is here.
 */
export function DroppedSection({ accountId, dropped }: { accountId: string; dropped: readonly BookmarkNoteRow[] }) {
  const [error, setError] = useState('');
  // The account whose last entry the person deleted here: its section stays, to keep the focus on its summary.
  const [emptiedFor, setEmptiedFor] = useState<string>();
  const section = useRef<HTMLDetailsElement>(null);
  // The entry being deleted, and the entries' order when it was asked for.
  const going = useRef<{ postId: string; order: string[] }>(undefined);

  // In the commit that takes the entry away: the focus it held is never seen on the page.
  useLayoutEffect(() => {
    const step = going.current;
    if (!step || dropped.some((r) => r.postId === step.postId)) return;
    going.current = undefined;
    const at = step.order.indexOf(step.postId);
    const left = new Set(dropped.map((r) => r.postId));
    const next = [...step.order.slice(at + 1), ...step.order.slice(0, at).reverse()].find((id) => left.has(id));
    const active = document.activeElement;
    // Only a focus that went with the entry: the person may have moved on while it was being deleted.
    if (active && active !== document.body) return;
    const target = next
      ? [...(section.current?.querySelectorAll<HTMLElement>('[data-post-id]') ?? [])]
          .find((li) => li.dataset.postId === next)
          ?.querySelector('button')
      : section.current?.querySelector('summary');
    target?.focus();
  }, [dropped]);

  if (!dropped.length && emptiedFor !== accountId) return null;

  async function forget(row: BookmarkNoteRow) {
    setError('');
    going.current = { postId: row.postId, order: dropped.map((r) => r.postId) };
    if (dropped.length === 1) setEmptiedFor(accountId);
    try {
      await sendMessage({ type: 'bookmark.forget', accountId, postId: row.postId });
    } catch (e) {
      going.current = undefined;
      setError(thrownText(e));
    }
  }

  return (
    <details className="bookmarks-dropped" ref={section}>
      <summary>{i18n.t('bookmarks_dropped_title', [num(dropped.length)])}</summary>
      {dropped.length ? <p className="muted bookmarks-dropped-hint">{i18n.t('bookmarks_dropped_hint')}</p> : null}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {dropped.length ? (
        <ul className="bookmarks-dropped-list">
          {dropped.map((row) => {
            const named = row.username
              ? i18n.t('bookmarks_dropped_delete_named', [`@${row.username}`])
              : i18n.t('bookmarks_dropped_delete_unknown');
            const question = row.username
              ? i18n.t('bookmarks_dropped_delete_prompt', [`@${row.username}`])
              : i18n.t('bookmarks_dropped_delete_prompt_unknown');
            return (
              <li key={row.postId} className="bookmarks-dropped-item" data-post-id={row.postId}>
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
                <ConfirmButton
                  label={named}
                  short={i18n.t('bookmarks_delete')}
                  prompt={question}
                  confirmLabel={i18n.t('bookmarks_dropped_delete_confirm')}
                  cancelLabel={i18n.t('bookmarks_note_cancel')}
                  onConfirm={() => forget(row)}
                />
              </li>
            );
          })}
        </ul>
      ) : null}
    </details>
  );
}
