import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * Whether the popup's screen (what it shows for the page) is drawn: something in it, and none of it a placeholder
 * still loading (`aria-busy`: a post, a profile, a List or a draft on its way) nor a part still to come in it
 * (`data-filling`: the composer's link price, until storage says whether it shows). The lazy composer and List panel
 * draw nothing until they are in, so they count as not drawn until then. The way-in links below wait for this, so they
 * appear where they stay, not under a screen still to come (which would move them as a person reaches for them).
 */
export function useScreenDrawn(screen: RefObject<HTMLElement | null>): boolean {
  const [drawn, setDrawn] = useState(false);
  useLayoutEffect(() => {
    const el = screen.current;
    if (!el) return;
    const check = () => setDrawn(el.childElementCount > 0 && !el.querySelector(':scope > [aria-busy="true"], [data-filling]'));
    const observer = new MutationObserver(check);
    observer.observe(el, { childList: true, subtree: true, attributeFilter: ['aria-busy', 'data-filling'] });
    check();
    return () => observer.disconnect();
  }, [screen]);
  return drawn;
}
