import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import * as bundled from '../../../lib/text/tld-list';
import { TLD_FILE, tldFileText } from '../../../lib/text/tlds';

// The background does not bundle the TLD lists: its build swaps lib/text/tld-list.ts for tld-list.fetched.ts
// (wxt.config.ts), which reads the tlds.txt the build writes from lib/text/tlds.ts. These check that the file gives
// exactly the bundled TLDs (so the conformance tests, run on the bundled list, hold for the background too), and how
// the read behaves.

const fileUrl = () => new URL(TLD_FILE, browser.runtime.getURL('/')).href;

let reads = 0;
let answer: () => Response;

beforeEach(() => {
  vi.resetModules();
  reads = 0;
  answer = () => new Response(tldFileText());
  vi.stubGlobal('fetch', (input: RequestInfo | URL) => {
    if (String(input) !== fileUrl()) return Promise.reject(new Error(`unexpected fetch of ${String(input)}`));
    reads++;
    return Promise.resolve(answer());
  });
});
afterEach(() => vi.unstubAllGlobals());

const loadFetched = () => import('../../../lib/text/tld-list.fetched');

describe('the background’s TLD list, read from tlds.txt', () => {
  it('gives exactly the bundled TLDs, in the same order', async () => {
    const fetched = await loadFetched();
    await fetched.loadTldList();
    expect(fetched.tldList()).toEqual(bundled.tldList());
    expect(bundled.tldList().length).toBeGreaterThan(1500);
  });

  it('refuses to count before it is loaded, then reads the file once however many ask at the same time', async () => {
    const fetched = await loadFetched();
    expect(() => fetched.tldList()).toThrow('The TLD list is not loaded yet');
    await Promise.all([fetched.loadTldList(), fetched.loadTldList()]);
    await fetched.loadTldList();
    expect(reads).toBe(1);
  });

  it('rejects with what went wrong when the file cannot be read, and reads again on the next call', async () => {
    const fetched = await loadFetched();
    answer = () => new Response('', { status: 404 });
    await expect(fetched.loadTldList()).rejects.toThrow('Could not read tlds.txt from the extension (HTTP 404).');
    answer = () => new Response('\n');
    await expect(fetched.loadTldList()).rejects.toThrow('tlds.txt holds no TLDs.');
    answer = () => new Response(tldFileText());
    await fetched.loadTldList();
    expect(fetched.tldList()).toContain('kids');
    expect(reads).toBe(3);
  });
});
