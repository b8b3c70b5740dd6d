import { useEffect, type RefObject } from 'react';

/**
 * Opens a native `<dialog>` as a modal while the component is mounted (so focus stays inside and the page behind is
 * inert), puts the focus on `first` (else the browser's first control), and on unmount closes it and gives the focus
 * back to what had it before: the control that opened it, however the dialog was left.
 */
export function useModalDialog(dialogRef: RefObject<HTMLDialogElement | null>, first?: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    // What had the focus, by what it can do: the document's own HTMLElement is not every page's global.
    const before = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    first?.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (before?.isConnected && typeof before.focus === 'function') before.focus();
    };
    // Ref objects never change: this runs once, when the dialog opens.
  }, [dialogRef, first]);
}
