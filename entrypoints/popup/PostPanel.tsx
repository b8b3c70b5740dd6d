import { useState } from 'react';
import { Composer } from '@/components/Composer';
import { dateOf } from '@/components/manager/format';
import type { PostContext } from '@/lib/messaging';
import { ActionButton } from './ActionButton';
import { act, latest } from './act';
import { ListPicker } from './ListPicker';
import { UserCard } from './UserCard';
import { useTabContext } from './use-tab-context';

/** Quick actions on the post in the current tab. */
export function PostPanel({ accountId, username, postId }: { accountId: string; username: string; postId: string }) {
  const { context: ctx, error, refresh } = useTabContext<PostContext>(accountId, { kind: 'post', postId });
  const [mode, setMode] = useState<'actions' | 'reply' | 'quote' | 'lists'>('actions');
  const [problem, setProblem] = useState<string>();

  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (!ctx) return <p aria-busy="true">Loading the post…</p>;

  const run = async (action: Parameters<typeof act>[1]) => {
    setProblem(await act(accountId, action));
    await refresh();
  };
  const p = { postId, ...(ctx.author ? { username: ctx.author.username } : {}) };
  const author = ctx.author;

  if (mode === 'reply' || mode === 'quote') {
    return (
      <>
        <button type="button" className="link" onClick={() => setMode('actions')}>
          Back to the post
        </button>
        <Composer
          key={mode}
          accountId={accountId}
          username={username}
          context={`${mode}:${postId}`}
          {...(mode === 'reply' ? { replyToId: postId } : { quoteId: postId })}
          title={mode === 'reply' ? 'Reply' : 'Quote'}
        />
      </>
    );
  }

  return (
    <section className="post-panel" aria-label="This post">
      {ctx.post ? (
        <article className="post-card">
          {author ? <UserCard user={author} /> : null}
          <p className="post-text">{ctx.post.text}</p>
          <p className="muted">
            {dateOf(ctx.post.createdAt)}
            {ctx.post.mediaCount ? ` · ${ctx.post.mediaCount === 1 ? '1 image or video' : `${ctx.post.mediaCount} images or videos`}` : ''}
            {ctx.post.quoted ? ' · quotes a post' : ''}
          </p>
        </article>
      ) : (
        <p className="notice" role="alert">
          {ctx.error?.message ?? 'Perch could not load this post.'}
        </p>
      )}
      <div className="quick-actions">
        <ActionButton
          label={ctx.bookmarked ? 'Remove bookmark' : 'Bookmark'}
          pressed={ctx.bookmarked}
          action={latest(ctx.actions, 'bookmark', 'unbookmark')}
          onClick={() => void run({ type: ctx.bookmarked ? 'unbookmark' : 'bookmark', params: p })}
        />
        <ActionButton
          label={ctx.reposted ? 'Undo repost' : 'Repost'}
          pressed={ctx.reposted}
          action={latest(ctx.actions, 'repost', 'undoRepost')}
          onClick={() => void run({ type: ctx.reposted ? 'undoRepost' : 'repost', params: p })}
        />
        <ActionButton
          label={ctx.liked ? 'Unlike' : 'Like'}
          pressed={ctx.liked}
          action={latest(ctx.actions, 'like', 'unlike')}
          onClick={() => void run({ type: ctx.liked ? 'unlike' : 'like', params: p })}
        />
        <ActionButton label="Reply" onClick={() => setMode('reply')} />
        <ActionButton label="Quote" onClick={() => setMode('quote')} />
      </div>
      {author ? (
        <div className="quick-actions" role="group" aria-label={`@${author.username}`}>
          <ActionButton
            label={author.muted ? `Unmute @${author.username}` : `Mute @${author.username}`}
            pressed={author.muted}
            action={latest(ctx.actions, 'mute', 'unmute')}
            onClick={() => void run({ type: author.muted ? 'unmute' : 'mute', params: { userId: author.id, username: author.username } })}
          />
          <ActionButton
            label={author.blocked ? `Unblock @${author.username}` : `Block @${author.username}`}
            pressed={author.blocked}
            action={latest(ctx.actions, 'block', 'unblock')}
            onClick={() =>
              void run({ type: author.blocked ? 'unblock' : 'block', params: { userId: author.id, username: author.username } })
            }
          />
          <ActionButton label={`Add @${author.username} to a list…`} onClick={() => setMode(mode === 'lists' ? 'actions' : 'lists')} />
        </div>
      ) : null}
      <EnterpriseNote actions={ctx.actions} username={author?.username} />
      {mode === 'lists' && author ? <ListPicker accountId={accountId} user={author} onChanged={() => void refresh()} /> : null}
      {problem ? (
        <p className="error" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}

/** X lets only Enterprise apps block: say so, and where the person can do it themselves. */
export function EnterpriseNote({ actions, username }: { actions: PostContext['actions']; username: string | undefined }) {
  const refused = actions.find((a) => a.state === 'failed' && a.error?.kind === 'enterprise-only');
  if (!refused || !username) return null;
  return (
    <p className="notice">
      X allows blocking through an app only on the Enterprise plan, so Perch could not do it.{' '}
      <a href={`https://x.com/${username}`} target="_blank" rel="noreferrer">
        Open @{username} on x.com
      </a>{' '}
      to {refused.type === 'unblock' ? 'unblock' : 'block'} them there.
    </p>
  );
}
