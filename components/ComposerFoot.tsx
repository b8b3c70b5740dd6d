import type { ReactNode } from 'react';
import { LiveRegion } from './LiveLine';

/** The composer's main button: Post or Update, its words while it works, and what it does. */
export interface SendAction {
  label: string;
  disabled: boolean;
  /**
   * At work (its label says so): said with aria-disabled and a press ignored, not `disabled`, which would drop the
   * keyboard's focus to the page; so when X refuses, the focus is still on the button pressed.
   */
  busy?: boolean | undefined;
  title?: string | undefined;
  onClick: () => void;
}

/**
 * The foot both composers share (the new post's and the edit's): what went wrong (`error`, then `saveError` when the
 * draft could not be kept), a done line between them (all three LiveRegions: on the page, empty, before they speak),
 * the row of actions (`children`, then `send`, the main button, which Control+Enter also presses), and why the post
 * cannot go yet (`reason`, which the main button points to).
 */
export function ComposerFoot({
  error,
  done,
  saveError,
  reason,
  reasonId,
  reasonClassName,
  send,
  children,
}: {
  error?: string | undefined;
  done?: string | undefined;
  saveError?: string | undefined;
  reason?: string | undefined;
  reasonId: string;
  reasonClassName: string;
  send?: SendAction | undefined;
  children: ReactNode;
}) {
  return (
    <>
      <LiveRegion role="alert" tone="error" text={error} />
      <LiveRegion role="status" tone="muted" text={done} />
      <LiveRegion role="alert" tone="error" text={saveError} />
      <div className="composer-actions row">
        {children}
        {send ? (
          <button
            type="button"
            className="primary"
            disabled={send.disabled}
            aria-disabled={send.busy || undefined}
            aria-describedby={reason ? reasonId : undefined}
            aria-keyshortcuts="Control+Enter Meta+Enter"
            title={send.title}
            onClick={() => {
              if (!send.busy) send.onClick();
            }}
          >
            {send.label}
          </button>
        ) : null}
      </div>
      {reason ? (
        <p id={reasonId} className={reasonClassName}>
          {reason}
        </p>
      ) : null}
    </>
  );
}
