import { i18n } from '#i18n';
import type { UserView } from '@/lib/messaging';
import { accountWho, shownAccountName } from './account-words';
import { displaySegments, type DisplayUrl } from './post-text';

/** The post a reply answers or a quote quotes, as the screen opening the composer already has it. */
export interface ParentPostView {
  text: string;
  /** Its links, read as X's display URLs (example.com/…) in place of the t.co links in its text. */
  urls?: readonly DisplayUrl[] | undefined;
  author?: Pick<UserView, 'name' | 'username'> | null | undefined;
}

/** Stands for the @username inside "Replying to $1", where the message is split to isolate the name. */
const NAME = '\uE000';

/**
 * "Replying to @user" (or "Quoting @user") above the box, with the author's name and the post's text, compact:
 * the person sees what they answer, never a raw id, and its links as X shows them (example.com/…), never a t.co
 * address. Without the post (not loaded), a neutral line. An author whose stored names do not read is named as far
 * as they do ("Replying to Ada", the @username alone in the name's place), and when neither does, "Replying to a
 * post" above its text: never a bare "@".
 */
export function ParentPost({ mode, post }: { mode: 'reply' | 'quote'; post: ParentPostView | undefined }) {
  const author = post?.author;
  if (!post || !author) {
    return <p className="note">{mode === 'reply' ? i18n.t('composer_replying_to_post') : i18n.t('composer_quoting_post')}</p>;
  }
  const who = accountWho(author);
  const [before, after] = who
    ? i18n.t(mode === 'reply' ? 'composer_replying_to' : 'composer_quoting', [NAME]).split(NAME)
    : [mode === 'reply' ? i18n.t('composer_replying_to_post') : i18n.t('composer_quoting_post')];
  return (
    <div className="parent-post">
      <p className="parent-heading">
        {before}
        {who ? <bdi>{who}</bdi> : null}
        {after}
      </p>
      <blockquote className="parent-card">
        {who ? (
          <p className="parent-author">
            <bdi className="parent-name">{shownAccountName(author)}</bdi>
            {author.name && author.username ? (
              <>
                {' '}
                <bdi className="muted">@{author.username}</bdi>
              </>
            ) : null}
          </p>
        ) : null}
        <p className="parent-text">
          <bdi>
            {displaySegments(post.text, post.urls ?? [])
              .map((s) => s.text)
              .join('')}
          </bdi>
        </p>
      </blockquote>
    </div>
  );
}
