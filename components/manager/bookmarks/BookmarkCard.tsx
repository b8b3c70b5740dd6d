import { i18n } from '#i18n';
import { shownAccountName } from '@/components/account-words';
import { Avatar } from '@/components/Avatar';
import { PostText } from '@/components/PostText';
import { memo, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { PostRow } from '@/lib/db';
import { withoutBidiControls } from '@/lib/text/bidi';
import { postUrl, profileUrl } from '@/lib/x-url';
import { When } from '../When';
import type { BookmarkItem } from '../use-bookmarks';
import { authorLine, cardControlNamer, knownAuthor } from './card-names';
import { NoteEditor, NoteText, OrganiseContext, TagEditor, useOrganise } from './CardOrganise';
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

/**
 * An author's name, else their @username in its place, then their @username beside a name: as far as their stored
 * names read, never a bare "@".
 */
function AuthorNames({ author }: { author: { name: string; username: string } }) {
  return (
    <>
      <span className="bookmarks-name">
        <bdi>{shownAccountName(author)}</bdi>
      </span>
      {author.name && author.username ? (
        <span className="muted">
          {' '}
          <bdi>@{author.username}</bdi>
        </span>
      ) : null}
    </>
  );
}

/** The post a bookmark quotes, as a small inset card: its author and text, linking to it on X. */
function QuotedCard({ quoted }: { quoted: NonNullable<PostRow['quoted']> }) {
  const author = knownAuthor(quoted.author);
  return (
    <blockquote className="bookmarks-quote" cite={postUrl(quoted.id, author?.username)} aria-label={i18n.t('bookmarks_quoted_post')}>
      <p className="bookmarks-quote-author">
        <a href={postUrl(quoted.id, author?.username)} target="_blank" rel="noreferrer">
          {author ? <AuthorNames author={author} /> : i18n.t('bookmarks_quoted_post')}
        </a>
      </p>
      <PostText className="bookmarks-quote-text" text={quoted.text} urls={quoted.urls} />
    </blockquote>
  );
}

/**
 * One bookmark: its author, date, "Replying to", text with its links, media, the quoted post; the person's own tags
 * and note; Open on X (which marks it read), Remove, Add or Edit note, Mark read or unread.
 */
export const BookmarkCard = memo(function BookmarkCard({ item, onRemove }: { item: BookmarkItem; onRemove: (b: BookmarkItem) => void }) {
  const { post } = item;
  const author = knownAuthor(item.author);
  // The card's name and its names' tooltip, plain text: without a name's direction marks (its U+202E would reverse the
  // "@username" after it, and a screen reader reads them); the visible names keep them, each in a <bdi>.
  const names = withoutBidiControls(author ? authorLine(author) : i18n.t('bookmarks_unknown_author'));
  const { save, error, setError } = useOrganise(item);
  // A note being written when the card left the list is open again when it comes back; saved or cancelled, forgotten.
  const drafts = useContext(OrganiseContext)?.noteDrafts;
  const [editingNote, setEditingNote] = useState(() => !!drafts?.has(item.postId));
  const noteButton = useRef<HTMLButtonElement>(null);
  const noteClosed = useRef(false);
  useEffect(() => {
    // Saved or cancelled: the focus goes back to the button that opened the editor.
    if (!editingNote && noteClosed.current) {
      noteClosed.current = false;
      noteButton.current?.focus();
    }
  }, [editingNote]);
  const closeNote = () => {
    drafts?.delete(item.postId);
    noteClosed.current = true;
    setEditingNote(false);
  };
  const href = postUrl(item.postId, author?.username);
  const named = useMemo(() => cardControlNamer(item), [item]);
  const media = post?.media ?? [];
  // Media or a quote X did not return (an older copy, or a post it would not show): a marker says it is there.
  const mediaUnseen = post && post.mediaCount > 0 && !media.length ? post.mediaCount : 0;
  const quoteUnseen = post?.quotedId && !post.quoted ? post.quotedId : undefined;
  return (
    <article className="bookmarks-card" aria-label={names}>
      <div className="bookmarks-author">
        {item.author ? (
          <Avatar url={item.author.profileImageUrl} name={item.author.name} username={item.author.username} size={36} lazy />
        ) : (
          <span className="avatar bookmarks-avatar-blank" aria-hidden="true" />
        )}
        <span className="bookmarks-names" title={author ? names : undefined}>
          {author ? <AuthorNames author={author} /> : <span className="bookmarks-name">{i18n.t('bookmarks_unknown_author')}</span>}
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
      {editingNote ? <NoteEditor item={item} close={closeNote} save={save} /> : <NoteText note={item.note} />}
      <TagEditor item={item} save={save} onError={setError} named={named} />
      {error ? (
        <p className="bookmarks-card-error error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="bookmarks-actions">
        <a
          href={href}
          aria-label={named(i18n.t('bookmarks_open_on_x'))}
          target="_blank"
          rel="noreferrer"
          onClick={() => {
            if (!item.read) void save({ read: true });
          }}
          onAuxClick={(e) => {
            if (e.button === 1 && !item.read) void save({ read: true });
          }}
        >
          {i18n.t('bookmarks_open_on_x')}
        </a>
        <button
          type="button"
          className="link bookmarks-remove"
          aria-label={named(i18n.t('bookmarks_remove'))}
          onClick={() => onRemove(item)}
        >
          {i18n.t('bookmarks_remove')}
        </button>
        {editingNote ? null : (
          <button
            ref={noteButton}
            type="button"
            className="link bookmarks-note-button"
            aria-label={named(item.note ? i18n.t('bookmarks_note_edit') : i18n.t('bookmarks_note_add'))}
            onClick={() => setEditingNote(true)}
          >
            {item.note ? i18n.t('bookmarks_note_edit') : i18n.t('bookmarks_note_add')}
          </button>
        )}
        <button
          type="button"
          className="link bookmarks-read"
          aria-label={named(item.read ? i18n.t('bookmarks_mark_unread') : i18n.t('bookmarks_mark_read'))}
          onClick={() => void save({ read: !item.read })}
        >
          {item.read ? i18n.t('bookmarks_mark_unread') : i18n.t('bookmarks_mark_read')}
        </button>
      </div>
    </article>
  );
});
