import { i18n } from '#i18n';
import type { EditablePost } from './use-draft';

/** The images attached to post `index` of the draft, each with its Remove button. */
export function PostMedia({ media, index, onRemove }: { media: EditablePost['media']; index: number; onRemove: (id: string) => void }) {
  if (!media.length) return null;
  return (
    <ul className="media-list" aria-label={i18n.t('composer_images_label', [index + 1])}>
      {media.map((m) => (
        <li key={m.id} className="media-item">
          {m.previewUrl ? <img src={m.previewUrl} alt="" width={48} height={48} /> : null}
          <span className="media-name">{m.name}</span>
          <button type="button" onClick={() => onRemove(m.id)}>
            {i18n.t('composer_remove_image', [m.name])}
          </button>
        </li>
      ))}
    </ul>
  );
}
