import { i18n } from '#i18n';
import { ConfirmDialog } from '@/components/ConfirmDialog';

/** "Delete post?", asked before your own post is deleted on X: `onClose(true)` deletes it. */
export function DeletePostDialog({ onClose }: { onClose: (confirmed: boolean) => void }) {
  return (
    <ConfirmDialog
      request={{
        title: i18n.t('popup_delete_title'),
        body: i18n.t('popup_delete_body'),
        confirm: i18n.t('popup_delete_post'),
        cancel: i18n.t('block_confirm_cancel'),
      }}
      onClose={onClose}
    />
  );
}
