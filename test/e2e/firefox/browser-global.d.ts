// Code passed to page.evaluate() in Firefox runs inside the extension, where `browser` is Firefox's own API.
import type { Browser as WebExtBrowser } from '@wxt-dev/browser';

declare global {
  const browser: typeof WebExtBrowser;
}
