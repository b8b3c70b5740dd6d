import { i18n } from '#i18n';
import { numberOf } from '@/lib/reader-locale';
import { useEffect, useId, useRef, useState } from 'react';
import { ALT_TEXT_MAX } from '@/lib/limits';
import { withoutBidiControls } from '@/lib/text/bidi';
import { FileNameWords, spokenFileWords } from './FileNameWords';
import { altLength, clockLength, isVideo } from './compose-rules';
import type { EditablePost } from './use-draft';

type Media = EditablePost['media'][number];

/**
 * The images attached to post `index` of the draft, each with its Remove button and its description (alt text):
 * "Add description" opens a labelled box with X's 1000-character count; "Remove description" takes it away. A video
 * shows its name, its length ("Video, 0:05"), its Remove button, and that X takes no description of it.
 */
export function PostMedia({
  media,
  index,
  locked = false,
  onRemove,
  onAlt,
}: {
  media: EditablePost['media'];
  index: number;
  /**
   * The draft is being published: X reads each file and description as its post goes, so nothing here changes until
   * X answers. Buttons say so with aria-disabled and ignore a press; a description box stays readable and focusable.
   */
  locked?: boolean;
  onRemove: (id: string) => void;
  /** A new description for image `id`, or undefined to remove it. */
  onAlt: (id: string, alt: string | undefined) => void;
}) {
  // Where focus goes after the person opens or removes a description: the box, or the button that brings it back.
  const [focus, setFocus] = useState<{ id: string; to: 'box' | 'add' }>();
  if (!media.length) return null;
  return (
    <ul className="media-list" aria-label={i18n.t('composer_images_label', [index + 1])}>
      {media.map((m) => (
        <li key={m.id} className="media-item">
          <div className="media-row">
            {m.previewUrl && !isVideo(m.type) ? <img src={m.previewUrl} alt="" width={48} height={48} /> : null}
            <bdi className="media-name">{m.name}</bdi>
            {isVideo(m.type) && m.durationSecs !== undefined ? (
              <span className="media-length">{i18n.t('composer_video_length', [clockLength(m.durationSecs)])}</span>
            ) : null}
            <RemoveMedia media={m} locked={locked} onRemove={onRemove} />
          </div>
          {isVideo(m.type) ? (
            // X's metadata (createMediaMetadata) documents descriptions of images and GIFs only: said, not left unexplained.
            <p className="muted">{i18n.t('composer_video_no_description')}</p>
          ) : m.alt === undefined ? (
            <AddDescription
              media={m}
              locked={locked}
              focused={focus?.id === m.id && focus.to === 'add'}
              onAdd={() => {
                setFocus({ id: m.id, to: 'box' });
                onAlt(m.id, '');
              }}
            />
          ) : (
            <Description
              media={m}
              alt={m.alt}
              locked={locked}
              focused={focus?.id === m.id && focus.to === 'box'}
              onChange={(alt) => onAlt(m.id, alt)}
              onRemove={() => {
                setFocus({ id: m.id, to: 'add' });
                onAlt(m.id, undefined);
              }}
            />
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * A file's Remove button: "Remove image <name>", the name isolated on screen, and the same words as its accessible name
 * without the name's bidi formatting characters.
 */
function RemoveMedia({ media, locked, onRemove }: { media: Media; locked: boolean; onRemove: (id: string) => void }) {
  const words = (name: string) => i18n.t(isVideo(media.type) ? 'composer_remove_video' : 'composer_remove_image', [name]);
  return (
    <button
      type="button"
      aria-label={spokenFileWords(words, media.name)}
      aria-disabled={locked || undefined}
      onClick={locked ? undefined : () => onRemove(media.id)}
    >
      <FileNameWords words={words} name={media.name} />
    </button>
  );
}

/** "Description of <name>": the description box's label. */
const describing = (name: string) => i18n.t('composer_description_label', [name]);

/** Moves focus to the element once when `focused` turns true. */
function useFocusWhen<E extends HTMLElement>(focused: boolean) {
  const ref = useRef<E>(null);
  useEffect(() => {
    if (focused) ref.current?.focus();
  }, [focused]);
  return ref;
}

function AddDescription({ media, locked, focused, onAdd }: { media: Media; locked: boolean; focused: boolean; onAdd: () => void }) {
  const ref = useFocusWhen<HTMLButtonElement>(focused);
  return (
    <button ref={ref} type="button" className="media-describe" aria-disabled={locked || undefined} onClick={locked ? undefined : onAdd}>
      {i18n.t('composer_add_description')}
      <span className="visually-hidden"> ({withoutBidiControls(media.name)})</span>
    </button>
  );
}

function Description({
  media,
  alt,
  locked,
  focused,
  onChange,
  onRemove,
}: {
  media: Media;
  alt: string;
  locked: boolean;
  focused: boolean;
  onChange: (alt: string) => void;
  onRemove: () => void;
}) {
  const id = useId();
  const ref = useFocusWhen<HTMLTextAreaElement>(focused);
  const length = altLength(alt);
  const over = length > ALT_TEXT_MAX;
  return (
    <div className="media-alt">
      <label htmlFor={id}>
        <FileNameWords words={describing} name={media.name} />
      </label>
      <textarea
        ref={ref}
        id={id}
        aria-label={spokenFileWords(describing, media.name)}
        rows={2}
        value={alt}
        aria-describedby={`${id}-count`}
        aria-invalid={over || undefined}
        readOnly={locked}
        onChange={(e) => {
          if (!locked) onChange(e.target.value);
        }}
      />
      <div className="media-alt-footer">
        <span id={`${id}-count`} className={over ? 'media-alt-count over' : 'media-alt-count'}>
          {i18n.t('composer_description_count', [numberOf(length), numberOf(ALT_TEXT_MAX)])}
        </span>
        <button type="button" aria-disabled={locked || undefined} onClick={locked ? undefined : onRemove}>
          {i18n.t('composer_remove_description')}
          <span className="visually-hidden"> ({withoutBidiControls(media.name)})</span>
        </button>
      </div>
    </div>
  );
}
