import { browser } from 'wxt/browser';

/**
 * The background's clock. In the store build it is Date.now(). In the test build only, it can be moved forward
 * together with the X API emulator's clock (`test.clockOffsetMs` in storage.local), so end-to-end tests can live
 * through an hour of rate-limit windows in seconds. The branch is removed from other builds.
 */
let offset = 0;

/** Epoch milliseconds, as the background reckons time. */
export function now(): number {
  return Date.now() + offset;
}

/** Starts following the test clock offset (test builds only; a no-op otherwise). Call once, in the background. */
export function followTestClock(): void {
  if (import.meta.env.MODE !== 'test') return;
  const KEY = 'test.clockOffsetMs';
  const apply = (value: unknown) => {
    offset = typeof value === 'number' && Number.isFinite(value) ? value : 0;
  };
  void browser.storage.local.get(KEY).then((v: Record<string, unknown>) => apply(v[KEY]));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && KEY in changes) apply(changes[KEY]?.newValue);
  });
}
