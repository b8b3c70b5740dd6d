import { i18n } from '#i18n';
import { useId } from 'react';
import { GIF_TYPE, MAX_IMAGES_PER_POST } from '@/lib/limits';
import { postUrl } from '@/lib/x-url';
import { sentenceGap } from '@/lib/sentence-gap';
import { isVideo } from './compose-rules';
import type { EditablePost } from './use-draft';

/**
 * Why a post takes no further image, in X's media rule (4 images, or 1 GIF, or 1 video:
 * x-api--media--quickstart--best-practices), or undefined while it has room.
 */
export function whyNoRoomForImage(post: EditablePost): string | undefined {
  if (post.media.some((m) => isVideo(m.type))) return i18n.t('compose_video_alone', { where: '' });
  if (post.media.some((m) => m.type === GIF_TYPE)) return i18n.t('compose_gif_alone', { where: '' });
  if (post.media.length >= MAX_IMAGES_PER_POST) return i18n.t('composer_too_many_images', MAX_IMAGES_PER_POST);
  return undefined;
}

interface ThreadPostToolsProps {
  /** The post's place in the thread, from 0. */
  index: number;
  /** How many posts the thread has. */
  count: number;
  /** The first post of a quote: X takes no media in it. */
  quoteFirst: boolean;
  /**
   * Why the post has no room for another image (whyNoRoomForImage), or undefined. Add image then says so with
   * aria-disabled, described by why, and ignores a press: `disabled` would drop its focus to the page once the image
   * that fills the post is in.
   */
  noRoomForImage: string | undefined;
  /** Whether the post is over the limit and can be split into a thread. */
  splittable: boolean;
  /**
   * Publishing, or an image or video being handed over: each button says so with aria-disabled and ignores a press, not
   * `disabled`, which would drop the focus of the one pressed to the page.
   */
  locked: boolean;
  onAddImage: () => void;
  onAddVideo: () => void;
  onSplit: () => void;
  onRemove: () => void;
}

/** Under one post's box: Add image, Add video, Split and Remove, each naming its post when there are several. */
export function ThreadPostTools(props: ThreadPostToolsProps) {
  const { index: i, count, quoteFirst, locked } = props;
  const several = count > 1;
  const whyId = useId();
  const noImage = locked || props.noRoomForImage !== undefined;
  return (
    <>
      {/* X takes no media in a quote post (createPosts: `media` is exclusive of `quote_tweet_id`). */}
      {quoteFirst ? <p className="muted">{i18n.t('composer_quote_no_media')}</p> : null}
      <div className="row">
        {quoteFirst ? null : (
          <>
            <button
              type="button"
              data-focus={`image:${i}`}
              aria-disabled={noImage || undefined}
              aria-describedby={props.noRoomForImage !== undefined ? whyId : undefined}
              onClick={noImage ? undefined : props.onAddImage}
            >
              {several ? i18n.t('composer_add_image_nth', [i + 1]) : i18n.t('composer_add_image')}
            </button>
            {props.noRoomForImage !== undefined ? (
              <span id={whyId} className="visually-hidden">
                {props.noRoomForImage}
              </span>
            ) : null}
            <button
              type="button"
              data-focus={`video:${i}`}
              aria-disabled={locked || undefined}
              onClick={locked ? undefined : props.onAddVideo}
            >
              {several ? i18n.t('composer_add_video_nth', [i + 1]) : i18n.t('composer_add_video')}
            </button>
          </>
        )}
        {props.splittable ? (
          <button type="button" aria-disabled={locked || undefined} onClick={locked ? undefined : props.onSplit}>
            {several ? i18n.t('composer_split_nth', [i + 1]) : i18n.t('composer_split')}
          </button>
        ) : null}
        {i > 0 ? (
          <button type="button" aria-disabled={locked || undefined} onClick={locked ? undefined : props.onRemove}>
            {i18n.t('composer_remove_post', [i + 1])}
          </button>
        ) : null}
      </div>
    </>
  );
}

/** A post of the thread already on X, in place of its box: said so, with a link to it. */
export function PostOnX({ index: i, id, username }: { index: number; id: string; username: string }) {
  return (
    <p className="muted">
      {i18n.t('composer_already_on_x', [i + 1])}
      {sentenceGap()}
      <a href={postUrl(id, username)} target="_blank" rel="noreferrer">
        {i18n.t('composer_view_post_on_x', [i + 1])}
      </a>
    </p>
  );
}
