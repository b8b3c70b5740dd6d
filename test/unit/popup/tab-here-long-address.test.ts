import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { prefetchKey, startTabPrefetch, takeTabPrefetch, type TabTarget } from '@/entrypoints/popup/prefetch';
import { handle, type Handlers } from '@/lib/message-contract';
import { parseXUrl } from '@/lib/x-url';

/**
 * The popup's first question (`tab.here`) about a real post or profile on X whose address carries a query or fragment
 * longer than the message contract takes (shared links do: `?s=20&t=…`): it is asked, through the contract's checks,
 * and answered, as for the same address without them.
 */

const ADA = { id: '1585841080431321088', name: 'Ada', username: 'ada' };
const POST = '1960673648440250273';
const LONG = 'a'.repeat(5000);

afterEach(() => {
  delete (globalThis as { perchTabPrefetch?: unknown }).perchTabPrefetch;
  delete (globalThis as { perchCurrentPage?: unknown }).perchCurrentPage;
  delete (globalThis as { perchSessionView?: unknown }).perchSessionView;
  vi.unstubAllGlobals();
});

describe('the popup’s first question about a page on X with a long address', () => {
  it.each<[string, string, TabTarget]>([
    ['a post with a long query', `https://x.com/ada/status/${POST}?s=20&t=${LONG}`, { kind: 'post', postId: POST }],
    ['a post with a long fragment', `https://twitter.com/ada/status/${POST}#${LONG}`, { kind: 'post', postId: POST }],
    ['an old #! post with a long query', `https://twitter.com/#!/ada/status/${POST}?t=${LONG}`, { kind: 'post', postId: POST }],
    ['a profile with a long query', `https://x.com/Ada/likes?utm_source=${LONG}`, { kind: 'profile', username: 'Ada' }],
  ])('is asked and answered for %s', async (_case, url, target) => {
    // The background's handler as it reads the address (entrypoints/background/handlers.ts `tab.here`).
    const handlers = {
      'tab.here': ({ url: asked }: { url: string }) => {
        const x = parseXUrl(asked);
        const here =
          x.kind === 'post' ? { kind: 'post', postId: x.postId } : x.kind === 'profile' ? { kind: 'profile', username: x.username } : null;
        return Promise.resolve(here && { accountId: ADA.id, target: here, context: { kind: here.kind } });
      },
    } as unknown as Handlers;
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((m: { type: string }) => handle(handlers, m)) as never);
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ url, title: '' }] as never);
    await fakeBrowser.storage.local.set({ 'session.view': { accounts: [ADA], activeAccountId: ADA.id, notice: null } });
    vi.stubGlobal('window', globalThis);
    vi.stubGlobal('location', { search: '' });
    vi.stubGlobal('browser', fakeBrowser);
    startTabPrefetch(parseXUrl);
    const taken = await takeTabPrefetch(ADA.id, prefetchKey(target));
    expect(await taken?.reply).toEqual({ ok: true, data: { kind: target.kind } });
  });
});
