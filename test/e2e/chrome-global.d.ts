// Code passed to page.evaluate()/worker.evaluate() runs inside the extension, where `chrome` is the browser's own API.
import type { Browser } from '@wxt-dev/browser';

declare global {
  const chrome: typeof Browser;
}
