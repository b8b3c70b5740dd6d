import { i18n } from '#i18n';
import type { UserView } from '@/lib/messaging';

/** The post a reply answers or a quote quotes, as the screen opening the composer already has it. */
export interface ParentPostView {
  text: string;
  author?: Pick<UserView, 'name' | 'username'> | null | undefined;
}

/** Stands for the @username inside "Replying to $1", where the message is split to isolate the name. */
const NAME = '\uE000';

/**
 * "Replying to @user" (or "Quoting @user") above the box, with the author's name and the post's text, compact:
 * the person sees what they answer, never a raw id. Without the post (not loaded), a neutral line.
 */
export function ParentPost({ mode, post }: { mode: 'reply' | 'quote'; post: ParentPostView | undefined }) {
  const author = post?.author;
  if (!post || !author) {
    return <p className="note">{mode === 'reply' ? i18n.t('composer_replying_to_post') : i18n.t('composer_quoting_post')}</p>;
  }
  const [before, after] = i18n.t(mode === 'reply' ? 'composer_replying_to' : 'composer_quoting', [NAME]).split(NAME);
  return (
    <div className="parent-post">
      <p className="parent-heading">
        {before}
        <bdi>@{author.username}</bdi>
        {after}
      </p>
      <blockquote className="parent-card">
        <p className="parent-author">
          <bdi className="parent-name">{author.name}</bdi> <bdi className="muted">@{author.username}</bdi>
        </p>
        <p className="parent-text">
          <bdi>{post.text}</bdi>
        </p>
      </blockquote>
    </div>
  );
}
