import { i18n } from '#i18n';
import { Avatar } from '@/components/Avatar';
import { PostText } from '@/components/PostText';
import { memo } from 'react';
import type { PostRow } from '@/lib/db';
import { postUrl, profileUrl } from '@/lib/x-url';
import { When } from '../When';
import type { BookmarkItem } from '../use-bookmarks';
import { MediaThumbs } from './MediaThumbs';

/** "Replying to @user" above a reply's text, the @user linking to the profile; "Replying to a post" when X did not say whom. */
function ReplyingTo({ post }: { post: PostRow }) {
  const username = post.replyTo?.username;
  if (!post.repliedToId && !post.replyTo) return null;
  return (
    <p className="bookmarks-reply muted">
      {username ? (
        <>
          {i18n.t('bookmarks_replying_to')}{' '}
          <a href={profileUrl(username)} target="_blank" rel="noreferrer">
            <bdi>@{username}</bdi>
          </a>
        </>
      ) : (
        <a href={postUrl(post.repliedToId ?? post.id)} target="_blank" rel="noreferrer">
          {i18n.t('bookmarks_replying_to_post')}
        </a>
      )}
    </p>
  );
}

/** The post a bookmark quotes, as a small inset card: its author and text, linking to it on X. */
function QuotedCard({ quoted }: { quoted: NonNullable<PostRow['quoted']> }) {
  const { author } = quoted;
  return (
    <blockquote className="bookmarks-quote" cite={postUrl(quoted.id, author?.username)} aria-label={i18n.t('bookmarks_quoted_post')}>
      <p className="bookmarks-quote-author">
        <a href={postUrl(quoted.id, author?.username)} target="_blank" rel="noreferrer">
          {author ? (
            <>
              <span className="bookmarks-name">
                <bdi>{author.name}</bdi>
              </span>{' '}
              <span className="muted">
                <bdi>@{author.username}</bdi>
              </span>
            </>
          ) : (
            i18n.t('bookmarks_quoted_post')
          )}
        </a>
      </p>
      <PostText className="bookmarks-quote-text" text={quoted.text} urls={quoted.urls} />
    </blockquote>
  );
}

/** One bookmark: its author, date, "Replying to", text with its links, media, the quoted post, Open on X and Remove. */
export const BookmarkCard = memo(function BookmarkCard({ item, onRemove }: { item: BookmarkItem; onRemove: (b: BookmarkItem) => void }) {
  const { post, author } = item;
  const href = postUrl(item.postId, author?.username);
  const media = post?.media ?? [];
  // Media or a quote X did not return (an older copy, or a post it would not show): a marker says it is there.
  const mediaUnseen = post && post.mediaCount > 0 && !media.length ? post.mediaCount : 0;
  const quoteUnseen = post?.quotedId && !post.quoted ? post.quotedId : undefined;
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
        {post?.createdAt ? <When iso={post.createdAt} className="muted bookmarks-date" /> : null}
      </div>
      {post ? <ReplyingTo post={post} /> : null}
      {post ? (
        <PostText className="bookmarks-text" text={post.text} urls={post.urls} dropMedia={media.length > 0} />
      ) : (
        <p className="bookmarks-text muted">{i18n.t('bookmarks_post_gone')}</p>
      )}
      {media.length ? <MediaThumbs media={media} /> : null}
      {post?.quoted ? <QuotedCard quoted={post.quoted} /> : null}
      {mediaUnseen || quoteUnseen ? (
        <p className="bookmarks-markers">
          {mediaUnseen ? <span className="bookmarks-marker">{i18n.t('bookmarks_media', mediaUnseen)}</span> : null}
          {quoteUnseen ? (
            <a className="bookmarks-marker" href={postUrl(quoteUnseen)} target="_blank" rel="noreferrer">
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
