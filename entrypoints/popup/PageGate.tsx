import { i18n } from '#i18n';
import { useEffect, useState, type ReactNode } from 'react';
import { browser } from 'wxt/browser';
import { mayLoadAtOnce, namedTarget, openByClick } from '@/lib/popup-gate';
import { sharedPage } from '@/lib/share-page';
import type { CurrentPage } from './use-current-page';

type Gate = 'open' | 'closed' | undefined;

/**
 * The popup aimed at a named page (`popup.html?url=…`) by someone other than Perch waits for the person's click
 * before it asks X anything or writes a draft (lib/popup-gate.ts): it shows the address (and the title, to share),
 * and one button. The toolbar popup, and the window Perch itself opens with a grant, load at once.
 */
function useGate(): Gate {
  const [gate, setGate] = useState<Gate>();
  useEffect(() => {
    if (!namedTarget(location.href)) return setGate('open');
    void (async () => {
      const tab = await browser.tabs.getCurrent().catch(() => undefined);
      const open = tab?.id !== undefined && (await mayLoadAtOnce(tab.id, location.href).catch(() => false));
      // A reply the head's prefetch got before the click is a refusal: the panel asks again once open.
      if (!open) window.perchTabPrefetch = undefined;
      setGate(open ? 'open' : 'closed');
    })();
  }, []);
  return gate;
}

export function PageGate({ page, children }: { page: CurrentPage | null; children: ReactNode }) {
  const gate = useGate();
  const [clicked, setClicked] = useState(false);
  if (gate === 'open' || clicked) return children;
  if (gate === undefined || !page) return null;
  const label =
    page.x.kind === 'post'
      ? i18n.t('gate_show_post')
      : page.x.kind === 'profile'
        ? i18n.t('gate_show_profile')
        : page.x.kind === 'list'
          ? i18n.t('gate_show_list')
          : i18n.t('gate_share');
  // The title as the composer will start from it once open (lib/share-page.ts).
  const title = sharedPage(page.title, page.url).title;
  const onClick = async () => {
    const tab = await browser.tabs.getCurrent().catch(() => undefined);
    if (tab?.id !== undefined) await openByClick(tab.id, location.href);
    setClicked(true);
  };
  return (
    <section className="popup-gate" aria-label={i18n.t('gate_label')}>
      <p>{i18n.t('gate_note')}</p>
      <p className="popup-gate-url">
        <bdi>{page.url}</bdi>
      </p>
      {page.x.kind === 'other' && title ? (
        <p>
          <bdi>{i18n.t('gate_title', [title])}</bdi>
        </p>
      ) : null}
      <button type="button" className="primary" onClick={() => void onClick()}>
        {label}
      </button>
    </section>
  );
}
