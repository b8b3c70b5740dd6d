import { i18n } from '#i18n';
import { Avatar } from '@/components/Avatar';
import { memo, useMemo } from 'react';
import { postUrl } from '@/lib/x-url';
import { postTextSegments } from '@/lib/text/segments';
import { When } from '../When';
import type { BookmarkItem } from '../use-bookmarks';

/** One bookmark: its author, date, text with its links, media and quote markers, Open on X and Remove. */
export const BookmarkCard = memo(function BookmarkCard({ item, onRemove }: { item: BookmarkItem; onRemove: (b: BookmarkItem) => void }) {
  const { post, author } = item;
  const segments = useMemo(() => (post ? postTextSegments(post.text, post.urls) : []), [post]);
  const href = postUrl(item.postId, author?.username);
  return (
    <article className="bookmarks-card" aria-label={author ? `${author.name} @${author.username}` : i18n.t('bookmarks_unknown_author')}>
      <div className="bookmarks-author">
        {author ? (
          <Avatar url={author.profileImageUrl} name={author.name} username={author.username} size={36} lazy />
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
          <When iso={post.createdAt} className="muted bookmarks-date" />
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
