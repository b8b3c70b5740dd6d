import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * Whether the popup's screen (what it shows for the page) is drawn: something in it, and none of it a placeholder
 * still loading (`aria-busy`: a post, a profile, a List or a draft on its way) nor a part still to come in it
 * (`data-filling`: the composer's link price, until storage says whether it shows). The lazy composer and List panel
 * draw nothing until they are in, so they count as not drawn until then. The way-in links below wait for this, so they
 * appear where they stay, not under a screen still to come (which would move them as a person reaches for them).
 *
 * They go while a new screen comes in (New post pressed on a post: the composer's code still loading). Had one of
 * them the focus, it goes to the popup's main region first, and from there to what the new screen puts it on (the
 * composer's text box): never to the page, whence a keyboard user's next Tab would start again from the top.
 */
export function useScreenDrawn(screen: RefObject<HTMLElement | null>): boolean {
  const [drawn, setDrawn] = useState(false);
  useLayoutEffect(() => {
    const el = screen.current;
    if (!el) return;
    const check = () => {
      // A hidden mark (lazy.tsx's FocusFrom, before a part loaded again) is not something drawn.
      const shown = [...el.children].some((child) => !child.hasAttribute('hidden'));
      const now = shown && !el.querySelector(':scope > [aria-busy="true"], [data-filling]');
      const main = el.closest('main');
      if (!now) keepFocusFrom(main?.querySelector('.popup-way-in') ?? null, main);
      setDrawn(now);
    };
    const observer = new MutationObserver(check);
    observer.observe(el, { childList: true, subtree: true, attributeFilter: ['aria-busy', 'data-filling'] });
    check();
    return () => observer.disconnect();
  }, [screen]);
  return drawn;
}

/** The focus, in `links` about to go, moved to `region`: focusable by script alone, and only until it leaves. */
function keepFocusFrom(links: Element | null, region: HTMLElement | null): void {
  if (!links || !region || !links.contains(document.activeElement)) return;
  region.tabIndex = -1;
  region.addEventListener('blur', () => region.removeAttribute('tabindex'), { once: true });
  region.focus();
}
