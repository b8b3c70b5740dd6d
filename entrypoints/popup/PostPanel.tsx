import { i18n } from '#i18n';
import { confirmAction } from '@/components/action-confirm';
import { LiveRegion } from '@/components/LiveLine';
import { useEffect, useId, useState } from 'react';
import { PostText } from '@/components/PostText';
import { dateOf } from '@/components/manager/format';
import { MediaThumbs } from '@/components/manager/bookmarks/MediaThumbs';
import { type PostContext } from '@/lib/messaging';
import { reopenedComposer } from '@/lib/draft-param';
import { quoteOnXUrl, replyOnXUrl } from '@/lib/self-serve';
import { profileUrl } from '@/lib/x-links';
import { ActionButton, ActionNotes, onItsWay } from './ActionButton';
import { act, carriedSend, latest, refusedAsEnterpriseOnly, useEarlyAction } from './act';
import { editEndedText, editsLeftText, editTimeLeft, timeLeftText, useEditClock } from '@/components/use-edit-window';
import { ListPicker } from './lazy';
import { useReopenedState } from './part-reload';
import { PostComposer } from './PostComposer';
import { ProblemLine } from './ProblemLine';
import { OnXLink } from './OnXLink';
import { PostSection, PostUnavailable } from './PostUnavailable';
import { UserCard } from './UserCard';
import { noteShown } from './snapshot-send';
import { shownState } from './tab-follower';
import { DeletePostDialog } from './DeletePostDialog';
import { EnterpriseNote } from './EnterpriseNote';
import { BookmarkReadNote, bookmarkReadAt } from './BookmarkReadNote';
import { RelationButton, RelationOnX, shownRelation } from './RelationButton';
import { useOwnActions } from './use-own-actions';
import { useRefusedComposer } from './use-refusals';
import { useTabContext } from './use-tab-context';

const MODES = ['actions', 'reply', 'quote', 'link', 'lists', 'edit'] as const;
type Mode = (typeof MODES)[number];

/** Quick actions on the post in the current tab. */
export function PostPanel({ accountId, username, postId }: { accountId: string; username: string; postId: string }) {
  const { context: ctx, error, refresh, track: trackAny } = useTabContext<PostContext>(accountId, { kind: 'post', postId });
  const { actions, track } = useOwnActions(ctx?.actions ?? [], trackAny);
  // Reopened from the Drafts tab (`&draft=reply`): straight to that composer, where the saved draft is.
  // Kept, too, when Perch reloads the popup for a part that failed to load (./part-reload.ts).
  const [mode, setMode] = useReopenedState<Mode>(
    `post:${postId}`,
    () => reopenedComposer(location.search) ?? 'actions',
    (kept): kept is Mode => typeof kept === 'string' && (MODES as readonly string[]).includes(kept),
  );
  const [problem, setProblem] = useState<string>();
  // A toggle clicked on the painted snapshot before this code loaded: its action is this panel's to follow.
  const awaitingEarly = useEarlyAction(accountId, `post:${postId}`, track, setProblem);
  const [askDelete, setAskDelete] = useState(false);
  const notes = useId();
  // X refused the quote or reply just posted: back to the post, where it is now on x.com (use-refusals.ts).
  const { refusals, replyRefused, refused, refusedText } = useRefusedComposer(accountId, postId, mode, setMode);
  // The screen is this answer and nothing else (no failure said, no dialog, no composer): the popup may keep it as
  // the post's snapshot, painted at once next time (snapshot.ts).
  const plain =
    mode === 'actions' && !askDelete && !problem && !error && !refused && !awaitingEarly && !actions.some((a) => a.state === 'failed');
  useEffect(() => noteShown(accountId, `post:${postId}`, plain ? ctx : undefined), [accountId, postId, plain, ctx]);
  // Your own post while X lets you edit it: the time left counts down from X's editable_until.
  const editNow = useEditClock(ctx?.edit?.editable ? ctx.edit.editableUntil : undefined);

  // The first read failed: nothing to show but the failure, and Read again. A later one keeps the panel and says it
  // in its line.
  if (error && !ctx) return <ProblemLine problem={undefined} readFailed={error} read={refresh} />;
  if (!ctx || awaitingEarly) return <p aria-busy="true">{i18n.t('popup_loading_post')}</p>;
  // Deleted through Perch: nothing is left to act on, and the status line that was there, empty, says so.
  if (latest(actions, 'post.delete')?.state === 'done') return <PostSection deleted />;
  // Not loaded: the failure, and only what still works (no action on a post Perch has not seen).
  if (!ctx.post) return <PostUnavailable postId={postId} error={ctx.error} onRetry={() => void refresh()} />;

  const run = async (action: Parameters<typeof act>[1]) => {
    // Block asks first, saying what it will do (lib/action-types.ts declares which actions ask), and that it ends
    // the person's follow of the author.
    const following = ctx.author?.relationUnsaid ? 'unsaid' : !!ctx.author?.following;
    if (await confirmAction(action, { following })) setProblem(await act(accountId, action, track));
  };
  const p = { postId, ...(ctx.author ? { username: ctx.author.username } : {}) };
  const author = ctx.author;
  // Your own post: Delete, and no Mute or Block of yourself. While an action is on its way its button shows what it
  // asks for, busy (ActionButton); the stored state once it settles.
  const own = author?.id === accountId;
  const onBookmark = latest(actions, 'bookmark', 'unbookmark');
  const onRepost = latest(actions, 'repost', 'undoRepost');
  const onLike = latest(actions, 'like', 'unlike');
  const onMute = latest(actions, 'mute', 'unmute');
  const onBlock = latest(actions, 'block', 'unblock');
  const onDelete = latest(actions, 'post.delete');
  const bookmarked = shownState(ctx.bookmarked, onBookmark, 'bookmark');
  const readAt = bookmarkReadAt(ctx, bookmarked, onBookmark);
  const reposted = shownState(ctx.reposted, onRepost, 'repost');
  const liked = shownState(ctx.liked, onLike, 'like');
  // X has not said the author's relation (connection_status not a list): Mute and Block offer both ways (RelationButton).
  const muted = shownRelation(!!author?.muted, author?.relationUnsaid, onMute, 'mute');
  const blocked = shownRelation(!!author?.blocked, author?.relationUnsaid, onBlock, 'block');
  // Each button's label by the action type it asks for: the button shows it, and the note of that action names it so
  // ("Like: Sending to X…"), the one source of both.
  const who = author?.username ?? '';
  const label = {
    bookmark: i18n.t('popup_bookmark'),
    unbookmark: i18n.t('popup_remove_bookmark'),
    repost: i18n.t('popup_repost'),
    undoRepost: i18n.t('popup_undo_repost'),
    like: i18n.t('popup_like'),
    unlike: i18n.t('popup_unlike'),
    'post.delete': i18n.t('popup_delete_post'),
    mute: i18n.t('popup_mute_user', [who]),
    unmute: i18n.t('popup_unmute_user', [who]),
    block: i18n.t('popup_block_user', [who]),
    unblock: i18n.t('popup_unblock_user', [who]),
  };
  const noteOf = (relation: string) => `${notes}-${relation}${author?.relationUnsaid ? ` ${notes}-unsaid` : ''}`;
  // What each toggle sends: the click's request, and the same request carried for the painted snapshot.
  const toggles = {
    bookmark: { type: bookmarked ? 'unbookmark' : 'bookmark', params: p },
    repost: { type: reposted ? 'undoRepost' : 'repost', params: p },
    like: { type: liked ? 'unlike' : 'like', params: p },
  } satisfies Record<string, Parameters<typeof act>[1]>;

  const edit = own && ctx.edit?.editable && editTimeLeft(ctx.edit.editableUntil, editNow) > 0 ? ctx.edit : undefined;
  // No Edit: why, when X's edit_controls said (its window closed, no edits left); nothing when X did not say.
  const ended = own && !edit ? editEndedText(ctx.edit, editNow) : undefined;
  // X's refusal of the quote or reply just posted: the status is on the page, empty, while the composer shows, and
  // keyed, so it is the same one back on the post, where its words come: one created with them is often not read out.
  const refusedNote = (
    <LiveRegion
      key="refused"
      role="status"
      tone="notice"
      text={!refused ? undefined : refused.kind === 'quote' ? i18n.t('popup_enterprise_quote') : i18n.t('popup_refused_reply')}
    />
  );
  // Once Edit is chosen, the composer stays past X's window: EditComposer says it is over, and the text is kept.
  if ((mode === 'link' && author) || (mode === 'edit' && own && ctx.edit) || mode === 'reply' || mode === 'quote') {
    const common = { accountId, username, postId, post: ctx.post, author, edit: own ? ctx.edit : undefined };
    // The post's section stays around the composer (unnamed then), and the note above with it.
    return (
      <PostSection composing>
        <PostComposer mode={mode} {...common} onBack={() => setMode('actions')} />
        {refusedNote}
      </PostSection>
    );
  }

  return (
    <PostSection>
      <article className="post-card">
        {author ? <UserCard user={author} /> : null}
        <PostText className="post-text" text={ctx.post.text} urls={ctx.post.urls} />
        {ctx.post.media?.length ? <MediaThumbs media={ctx.post.media} /> : null}
        <p className="muted">
          {dateOf(ctx.post.createdAt)}
          {ctx.post.mediaCount ? i18n.t('popup_meta_separator') + i18n.t('popup_post_media', ctx.post.mediaCount) : ''}
          {ctx.post.quoted ? i18n.t('popup_meta_separator') + i18n.t('popup_post_quotes') : ''}
        </p>
      </article>
      <div className="quick-actions">
        <ActionButton
          icon="bookmark"
          label={bookmarked ? label.unbookmark : label.bookmark}
          otherLabels={[label.bookmark, label.unbookmark]}
          pressed={bookmarked}
          busy={onItsWay(onBookmark)}
          noteId={`${notes}-bookmark${readAt === undefined ? '' : ` ${notes}-read`}`}
          onClick={() => void run(toggles.bookmark)}
          sends={carriedSend(accountId, toggles.bookmark, label, ['bookmark', 'unbookmark'])}
        />
        <ActionButton
          icon="repost"
          label={reposted ? label.undoRepost : label.repost}
          otherLabels={[label.repost, label.undoRepost]}
          pressed={reposted}
          busy={onItsWay(onRepost)}
          noteId={`${notes}-repost`}
          onClick={() => void run(toggles.repost)}
          sends={carriedSend(accountId, toggles.repost, label, ['repost', 'undoRepost'])}
        />
        <ActionButton
          icon="like"
          label={liked ? label.unlike : label.like}
          otherLabels={[label.like, label.unlike]}
          pressed={liked}
          busy={onItsWay(onLike)}
          noteId={`${notes}-like`}
          onClick={() => void run(toggles.like)}
          sends={carriedSend(accountId, toggles.like, label, ['like', 'unlike'])}
        />
        {ctx.rules.reply === 'perch' && !replyRefused ? (
          <ActionButton icon="reply" label={i18n.t('popup_reply')} onClick={() => setMode('reply')} />
        ) : (
          <OnXLink label={i18n.t('popup_reply_on_x')} href={replyOnXUrl(postId, refusedText('reply'))} />
        )}
        {ctx.rules.quote === 'perch' && !refusals.quote ? (
          <ActionButton icon="quote" label={i18n.t('popup_quote')} onClick={() => setMode('quote')} />
        ) : author ? (
          <>
            <OnXLink label={i18n.t('popup_quote_on_x')} href={quoteOnXUrl(author.username, postId, refusedText('quote'))} />
            <ActionButton icon="link" label={i18n.t('popup_post_with_link')} onClick={() => setMode('link')} />
          </>
        ) : null}
      </div>
      {own ? (
        <div className="quick-actions">
          {edit ? (
            <ActionButton icon="edit" label={i18n.t('popup_edit_post')} noteId={`${notes}-edit`} onClick={() => setMode('edit')} />
          ) : null}
          <ActionButton
            icon="delete"
            label={label['post.delete']}
            busy={onItsWay(onDelete)}
            noteId={`${notes}-delete`}
            onClick={() => setAskDelete(true)}
          />
        </div>
      ) : null}
      {edit ? (
        <p id={`${notes}-edit`} className="muted">
          {i18n.t('popup_edit_window', [timeLeftText(editTimeLeft(edit.editableUntil, editNow)), editsLeftText(edit.editsRemaining)])}
        </p>
      ) : ended ? (
        <p className="muted">{ended}</p>
      ) : null}
      {author && !own ? (
        <div className="quick-actions" role="group" aria-label={`@${author.username}`}>
          <RelationButton
            icon="mute"
            state={muted}
            busy={onItsWay(onMute)}
            on={label.mute}
            off={label.unmute}
            noteId={noteOf('mute')}
            send={(start) => void run({ type: start ? 'mute' : 'unmute', params: { userId: author.id, username: author.username } })}
          />
          {ctx.rules.block === 'perch' && !refusedAsEnterpriseOnly(onBlock) ? (
            <RelationButton
              icon="block"
              state={blocked}
              busy={onItsWay(onBlock)}
              on={label.block}
              off={label.unblock}
              noteId={noteOf('block')}
              send={(start) => void run({ type: start ? 'block' : 'unblock', params: { userId: author.id, username: author.username } })}
            />
          ) : (
            <RelationOnX
              state={blocked}
              on={i18n.t('popup_block_user_on_x', [author.username])}
              off={i18n.t('popup_unblock_user_on_x', [author.username])}
              href={profileUrl(author.username)}
            />
          )}
          <ActionButton
            icon="list"
            label={i18n.t('popup_add_user_to_list', [author.username])}
            expanded={mode === 'lists'}
            onClick={() => setMode(mode === 'lists' ? 'actions' : 'lists')}
          />
        </div>
      ) : null}
      <ActionNotes
        names={label}
        notes={[
          { id: `${notes}-bookmark`, action: onBookmark },
          { id: `${notes}-repost`, action: onRepost },
          { id: `${notes}-like`, action: onLike },
          ...(own ? [{ id: `${notes}-delete`, action: onDelete }] : []),
          ...(author && !own
            ? [
                { id: `${notes}-mute`, action: onMute },
                { id: `${notes}-block`, action: onBlock },
              ]
            : []),
        ]}
      />
      {author && !own && author.relationUnsaid ? (
        <p className="note" id={`${notes}-unsaid`}>
          {i18n.t('popup_author_relation_unsaid', [author.username])}
        </p>
      ) : null}
      {ctx.authorMissing ? <p className="note">{i18n.t('popup_author_missing')}</p> : null}
      {refusedNote}
      {askDelete ? (
        <DeletePostDialog
          onClose={(confirmed) => {
            setAskDelete(false);
            if (confirmed) void run({ type: 'post.delete', params: { postId } });
          }}
        />
      ) : null}
      {ctx.rules.reply === 'x.com' ? <p className="muted">{i18n.t('popup_self_serve_reply')}</p> : null}
      {/* X cannot tell an app whether you liked or reposted a post elsewhere: the buttons show what Perch did. */}
      <BookmarkReadNote id={`${notes}-read`} readAt={readAt} />
      <p className="muted">{i18n.t('popup_engagement_note')}</p>
      <EnterpriseNote actions={actions} username={author?.username} />
      {mode === 'lists' && author ? (
        <ListPicker accountId={accountId} user={author} onChanged={() => void refresh()} onClose={() => setMode('actions')} />
      ) : null}
      {/* The person's last click refused, or the last read of the post failed (the panel stays, as a list's does). */}
      <ProblemLine problem={problem} readFailed={error} read={refresh} />
    </PostSection>
  );
}
