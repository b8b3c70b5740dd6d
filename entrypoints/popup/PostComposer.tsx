import { i18n } from '#i18n';
import type { EditView, PostContext } from '@/lib/messaging';
import { shareContext } from '@/lib/share-context';
import { postUrl } from '@/lib/x-links';
import { Composer, EditComposer } from './lazy';

/** What the popup writes on a post, in place of its actions: a reply, a quote, a post with its link, or an edit. */
export type PostComposing = 'reply' | 'quote' | 'link' | 'edit';

export interface PostComposerProps {
  mode: PostComposing;
  accountId: string;
  username: string;
  postId: string;
  post: NonNullable<PostContext['post']>;
  author: PostContext['author'];
  /** X's word on editing your own post, kept once Edit is chosen even as its window closes; without it, no edit. */
  edit: EditView | undefined;
  /** Back to the post's actions. */
  onBack: () => void;
}

/**
 * A composer on the post in the current tab, under a way back to the post. Null when the mode has nothing to write
 * on (a link without the post's author, an edit without X's word on it): the post's actions show instead.
 */
export function PostComposer({ mode, accountId, username, postId, post, author, edit, onBack }: PostComposerProps) {
  let composer;
  if (mode === 'link' && author) {
    const url = postUrl(postId, author.username);
    composer = (
      <Composer
        accountId={accountId}
        username={username}
        context={shareContext(url)}
        initialText={url}
        title={i18n.t('popup_link_title')}
      />
    );
  } else if (mode === 'edit' && edit) {
    composer = <EditComposer accountId={accountId} username={username} edit={edit} />;
  } else if (mode === 'reply' || mode === 'quote') {
    composer = (
      <Composer
        key={mode}
        accountId={accountId}
        username={username}
        context={`${mode}:${postId}`}
        {...(mode === 'reply' ? { replyToId: postId } : { quoteId: postId })}
        authorUsername={author?.username}
        parent={{ text: post.text, urls: post.urls, author }}
        title={mode === 'reply' ? i18n.t('popup_reply') : i18n.t('popup_quote')}
      />
    );
  } else {
    return null;
  }
  return (
    <>
      <button type="button" className="link" onClick={onBack}>
        {i18n.t('popup_back_to_post')}
      </button>
      {composer}
    </>
  );
}
