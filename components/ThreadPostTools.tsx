import { i18n } from '#i18n';
import { postUrl } from '@/lib/x-url';
import { sentenceGap } from '@/lib/sentence-gap';

interface ThreadPostToolsProps {
  /** The post's place in the thread, from 0. */
  index: number;
  /** How many posts the thread has. */
  count: number;
  /** The first post of a quote: X takes no media in it. */
  quoteFirst: boolean;
  /** Whether the post has room for another image. */
  roomForImage: boolean;
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
              disabled={!props.roomForImage}
              aria-disabled={locked || undefined}
              onClick={locked ? undefined : props.onAddImage}
            >
              {several ? i18n.t('composer_add_image_nth', [i + 1]) : i18n.t('composer_add_image')}
            </button>
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
