/**
 * The floor under the popup's painted figure (issue 13): a second minimal MV3 extension whose popup page does the least
 * any popup must do to paint a post's actions from its background's word about the tab, and nothing else. Its page has
 * no stylesheet and no module script, only a tiny classic script in its head that reads the tab's address (the page's
 * `?url=`, as the bench opens Perch's popup, else the browser's active tab), sends its worker one message, and from the
 * answer puts a "Bookmark" button into #root. Its worker is warm and answers at once from memory: no storage, no
 * IndexedDB, no check of the message beyond its type. Anything less would paint without the background's word, which
 * is a guess; so the time from navigation to that button's first frame is the floor Perch's painted popup can reach.
 * ./extension.ts times it with the same probe (./popup-probe.ts: the message is named `tab.here` so the probe notes
 * when it was asked and answered) in the same rounds as the empty page and Perch's popup, in a tab of its own (a
 * navigation between two extensions' pages would change renderer process each time), beside this extension's own
 * empty page, which shows the two extensions' pages load alike.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The manifest name, by which ./extension.ts finds this extension's id among the loaded ones. */
export const PAINTED_FLOOR_NAME = 'perch-bench-painted-floor';

/** The worker: what it knows of tabs is in memory, and it answers the tab's question at once. */
const WORKER = `const known = new Map();
chrome.runtime.onMessage.addListener((m, sender, reply) => {
  if (!m || m.type !== 'tab.here' || typeof m.url !== 'string') return;
  reply({ ok: true, data: { url: m.url, bookmarked: known.get(m.url) === true } });
});
`;

/** The head script: the address, one question, and the button painted from the answer. */
const HEAD = `(async () => {
  const url = new URLSearchParams(location.search).get('url') ||
    (await chrome.tabs.query({ active: true, currentWindow: true }))[0]?.url;
  if (!url) return;
  const answer = await chrome.runtime.sendMessage({ type: 'tab.here', url });
  if (!answer || answer.ok !== true || answer.data.url !== url) return;
  const root = document.getElementById('root') ||
    (await new Promise((done) => document.addEventListener('DOMContentLoaded', () => done(document.getElementById('root')), { once: true })));
  const actions = document.createElement('div');
  actions.className = 'quick-actions';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = answer.data.bookmarked ? 'Remove bookmark' : 'Bookmark';
  actions.append(button);
  root.append(actions);
})();
`;

/** Writes the extension into a temporary folder (removed when the process exits); returns that folder. */
export function paintedFloorExtension(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'perch-bench-painted-floor-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(
    path.join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: PAINTED_FLOOR_NAME,
      version: '1.0',
      permissions: ['tabs'],
      background: { service_worker: 'worker.js' },
    }),
  );
  writeFileSync(path.join(dir, 'worker.js'), WORKER);
  writeFileSync(path.join(dir, 'head.js'), HEAD);
  writeFileSync(
    path.join(dir, 'popup.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title><script src="/head.js"></script>' +
      '</head><body><div id="root"></div></body></html>',
  );
  // The same empty page as Perch's (./extension.ts), so the two extensions' page loads can be compared.
  writeFileSync(path.join(dir, 'bench-blank.html'), '<!doctype html><meta charset="utf-8"><title>blank</title><p>blank');
  return dir;
}
