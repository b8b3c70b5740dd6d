import { i18n } from '#i18n';
import { createRoot } from 'react-dom/client';
import { ACTION_TYPES } from '@/lib/action-types';
import type { ActionRequest } from '@/lib/messaging';
import { ConfirmDialog, type ConfirmRequest } from './ConfirmDialog';
import { Phrases } from './Phrases';

/**
 * What the screen knows of the account an action is about: whether the person follows it, `unsaid` when X did not say
 * (left out where the screen cannot know: nothing is said of a follow).
 */
export interface ConfirmAbout {
  following?: boolean | 'unsaid';
}

/**
 * What Perch asks before an action its declaration (lib/action-types.ts) says needs asking, or undefined when it
 * is taken at once. Today that is Block: what it does is X's own list (x-api--users--blocks--integrate, "What
 * happens when you block": you can no longer follow them). Blocking someone the person follows ends that follow,
 * and unblocking does not bring it back, so the question says so when they follow them, and as an "if" when X did
 * not say whether they do.
 */
export function confirmationOf(action: ActionRequest, about: ConfirmAbout = {}): ConfirmRequest | undefined {
  if (!ACTION_TYPES[action.type].confirm) return undefined;
  const username = 'username' in action.params && action.params.username ? action.params.username : '';
  const body = i18n.t('block_confirm_body');
  const follow =
    about.following === true
      ? i18n.t('block_confirm_unfollows', { username })
      : about.following === 'unsaid'
        ? i18n.t('block_confirm_may_unfollow', { username })
        : undefined;
  return {
    title: i18n.t('block_confirm_title', { username }),
    body: follow ? (
      <>
        <p>
          <Phrases text={follow} />
        </p>
        <p>
          <Phrases text={body} />
        </p>
      </>
    ) : (
      body
    ),
    confirm: i18n.t('block_confirm_yes', { username }),
    cancel: i18n.t('block_confirm_cancel'),
  };
}

/**
 * Resolves true at once for an action taken without asking; otherwise shows the confirmation over the page and
 * resolves with the person's answer (Escape or Cancel: false). Focus goes back to what had it. `about`: what the
 * screen knows of the account (confirmationOf).
 */
export function confirmAction(action: ActionRequest, about: ConfirmAbout = {}): Promise<boolean> {
  const request = confirmationOf(action, about);
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
