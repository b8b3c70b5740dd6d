import { i18n } from '#i18n';
import { dateTimeOf } from '@/components/manager/format';
import type { ActionBrief, PostContext } from '@/lib/messaging';

/**
 * X tells an app no post's bookmark state: Bookmark shows Perch's copy, read by the bookmark sync. When that copy
 * lacks the post, the note under the buttons says how old the copy is (or that there is none yet), unless Perch's
 * own bookmark action on the post already heard X's answer.
 */
export function bookmarkReadAt(ctx: Pick<PostContext, 'bookmarksReadAt'>, bookmarked: boolean, onBookmark: ActionBrief | undefined) {
  return bookmarked || onBookmark?.state === 'done' ? undefined : ctx.bookmarksReadAt;
}

/** The note, its time absolute (the popup's style, and a painted snapshot's words stay true the next day). */
export function BookmarkReadNote({ id, readAt }: { id: string; readAt: string | null | undefined }) {
  if (readAt === undefined) return null;
  return (
    <p className="muted" id={id}>
      {readAt === null ? i18n.t('popup_bookmarks_never_read') : i18n.t('popup_bookmarks_read', [dateTimeOf(readAt)])}
    </p>
  );
}
