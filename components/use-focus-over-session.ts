import { useEffect, useRef, type RefObject } from 'react';

/**
 * The control the focus was last on, anywhere on the page, or null once the person moved the focus off to nothing (a
 * click on the page's plain part). When a sign-in ends or changes from elsewhere (X refused it as the person pressed
 * Mute), the screen that held that control goes, and the browser drops the focus to the page: see focusHeaderOnceGone.
 */
export function useLastFocused(): RefObject<Element | null> {
  const lastFocused = useRef<Element | null>(null);
  useEffect(() => {
    const onFocusIn = (e: FocusEvent) => {
      // Only elements take the focus.
      lastFocused.current = e.target as Element | null;
    };
    // A control taken out of the page is gone by the time this looks, and stays the one to make up for.
    const onFocusOut = (e: FocusEvent) => {
      const left = e.target as Element | null;
      queueMicrotask(() => {
        if (left?.isConnected && lastFocused.current === left) lastFocused.current = null;
      });
    };
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', onFocusOut);
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', onFocusOut);
    };
  }, []);
  return lastFocused;
}

/**
 * A sign-in ended or changed without the person asking here (X refused it, or another Perch page switched account): when
 * the control the focus was on goes with the screen that held it — at once, or in the same change a moment later — and
 * the focus is left on the page, it goes to the header's first control (Sign in with X, or the menu of the account in
 * use), which stands where the person's screen starts; not once the person has moved the focus on. Returns the stop.
 */
export function focusHeaderOnceGone(had: Element | null, header: RefObject<HTMLElement | null>): (() => void) | undefined {
  if (!had || had === document.body) return undefined;
  const toHeader = () => {
    const at = document.activeElement;
    if (!at || at === document.body) header.current?.querySelector<HTMLElement>('button')?.focus();
  };
  if (!had.isConnected) {
    toHeader();
    return undefined;
  }
  const watch = new MutationObserver(() => {
    if (had.isConnected) return;
    stop();
    toHeader();
  });
  const stop = () => {
    watch.disconnect();
    document.removeEventListener('focusin', stop);
  };
  watch.observe(document.body, { childList: true, subtree: true });
  document.addEventListener('focusin', stop);
  return stop;
}
