import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { publishDraft, saveDraft } from '@/lib/services/compose';
import { TLD_FILE, tldFileText } from '@/lib/text/tlds';
import { ADA_ID, makeService, signInAs, type Harness } from '../auth/support';
import { emu, withTestEmulator } from '../support/emulator';
import { freshDb, watchPosts } from './support';

// Publishing as the background does it: its build counts URLs with the TLD list read from tlds.txt on first use
// (lib/text/tld-list.fetched.ts, swapped in by wxt.config.ts), so the publish path must wait for that read before it
// weighs a post. A URL weighs 23 whatever its length, and only a known TLD makes one.
vi.mock('@/lib/text/tld-list', () => import('@/lib/text/tld-list.fetched'));

const realFetch = globalThis.fetch;
let tldReads = 0;
withTestEmulator();
beforeAll(() => {
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input) !== new URL(TLD_FILE, browser.runtime.getURL('/')).href) return realFetch(input, init);
    tldReads++;
    return Promise.resolve(new Response(tldFileText()));
  });
});
afterAll(() => {
  vi.unstubAllGlobals();
});

let h: Harness;
beforeEach(async () => {
  await freshDb();
  h = makeService(emu);
});

describe('publishing in the background, with the TLD list read on first use', () => {
  it('reads the list before weighing: a long link counts 23 and the post goes out', async () => {
    await signInAs(emu, h, ADA_ID);
    const text = `${'Worth reading. '.repeat(16)}https://example.com/${'long-path/'.repeat(20)}`;
    expect(text.length).toBeGreaterThan(280);
    const { client, bodies } = watchPosts(h.auth.clientFor(ADA_ID, h.settings));
    await saveDraft({ accountId: ADA_ID, context: 'compose', seq: 1, posts: [{ text, mediaIds: [] }] });
    expect(await publishDraft(client, ADA_ID, 'compose')).toHaveLength(1);
    expect(bodies.map((b) => b.text)).toEqual([text]);
    expect(tldReads).toBe(1);
  });
});
