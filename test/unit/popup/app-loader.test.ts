import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadApp, loadAppWhenParsed } from '@/entrypoints/popup/app-loader';
import { startTabPrefetch } from '@/entrypoints/popup/prefetch';
import { appLoadedByHeadScript } from '@/lib/popup-html';
import { parseXUrl } from '@/lib/x-url';

/**
 * The popup's app (React) loads once the page is parsed, after the head script's question (issue 13, "Speed"): fetched
 * beside the head script from <head>, it delayed the kept screen by 10-27 ms (test/bench/paint-ab.ts).
 */

/** popup.html as Vite writes it, before lib/popup-html.ts. */
const BUILT = `<!DOCTYPE html>
<html lang="en">
  <head>
    <script src="/popup-prefetch.js"></script>
    <script type="module" crossorigin src="/chunks/popup-A.js"></script>
    <link rel="modulepreload" crossorigin href="/chunks/format-B.js">
    <link rel="stylesheet" crossorigin href="/assets/popup-C.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`;

const g = globalThis as Record<string, unknown>;
const saved = { window: g.window, document: g.document, MutationObserver: g.MutationObserver, location: g.location };
afterEach(() => {
  Object.assign(g, saved);
  vi.unstubAllGlobals();
});

function page(html = appLoadedByHeadScript(BUILT)) {
  const { window, document } = parseHTML(html);
  Object.assign(g, { window, document, MutationObserver: window.MutationObserver });
  return document;
}

const appTags = (doc: Document) => [...doc.head.querySelectorAll('script[type="module"], link[rel="modulepreload"]')];

describe('popup.html as built', () => {
  it('keeps the app out of <head>, inert in a template the head script loads, and the stylesheets where they were', () => {
    const doc = page();
    expect(appTags(doc)).toEqual([]);
    expect(doc.head.querySelector('link[rel="stylesheet"]')?.getAttribute('href')).toBe('/assets/popup-C.css');
    expect(doc.body.lastElementChild?.id).toBe('perch-app');
    expect(doc.body.lastElementChild?.innerHTML).toContain('src="/chunks/popup-A.js"');
    expect(appLoadedByHeadScript('<html><head></head><body></body></html>')).toBe('<html><head></head><body></body></html>');
  });

  it('loads the app into <head> once, as the build wrote its tags', () => {
    const doc = page();
    loadApp(doc);
    loadApp(doc);
    expect(appTags(doc).map((t) => [t.tagName, t.getAttribute('src') ?? t.getAttribute('href'), t.hasAttribute('crossorigin')])).toEqual([
      ['SCRIPT', '/chunks/popup-A.js', true],
      ['LINK', '/chunks/format-B.js', true],
    ]);
    expect(doc.getElementById('perch-app')).toBeNull();
  });
});

describe('when the popup loads its app', () => {
  it('once the page is parsed: the template comes after the head script', () => {
    const doc = page();
    let parsed: (() => void) | undefined;
    const loading = Object.assign(Object.create(doc) as Document, {
      readyState: 'loading',
      addEventListener: (type: string, run: () => void) => type === 'DOMContentLoaded' && (parsed = run),
    });
    loadAppWhenParsed(loading);
    expect(appTags(doc)).toEqual([]);
    parsed?.();
    expect(appTags(doc)).toHaveLength(2);
  });

  it('after the head script has sent its question, even when that throws', async () => {
    const doc = page();
    const order: string[] = [];
    const sendMessage = vi.fn(() => {
      order.push(`asked; app loaded: ${appTags(doc).length > 0}`);
      throw new Error('no background');
    });
    Object.assign(g, { location: { search: `?url=${encodeURIComponent('https://x.com/ada/status/20')}` } });
    vi.stubGlobal('chrome', { runtime: { sendMessage }, storage: { local: { get: async () => ({}) } } });
    startTabPrefetch(parseXUrl);
    await Promise.resolve();
    expect(order).toEqual(['asked; app loaded: false']);
    expect(appTags(doc)).toHaveLength(2);
  });
});
