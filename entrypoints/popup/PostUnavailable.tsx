import { i18n } from '#i18n';
import type { PostContext } from '@/lib/messaging';
import type { ReactNode } from 'react';
import { LiveRegion } from '@/components/LiveLine';
import { Phrases } from '@/components/Phrases';
import { postUrl } from '@/lib/x-links';
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
        <Phrases text={tabErrorText(error, i18n.t('popup_post_not_loaded'))} />
      </p>
      <div className="quick-actions">
        <OnXLink label={i18n.t('popup_open_on_x')} href={postUrl(postId)} />
        <ActionButton icon="retry" label={i18n.t('popup_try_again')} onClick={onRetry} />
      </div>
    </section>
  );
}

/**
 * The post's panel: what it holds (`children`), then the line that says your own post is deleted through Perch —
 * on the page, empty and hidden from sight, from the panel's first screen, so a screen reader reads the word out when
 * it comes (a status created together with its words is often not read at all). Deleted, the panel is that line
 * alone, with nothing left to act on. `composing`: it holds a composer on the post in place of its actions, and is
 * not named "This post" then; it stays on the page, so the lines in it are there, empty, before the composer's end.
 */
export function PostSection({
  deleted = false,
  composing = false,
  children,
}: {
  deleted?: boolean;
  composing?: boolean;
  children?: ReactNode;
}) {
  return (
    <section
      className="post-panel"
      aria-label={composing ? undefined : i18n.t('popup_this_post')}
      {...(composing ? { 'data-composing': '' } : {})}
    >
      {deleted ? null : children}
      <LiveRegion role="status" tone="notice" text={deleted ? i18n.t('popup_post_deleted') : undefined} />
    </section>
  );
}
