import { i18n } from '#i18n';
import { useId, useState } from 'react';
import type { PostMedia } from '@/lib/db';
import { xImageUrl } from '@/lib/image-url';

const HEIGHT = 72;

/** What a media item is, in a word: "Image", "Video", "GIF". */
function kindWord(m: PostMedia): string {
  if (m.type === 'video') return i18n.t('bookmarks_media_video');
  if (m.type === 'animated_gif') return i18n.t('bookmarks_media_gif');
  return i18n.t('bookmarks_media_image');
}

/** A thumbnail's width for its height, from X's width and height (a square when X gave none), within limits. */
function widthOf(m: PostMedia): number {
  const ratio = m.width && m.height ? m.width / m.height : 1;
  return Math.round(Math.min(Math.max(ratio, 0.6), 1.8) * HEIGHT);
}

/**
 * One small picture of a post's media: a photo's image, or a video's or GIF's still with a play mark. Its alt text is
 * X's `alt_text`; without one the image is decorative and the word "Image" (or Video, GIF) is said instead. An image
 * that does not load (blocked, offline, gone from X) becomes a plain tile with that word: never the browser's
 * broken-image icon (as components/Avatar.tsx does). With alt text it carries X's "ALT" badge, a button that shows
 * the description under the pictures (`descriptionId`), as X does.
 */
function MediaThumb({
  media,
  descriptionId,
  expanded,
  onAlt,
}: {
  media: PostMedia;
  descriptionId: string;
  expanded: boolean;
  onAlt: () => void;
}) {
  const [failed, setFailed] = useState(false);
  // Only a picture on X's image hosts (lib/image-url.ts); one named elsewhere shows as the tile, as one that failed.
  const url = xImageUrl(media.url);
  const previewUrl = xImageUrl(media.previewUrl);
  const src = media.type === 'photo' ? (url ?? previewUrl) : (previewUrl ?? url);
  const moving = media.type === 'video' || media.type === 'animated_gif';
  const word = kindWord(media);
  const width = widthOf(media);
  return (
    <span className="bookmarks-thumb" style={{ width, height: HEIGHT }}>
      {src && !failed ? (
        <>
          <img
            src={src}
            alt={media.altText ?? ''}
            width={width}
            height={HEIGHT}
            loading="lazy"
            decoding="async"
            onError={() => setFailed(true)}
          />
          {media.altText && !moving ? null : <span className="visually-hidden">{word}</span>}
        </>
      ) : (
        <span className="bookmarks-thumb-tile" role="img" aria-label={media.altText ? `${word}: ${media.altText}` : word}>
          <span aria-hidden="true">{word}</span>
        </span>
      )}
      {moving ? (
        <span className="bookmarks-thumb-play" aria-hidden="true">
          ▶
        </span>
      ) : null}
      {media.altText ? (
        <button
          type="button"
          className="bookmarks-thumb-alt"
          aria-label={i18n.t('media_alt_label')}
          aria-expanded={expanded}
          aria-controls={descriptionId}
          onClick={onAlt}
        >
          {i18n.t('media_alt_badge')}
        </button>
      ) : null}
    </span>
  );
}

/**
 * The media of a post, as a row of small thumbnails (a bookmark's card, the popup's post card). The description of
 * the one whose ALT badge was pressed shows under the row, until it is pressed again.
 */
export function MediaThumbs({ media }: { media: readonly PostMedia[] }) {
  const [shown, setShown] = useState<string>();
  const id = useId();
  const described = media.find((m) => m.key === shown && m.altText);
  return (
    <div className="bookmarks-media-block">
      <div className="bookmarks-media">
        {media.map((m) => (
          <MediaThumb
            key={m.key}
            media={m}
            descriptionId={`${id}-alt`}
            expanded={described?.key === m.key}
            onAlt={() => setShown((key) => (key === m.key ? undefined : m.key))}
          />
        ))}
      </div>
      {described ? (
        <p id={`${id}-alt`} className="bookmarks-alt-text">
          <bdi>{described.altText}</bdi>
        </p>
      ) : null}
    </div>
  );
}
