import { useId, useRef, type ReactNode } from 'react';
import { Phrases } from './Phrases';
import { useModalDialog } from './use-modal-dialog';
import './confirm-dialog.css';

/** What a confirmation says: the question, what will happen, and its two buttons. */
export interface ConfirmRequest {
  /** The question, as the dialog's name ("Block @gracehop?"). */
  title: string;
  /** What will happen, in full: a sentence, or more (a list of what will be lost). */
  body: ReactNode;
  /** The button that does it ("Block @gracehop"). */
  confirm: string;
  cancel: string;
}

interface Props {
  request: ConfirmRequest;
  /** The confirm button waits (e.g. while what would be lost is still being counted). */
  confirmDisabled?: boolean;
  onClose: (confirmed: boolean) => void;
}

/**
 * A modal confirmation (a native `<dialog>`, so focus stays inside and the page behind is inert): Cancel has focus
 * first, Escape cancels, and focus goes back to what had it before, whether the person confirmed or not.
 */
export function ConfirmDialog({ request, confirmDisabled, onClose }: Props) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  useModalDialog(ref, cancelRef);

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(e) => {
        // Escape: close through React, so focus goes back the same way as on Cancel.
        e.preventDefault();
        onClose(false);
      }}
    >
      <h2 id={`${id}-title`}>
        <Phrases text={request.title} />
      </h2>
      <div id={`${id}-body`}>
        {typeof request.body === 'string' ? (
          <p>
            <Phrases text={request.body} />
          </p>
        ) : (
          request.body
        )}
      </div>
      <div className="confirm-dialog-buttons">
        <button type="button" className="danger" disabled={confirmDisabled} onClick={() => onClose(true)}>
          {request.confirm}
        </button>
        <button type="button" ref={cancelRef} onClick={() => onClose(false)}>
          {request.cancel}
        </button>
      </div>
    </dialog>
  );
}
