import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const CHROME_BUILD = path.join(ROOT, '.output/chrome-mv3-test');
export const FIREFOX_BUILD = path.join(ROOT, '.output/firefox-mv3-test');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Flags for a root, offline, headless machine: no sandbox, no calls home (they would only be refused). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
];
