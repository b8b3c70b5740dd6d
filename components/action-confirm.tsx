import { i18n } from '#i18n';
import { createRoot } from 'react-dom/client';
import { ACTION_TYPES } from '@/lib/action-types';
import type { ActionRequest } from '@/lib/messaging';
import { ConfirmDialog, type ConfirmRequest } from './ConfirmDialog';

/**
 * What Perch asks before an action its declaration (lib/action-types.ts) says needs asking, or undefined when it
 * is taken at once. Today that is Block: what it does is X's own list (x-api--users--blocks--integrate, "What
 * happens when you block").
 */
export function confirmationOf(action: ActionRequest): ConfirmRequest | undefined {
  if (!ACTION_TYPES[action.type].confirm) return undefined;
  const username = 'username' in action.params && action.params.username ? action.params.username : '';
  return {
    title: i18n.t('block_confirm_title', { username }),
    body: i18n.t('block_confirm_body'),
    confirm: i18n.t('block_confirm_yes', { username }),
    cancel: i18n.t('block_confirm_cancel'),
  };
}

/**
 * Resolves true at once for an action taken without asking; otherwise shows the confirmation over the page and
 * resolves with the person's answer (Escape or Cancel: false). Focus goes back to what had it.
 */
export function confirmAction(action: ActionRequest): Promise<boolean> {
  const request = confirmationOf(action);
  if (!request) return Promise.resolve(true);
  return new Promise((resolve) => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    root.render(
      <ConfirmDialog
        request={request}
        onClose={(confirmed) => {
          root.unmount();
          host.remove();
          resolve(confirmed);
        }}
      />,
    );
  });
}
