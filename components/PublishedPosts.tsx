import { i18n } from '#i18n';
import { numberOf } from '@/lib/reader-locale';
import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { sendMessage } from '@/lib/messaging';
import { postUrl } from '@/lib/x-url';
import { actionErrorText, thrownText } from './error-text';
import { LiveRegion } from './LiveLine';
import { useActionStates } from './use-action-states';

/**
 * What the composer shows once X has the posts: a link to each on X, and Delete with its confirmation (a deleted
 * post does not come back). Deleting goes through the outbox; each post says whether its deletion is under way or
 * done, and a refusal is said once, as an alert. Each of these lines is on the page, empty and hidden from sight
 * (taking no room), before it speaks: a live region created together with its words is often not read at all.
 */
export function PublishedPosts({
  accountId,
  ids,
  username,
  separately,
  edited = false,
  editing,
  editRefusal,
  onEdit,
  onError,
  onWriteAnother,
}: {
  accountId: string;
  ids: string[];
  username: string;
  /** The thread's remaining posts went each on its own, after X refused one as a reply. */
  separately: boolean;
  /** The post is a new version of one edited (x-api--fundamentals--edit-posts): X gave it a new id. */
  edited?: boolean;
  /** The post whose edit is being asked of X: its Edit waits. */
  editing?: string | undefined;
  /** Why X does not let the person edit the post they asked to edit. */
  editRefusal?: string | undefined;
  /** Edit: offered while X may still let the person edit the post (the composer asks X first). */
  onEdit?: ((postId: string) => void) | undefined;
  /** Sending a deletion failed before the outbox had it. */
  onError: (message: string) => void;
  onWriteAnother: () => void;
}) {
  const [confirmDelete, setConfirmDelete] = useState<string>();
  const askId = useId();
  /** Posts sent for deletion through the outbox, with their action's number. */
  const [deleting, setDeleting] = useState<Record<string, number>>({});
  const actionStates = useActionStates(accountId);
  const root = useRef<HTMLDivElement>(null);
  /** Where the focus goes once drawn: `post-id:what`, what being `view`, `delete` or `keep`. */
  const focusTo = useRef<string>(undefined);

  useLayoutEffect(() => {
    // Published from the keyboard (Post or Ctrl+Enter): the box and button that had the focus are gone; the first
    // post's link takes it, so Tab goes on from the outcome and not from the top of the page. Before the frame is
    // drawn (a layout effect), so the focus is never on the page between the box going and the link coming.
    if (document.activeElement === document.body || !document.activeElement) root.current?.querySelector('a')?.focus();
  }, []);
  useEffect(() => {
    if (!focusTo.current) return;
    root.current?.querySelector<HTMLElement>(`[data-focus="${CSS.escape(focusTo.current)}"]`)?.focus();
    focusTo.current = undefined;
  });

  /** Deleting goes through the outbox like every action: its row in Activity, Retry if X failed, no Undo. */
  async function deletePost(postId: string) {
    setConfirmDelete(undefined);
    // The question and its buttons go: the focus moves to the post's link, beside the word that it is deleting.
    focusTo.current = `${postId}:view`;
    try {
      const { seq } = await sendMessage({ type: 'action.do', accountId, action: { type: 'post.delete', params: { postId } } });
      setDeleting((d) => ({ ...d, [postId]: seq }));
    } catch (e) {
      onError(thrownText(e));
    }
  }

  const deletion = (postId: string) => {
    const seq = deleting[postId];
    return seq === undefined ? undefined : actionStates.get(seq);
  };
  const deleteFailure = Object.keys(deleting)
    .map((id) => deletion(id))
    .find((c) => c?.state === 'failed');
  /** Posts X has deleted: no longer "on X", and no link to a post that is gone. */
  const gone = ids.filter((id) => deletion(id)?.state === 'done');
  const allGone = gone.length === ids.length;
  /** Sent for deletion, not failed, and not yet deleted: the row says so in place of its Delete. */
  const deletingNow = (postId: string) => !gone.includes(postId) && deleting[postId] !== undefined && deletion(postId)?.state !== 'failed';

  const lastGone = gone[gone.length - 1];
  useEffect(() => {
    // The deleted post's link held the focus (Delete post moved it there) and is gone: its row's word takes it.
    if (lastGone && (document.activeElement === document.body || !document.activeElement))
      root.current?.querySelector<HTMLElement>(`[data-focus="${CSS.escape(lastGone)}:view"]`)?.focus();
  }, [lastGone]);

  return (
    <div className="published" ref={root}>
      {/* A single post deleted: this sentence says so, alone, and takes the focus its link had (a second "Deleted." on
          its row said it twice). */}
      <p {...(allGone && ids.length === 1 ? { tabIndex: -1, 'data-focus': `${ids[0]}:view` } : {})}>
        {allGone
          ? i18n.t('composer_published_deleted', ids.length)
          : edited
            ? i18n.t('composer_edited')
            : separately
              ? i18n.t('composer_published_separately', [ids.length])
              : i18n.t('composer_published', ids.length)}
      </p>
      <ul className="published-list">
        {ids.map((id, i) => (
          <li key={id} className="row">
            {gone.includes(id) ? (
              ids.length > 1 ? (
                <span className="muted" tabIndex={-1} data-focus={`${id}:view`}>
                  {i18n.t('composer_deleted_nth', [i + 1])}
                </span>
              ) : null
            ) : (
              <a href={postUrl(id, username)} target="_blank" rel="noreferrer" data-focus={`${id}:view`}>
                {ids.length > 1 ? i18n.t('composer_view_post_on_x', [i + 1]) : i18n.t('composer_view_on_x')}
              </a>
            )}
            {onEdit && deleting[id] === undefined ? (
              // While X is asked whether a post may be edited, its Edit and the others wait: aria-disabled, not
              // `disabled`, so the focus stays on the Edit pressed, there still if X says no.
              <button
                type="button"
                data-focus={`${id}:edit`}
                aria-disabled={editing !== undefined || undefined}
                onClick={() => {
                  if (editing === undefined) onEdit(id);
                }}
              >
                {ids.length > 1 ? i18n.t('composer_edit_nth', [numberOf(i + 1)]) : i18n.t('composer_edit')}
              </button>
            ) : null}
            <LiveRegion role="status" tone="muted" text={deletingNow(id) ? i18n.t('composer_deleting') : undefined} inline />
            {gone.includes(id) || deletingNow(id) ? null : confirmDelete === id ? (
              // Named by the question it shows, so a person hears what they are asked, in the words they read.
              <span className="row" role="group" aria-labelledby={askId}>
                <span id={askId}>{i18n.t('composer_confirm_delete')}</span>
                <button type="button" className="danger" onClick={() => void deletePost(id)}>
                  {i18n.t('composer_delete_post')}
                </button>
                <button
                  type="button"
                  data-focus={`${id}:keep`}
                  onClick={() => {
                    setConfirmDelete(undefined);
                    focusTo.current = `${id}:delete`;
                  }}
                >
                  {i18n.t('composer_keep')}
                </button>
              </span>
            ) : (
              <button
                type="button"
                data-focus={`${id}:delete`}
                onClick={() => {
                  // Asked first, with the focus on the answer that keeps the post.
                  setConfirmDelete(id);
                  focusTo.current = `${id}:keep`;
                }}
              >
                {ids.length > 1 ? i18n.t('composer_delete_nth', [i + 1]) : i18n.t('composer_delete')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <LiveRegion role="alert" tone="error" text={deleteFailure ? actionErrorText(deleteFailure.error) : undefined} />
      <LiveRegion role="alert" tone="error" text={editRefusal} />
      <button type="button" onClick={() => onWriteAnother()}>
        {i18n.t('composer_write_another')}
      </button>
    </div>
  );
}

/**
 * Where the composer says its posts are on X (PublishedPosts, as `children`): a status region on the page, empty and
 * hidden from sight, from the composer's first screen, so that what X took is read out when it comes.
 */
export function PublishedRegion({ children }: { children: ReactNode }) {
  return (
    <div role="status" className={children ? undefined : 'visually-hidden'}>
      {children}
    </div>
  );
}
