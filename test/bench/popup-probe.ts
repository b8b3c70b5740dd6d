/**
 * What the popup bench watches inside the page, installed before any of the page's own scripts run
 * (`addInitScript`): the same probe on the popup and on the empty extension page, so both are timed alike.
 *
 *   painted  the first frame after the watched element is in the document (requestAnimationFrame runs just before
 *            that frame is painted): on the popup, the Bookmark button with its state (its label, Bookmark or Remove
 *            bookmark, read from the store); on the empty page, its one paragraph.
 *   working  with `click` set, the probe clicks Bookmark the moment it appears, and again on each later frame
 *            until the click acts: `sent` is when the popup hands the `action.do` message to the browser for the
 *            background, `answered` when the background's reply is back; `clicked` is the label it clicked.
 *   snapshot when the popup painted its kept screen of the post (entrypoints/popup/snapshot.ts), if it did;
 *            `asked` and `here` when the head script asked `tab.here` and had the answer.
 * Every time is from the navigation's start (performance.now()).
 *
 * Plain JavaScript in a string: tsx would wrap a function's inner functions in a helper the page does not have.
 */
export interface ProbeTimes {
  painted?: number;
  sent?: number;
  answered?: number;
  snapshot?: number;
  clicked?: string;
  /** When the head script asked the background about the tab (`tab.here`), and when the answer was back. */
  asked?: number;
  here?: number;
}

declare global {
  interface Window {
    perchProbe?: ProbeTimes;
  }
}

/** The init script's source, clicking Bookmark as soon as it appears when `click` is set. */
export function popupProbe({ click }: { click: boolean }): string {
  return `(() => {
  const click = ${JSON.stringify(click)};
  const times = {};
  window.perchProbe = times;
  const blank = location.pathname.endsWith('/bench-blank.html');
  const runtime = globalThis.chrome && globalThis.chrome.runtime;
  const send = runtime && runtime.sendMessage;
  if (send) {
    runtime.sendMessage = function (...args) {
      if (args[0] && args[0].type === 'tab.here' && times.asked === undefined) {
        times.asked = performance.now();
        const asked = send.apply(this, args);
        if (asked instanceof Promise) asked.then(() => { if (times.here === undefined) times.here = performance.now(); }, () => undefined);
        return asked;
      }
      const acting = args[0] && args[0].type === 'action.do';
      if (acting && times.sent === undefined) times.sent = performance.now();
      const answered = () => { if (times.answered === undefined) times.answered = performance.now(); };
      const last = args.length - 1;
      const callback = args[last];
      if (acting && typeof callback === 'function') args[last] = (...reply) => { answered(); return callback(...reply); };
      const out = send.apply(this, args);
      if (acting && out instanceof Promise) out.then(answered, () => undefined);
      return out;
    };
  }
  const find = () =>
    blank
      ? document.querySelector('p')
      : [...document.querySelectorAll('.quick-actions button')].find((b) => /^(Bookmark|Remove bookmark)$/.test(b.textContent.trim()));
  const clickUntilSent = () => {
    if (times.sent !== undefined) return;
    const button = find();
    if (button) {
      if (times.clicked === undefined) times.clicked = button.textContent.trim();
      button.click();
    }
    requestAnimationFrame(clickUntilSent);
  };
  const observer = new MutationObserver(() => {
    if (times.snapshot === undefined && document.getElementById('perch-snapshot')) times.snapshot = performance.now();
    if (!find()) return;
    observer.disconnect();
    requestAnimationFrame(() => { times.painted = performance.now(); });
    if (click && !blank) clickUntilSent();
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})();`;
}
