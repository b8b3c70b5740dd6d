import { i18n } from '#i18n';
import { lazy, Suspense, useEffect, useRef, useState, type ComponentProps, type ComponentType, type ReactNode } from 'react';
import type { Composer as ComposerType } from '@/components/Composer';
import type { EditComposer as EditComposerType } from '@/components/EditComposer';
import type { ListPanel as ListPanelType } from './ListPanel';
import type { ListPicker as ListPickerType } from './ListPicker';
import { reloadPopup, takeReloadedForPart } from './part-reload';
import { sentenceGap } from '@/lib/sentence-gap';

/** What takes the focus in a part loaded again: its first control (the composer's text box, a List's first button). */
const CONTROL = 'textarea, input, button:not([disabled]), a[href]';

/**
 * A part of the popup loaded on first use. Its file may fail to load (Perch updated while the popup was open, a disk
 * error): a throw would empty the whole popup, so the part says it could not load, with a Try again that loads it
 * anew — React.lazy keeps a load's answer, so a part mounted after a failure is a lazy of its own. A Try again that
 * fails too reloads the popup, which reopens the part (./part-reload.ts): Firefox answers a second load of a file
 * that failed with the same failure for the page's life, and a file renamed by an update is named only by a new page.
 * The line counts as the screen drawn (use-screen-drawn.ts): the way-in links below show with it.
 */
function loadedOnUse<P extends object>(load: () => Promise<ComponentType<P>>, loading?: () => ReactNode): ComponentType<P> {
  const make = () =>
    lazy(async (): Promise<{ default: ComponentType<P> }> => {
      try {
        return { default: await load() };
      } catch {
        next = make();
        return { default: Unloaded };
      }
    });
  let next = make();

  function Unloaded(props: P) {
    const [again, setAgain] = useState<ComponentType<P>>();
    const trying = useRef(false);
    const button = useRef<HTMLButtonElement>(null);
    // Reloaded for this part and failed again: the focus goes back to Try again, not left on the new page.
    useEffect(() => {
      if (takeReloadedForPart() && (!document.activeElement || document.activeElement === document.body)) button.current?.focus();
    }, []);
    if (again)
      return (
        <>
          <FocusFrom />
          <Part part={again} props={props} />
        </>
      );
    const tryAgain = () => {
      if (trying.current) return;
      trying.current = true;
      load().then((loaded) => {
        next = lazy(() => Promise.resolve({ default: loaded }));
        setAgain(() => loaded);
      }, reloadPopup);
    };
    return (
      <p className="error" role="alert">
        {i18n.t('popup_part_unloaded')}
        {sentenceGap()}
        <button ref={button} type="button" onClick={tryAgain}>
          {i18n.t('popup_try_again')}
        </button>
      </p>
    );
  }

  function Part({ part: Loaded, props }: { part: ComponentType<P>; props: P }) {
    return (
      <Suspense fallback={loading?.() ?? null}>
        <Loaded {...props} />
        <Drawn />
      </Suspense>
    );
  }

  // Each mount keeps the load it started with: a popup drawn again (a new session, a page read) does not load anew.
  return function OnUse(props: P) {
    const [first] = useState(() => next);
    return <Part part={first} props={props} />;
  };
}

/**
 * Drawn with a part, once its file loaded or failed: a page Perch reloaded for the part (./part-reload.ts) is then no
 * longer waiting for it. A line that failed again took the focus already (its effect runs first); after a part that
 * loaded, a later failure elsewhere is not the reloaded one's and takes no focus from the page.
 */
function Drawn() {
  useEffect(() => void takeReloadedForPart(), []);
  return null;
}

/**
 * Drawn just before a part loading again: Try again, pressed, went with the line, so the focus goes to the first
 * control after here once one is drawn (a List's buttons come after its read), unless the person put it elsewhere.
 */
function FocusFrom() {
  const mark = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const from = mark.current;
    const parent = from?.parentElement;
    if (!from || !parent) return;
    const place = () => {
      const at = document.activeElement;
      if (at && at !== document.body) return observer.disconnect();
      for (let el = from.nextElementSibling; el; el = el.nextElementSibling) {
        const to = el.querySelector<HTMLElement>(CONTROL);
        if (to) {
          to.focus();
          return observer.disconnect();
        }
      }
    };
    const observer = new MutationObserver(place);
    observer.observe(parent, { childList: true, subtree: true });
    place();
    return () => observer.disconnect();
  }, []);
  return <span hidden ref={mark} />;
}

/**
 * What the popup loads only when it is used: the composer (with the character counter's URL and emoji tables, a
 * third of the popup's own code), the list picker, and a List's panel (it reads the synced lists from the store: the
 * popup elsewhere needs no Dexie). The popup on a post or a profile paints its actions without them; a page to share,
 * a reply, a quote, a list choice or a List's page loads them then (a few milliseconds, from the extension).
 */
// While its code loads, the composer's own empty, busy box (as while its draft is read): the focus of a gate just
// pressed waits there (use-first-action-focus.ts), not on the page.
export const Composer = loadedOnUse<ComponentProps<typeof ComposerType>>(
  async () => (await import('@/components/Composer')).Composer,
  () => <section className="composer" aria-busy="true" aria-label={i18n.t('composer_label')} />,
);
export const EditComposer = loadedOnUse<ComponentProps<typeof EditComposerType>>(
  async () => (await import('@/components/EditComposer')).EditComposer,
);
export const ListPicker = loadedOnUse<ComponentProps<typeof ListPickerType>>(async () => (await import('./ListPicker')).ListPicker);
export const ListPanel = loadedOnUse<ComponentProps<typeof ListPanelType>>(
  async () => (await import('./ListPanel')).ListPanel,
  () => (
    <p className="muted" aria-busy="true">
      {i18n.t('popup_list_loading')}
    </p>
  ),
);
