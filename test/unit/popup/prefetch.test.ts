import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { prefetchKey, startTabPrefetch, takeTabPrefetch } from '@/entrypoints/popup/prefetch';

const ADA = { id: '1585841080431321088', name: 'Ada Perch', username: 'adaperch' };
const POST = '1960673648440250273';
/** Perch's own window carries a grant (lib/popup-gate.ts); the prefetch only looks for one, the background checks it. */
const GRANT = 'a-grant';
const session = { accounts: [ADA], activeAccountId: ADA.id, notice: null };

let sent: { mock: { calls: unknown[][] } };

function popupAt(search: string) {
  vi.stubGlobal('window', globalThis);
  vi.stubGlobal('location', { search });
  vi.stubGlobal('browser', fakeBrowser);
}

beforeEach(async () => {
  sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, data: { kind: 'post' } } as never);
  await fakeBrowser.storage.local.set({ 'session.view': session });
});

afterEach(() => {
  delete (globalThis as { perchTabPrefetch?: unknown }).perchTabPrefetch;
  delete (globalThis as { perchSessionView?: unknown }).perchSessionView;
  vi.unstubAllGlobals();
});

describe('the popup’s early question to the background', () => {
  it('asks once about the post in the tab, for the active account, and hands the answer over once', async () => {
    popupAt(`?url=${encodeURIComponent(`https://x.com/gracehop/status/${POST}`)}&grant=${GRANT}`);
    startTabPrefetch();
    const key = prefetchKey({ kind: 'post', postId: POST });
    const taken = await takeTabPrefetch(ADA.id, key);
    expect(sent.mock.calls).toEqual([[{ type: 'tab.post', accountId: ADA.id, postId: POST }]]);
    expect(await taken?.reply).toEqual({ ok: true, data: { kind: 'post' } });
    // Taken once: the next refresh asks the background itself.
    expect(await takeTabPrefetch(ADA.id, key)).toBeUndefined();
    expect((globalThis as { perchSessionView?: unknown }).perchSessionView).toEqual(session);
  });

  it('asks about a profile by its @username, whatever its case', async () => {
    popupAt(`?url=${encodeURIComponent('https://twitter.com/GraceHop')}&grant=${GRANT}`);
    startTabPrefetch();
    expect(await takeTabPrefetch(ADA.id, prefetchKey({ kind: 'profile', username: 'gracehop' }))).toBeDefined();
    expect(sent.mock.calls).toEqual([[{ type: 'tab.profile', accountId: ADA.id, username: 'GraceHop' }]]);
  });

  it('does not hand over an answer meant for another account or another post', async () => {
    popupAt(`?url=${encodeURIComponent(`https://x.com/gracehop/status/${POST}`)}&grant=${GRANT}`);
    startTabPrefetch();
    expect(await takeTabPrefetch('2244994945', prefetchKey({ kind: 'post', postId: POST }))).toBeUndefined();
    startTabPrefetch();
    expect(await takeTabPrefetch(ADA.id, prefetchKey({ kind: 'post', postId: '1' }))).toBeUndefined();
  });

  it.each([
    ['a page that is not on X', 'https://example.com/article', session],
    ['nobody signed in', `https://x.com/gracehop/status/${POST}`, { accounts: [], activeAccountId: null, notice: null }],
    ['a stored session another script tampered with', `https://x.com/gracehop/status/${POST}`, { activeAccountId: 42 }],
  ])('asks nothing on %s', async (_name, url, stored) => {
    await fakeBrowser.storage.local.set({ 'session.view': stored });
    popupAt(`?url=${encodeURIComponent(url)}&grant=${GRANT}`);
    startTabPrefetch();
    expect(await takeTabPrefetch(ADA.id, prefetchKey({ kind: 'post', postId: POST }))).toBeUndefined();
    expect(sent.mock.calls).toEqual([]);
  });

  it('stays out of the way when the background cannot be reached', async () => {
    sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist.'));
    popupAt(`?url=${encodeURIComponent(`https://x.com/gracehop/status/${POST}`)}&grant=${GRANT}`);
    startTabPrefetch();
    const taken = await takeTabPrefetch(ADA.id, prefetchKey({ kind: 'post', postId: POST }));
    await expect(taken!.reply).rejects.toThrow('Receiving end does not exist.');
  });
});
