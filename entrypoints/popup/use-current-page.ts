import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { XUrl } from '@/lib/x-url';
import { readCurrentPage } from './prefetch';

export interface CurrentPage {
  url: string;
  title: string;
  x: XUrl;
}

/**
 * The page the popup acts on (./prefetch.ts `readCurrentPage`): as popup.html's head script read and parsed it, so
 * the first screen carries no parser of X's addresses; read here, with the parser loaded then, on a page without
 * that script. null for a tab without an address or when the tabs cannot be read.
 */
export function useCurrentPage(): CurrentPage | null | undefined {
  const [page, setPage] = useState<CurrentPage | null>();
  useEffect(() => {
    const read = window.perchCurrentPage ?? import('@/lib/x-url').then(({ parseXUrl }) => readCurrentPage(browser, parseXUrl));
    read.then(setPage, () => setPage(null));
  }, []);
  return page;
}
