import { useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

interface Props {
  /** The first button's accessible name, naming its target ("Delete Compiler folks"). */
  label: string;
  /** Its visible text ("Delete"). */
  short: string;
  /** The question asked before anything happens: its group's accessible name, and its words on screen unless `shownPrompt`. */
  prompt: string;
  /** The question's words on screen when they hold X's text in a `<bdi>` (isolatedWords), which `prompt` names plainly. */
  shownPrompt?: ReactNode;
  /** The confirming button's accessible name ("Yes, delete Compiler folks"). */
  confirmLabel: string;
  cancelLabel: string;
  disabled?: boolean;
  /**
   * Does it. A promise keeps the question open until it settles, its confirming button busy with the focus on it (the
   * step in flight, never the page); once settled the question closes, the focus back on the first button if it is
   * still there (whoever took the step elsewhere, as to a status line, moves the focus before it settles).
   */
  onConfirm: () => void | Promise<unknown>;
}

/**
 * A destructive button with an explicit confirmation step: the first press only asks; the action happens on the
 * second, differently named button. Focus goes to Cancel when asking and back to the button when cancelled.
 */
export function ConfirmButton({ label, short, prompt, shownPrompt, confirmLabel, cancelLabel, disabled, onConfirm }: Props) {
  const [asking, setAsking] = useState(false);
  const [sending, setSending] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  // In the commit that swaps the buttons: the focus is never seen on the page between them.
  useLayoutEffect(() => {
    if (asking) cancelRef.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      openRef.current?.focus();
    }
  }, [asking]);

  // Escape cancels from either button (the only things in the question that take focus).
  function cancelOnEscape(e: KeyboardEvent<HTMLButtonElement>) {
    if (e.key !== 'Escape' || sending) return;
    returnFocus.current = true;
    setAsking(false);
  }

  if (!asking) {
    return (
      <button type="button" className="danger" ref={openRef} aria-label={label} disabled={disabled} onClick={() => setAsking(true)}>
        {short}
      </button>
    );
  }
  return (
    <div className="mgr-confirm" role="group" aria-label={prompt}>
      <p className="mgr-confirm-prompt">{shownPrompt ?? prompt}</p>
      <button
        type="button"
        className="danger"
        aria-busy={sending || undefined}
        aria-disabled={sending || undefined}
        onKeyDown={cancelOnEscape}
        onClick={() => {
          if (sending) return;
          const done = onConfirm();
          if (!(done instanceof Promise)) return setAsking(false);
          setSending(true);
          // A refusal is the caller's to say: here the question only closes, whatever the answer.
          void done
            .catch(() => undefined)
            .finally(() => {
              returnFocus.current = true;
              setSending(false);
              setAsking(false);
            });
        }}
      >
        {confirmLabel}
      </button>
      <button
        type="button"
        ref={cancelRef}
        disabled={sending}
        onKeyDown={cancelOnEscape}
        onClick={() => {
          returnFocus.current = true;
          setAsking(false);
        }}
      >
        {cancelLabel}
      </button>
    </div>
  );
}
