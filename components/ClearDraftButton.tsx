import { i18n } from '#i18n';
import { ConfirmButton } from './manager/ConfirmButton';

/**
 * "Clear draft". An empty draft clears at once; one with text or images asks first, in place. A confirmation
 * rather than an Undo: the images live only in Perch's store and go with the draft, and the popup closes as soon
 * as it loses focus, so an Undo would either keep deleted images with no screen left to bring them back, or
 * bring back the text without them.
 */
export function ClearDraftButton({ empty, disabled, onClear }: { empty: boolean; disabled: boolean; onClear: () => void }) {
  if (empty) {
    return (
      <button type="button" disabled={disabled} onClick={onClear}>
        {i18n.t('composer_clear_draft')}
      </button>
    );
  }
  return (
    <ConfirmButton
      label={i18n.t('composer_clear_draft')}
      short={i18n.t('composer_clear_draft')}
      prompt={i18n.t('composer_clear_prompt')}
      confirmLabel={i18n.t('composer_clear_confirm')}
      cancelLabel={i18n.t('composer_clear_cancel')}
      disabled={disabled}
      onConfirm={onClear}
    />
  );
}
