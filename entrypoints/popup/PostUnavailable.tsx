import { i18n } from '#i18n';
import type { PostContext } from '@/lib/messaging';
import { postUrl } from '@/lib/x-url';
import { ActionButton } from './ActionButton';
import { OnXLink } from './OnXLink';
import { tabErrorText } from './tab-error-text';

/**
 * A post Perch could not load (X could not find it, or could not be asked): the failure, and only what still works
 * — opening it on x.com, or asking X again. Nothing that would act on a post Perch has not seen.
 */
export function PostUnavailable({ postId, error, onRetry }: { postId: string; error: PostContext['error']; onRetry: () => void }) {
  return (
    <section className="post-panel" aria-label={i18n.t('popup_this_post')}>
      <p className="notice" role="alert">
        {tabErrorText(error, i18n.t('popup_post_not_loaded'))}
      </p>
      <div className="quick-actions">
        <OnXLink label={i18n.t('popup_open_on_x')} href={postUrl(postId)} />
        <ActionButton icon="retry" label={i18n.t('popup_try_again')} onClick={onRetry} />
      </div>
    </section>
  );
}

/** Your own post, deleted through Perch: said, with nothing left to act on. */
export function PostDeleted() {
  return (
    <section className="post-panel" aria-label={i18n.t('popup_this_post')}>
      <p className="notice" role="status">
        {i18n.t('popup_post_deleted')}
      </p>
    </section>
  );
}
