import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { parseXUrl, type XUrl } from '@/lib/x-url';

export interface CurrentPage {
  url: string;
  title: string;
  x: XUrl;
}

/**
 * The page the popup acts on: the active tab (readable through `activeTab`, granted by the click that opened the
 * popup), or the page a context-menu entry named (`?url=…&title=…`, when Perch opens itself in a window).
 */
export function useCurrentPage(): CurrentPage | null | undefined {
  const [page, setPage] = useState<CurrentPage | null>();
  useEffect(() => {
    const params = new URLSearchParams(location.search);
    const named = params.get('url');
    if (named) {
      setPage({ url: named, title: params.get('title') ?? '', x: parseXUrl(named) });
      return;
    }
    browser.tabs.query({ active: true, currentWindow: true }).then(
      ([tab]) => setPage(tab?.url ? { url: tab.url, title: tab.title ?? '', x: parseXUrl(tab.url) } : null),
      () => setPage(null),
    );
  }, []);
  return page;
}
