import { i18n } from '#i18n';
import { useEffect, useId, useRef } from 'react';
import type { AccountView } from '@/lib/storage';

/** What signing out would delete that exists nowhere else: actions not yet sent to X, and drafts. */
export interface SignOutLoss {
  queued: number;
  drafts: number;
}

/**
 * Reads what signing out would lose, from the store (useLiveQuery's store; opened only when asked, so the popup's
 * bundle does not carry it). @throws if IndexedDB fails.
 */
export async function signOutLoss(accountId: string): Promise<SignOutLoss> {
  const { db } = await import('@/lib/db');
  const [queued, sending, drafts] = await Promise.all([
    db().actions.where('[accountId+state]').equals([accountId, 'queued']).count(),
    db().actions.where('[accountId+state]').equals([accountId, 'sending']).count(),
    db().drafts.where('accountId').equals(accountId).count(),
  ]);
  return { queued: queued + sending, drafts };
}

interface Props {
  account: AccountView;
  /** undefined while it is being counted; 'uncounted' when the store could not be read. */
  loss: SignOutLoss | 'uncounted' | undefined;
  onClose(confirmed: boolean): void;
}

/**
 * "Sign out of @name?": says what will happen and what will be lost, before anything is. A native modal `<dialog>`:
 * focus stays inside, Cancel has it first, Escape cancels, and focus goes back to the Sign out button.
 * A choice to keep something (issues 14, 15: notes, drafts) is one more checkbox after the list of losses, its
 * value handed to `onClose` with the answer and on to `auth.signOut`.
 */
export function SignOutDialog({ account, loss, onClose }: Props) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (before?.isConnected) before.focus();
    };
  }, []);

  const losses =
    loss === 'uncounted'
      ? [i18n.t('sign_out_lose_uncounted')]
      : [
          loss?.queued ? i18n.t('sign_out_lose_queued', loss.queued) : '',
          loss?.drafts ? i18n.t('sign_out_lose_drafts', loss.drafts) : '',
        ].filter(Boolean);

  return (
    <dialog
      ref={ref}
      className="sign-out-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(e) => {
        // Escape: close through React, so focus goes back the same way as on Cancel.
        e.preventDefault();
        onClose(false);
      }}
    >
      <h2 id={`${id}-title`}>{i18n.t('sign_out_title', [account.username])}</h2>
      <div id={`${id}-body`}>
        <p>{i18n.t('sign_out_body')}</p>
        {!loss ? (
          <p aria-busy="true">{i18n.t('sign_out_counting')}</p>
        ) : losses.length ? (
          <>
            <p>{i18n.t('sign_out_lose')}</p>
            <ul>
              {losses.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>{i18n.t('sign_out_lose_nothing')}</p>
        )}
      </div>
      <div className="sign-out-dialog-buttons">
        <button type="button" className="danger" disabled={!loss} onClick={() => onClose(true)}>
          {i18n.t('header_sign_out')}
        </button>
        <button type="button" ref={cancelRef} onClick={() => onClose(false)}>
          {i18n.t('sign_out_cancel')}
        </button>
      </div>
    </dialog>
  );
}
