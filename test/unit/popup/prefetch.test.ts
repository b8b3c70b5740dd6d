import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { prefetchKey, startTabPrefetch, takeTabPrefetch } from '@/entrypoints/popup/prefetch';
import { readInJapanese } from '../locales/in-japanese';
import { parseXUrl } from '@/lib/x-url';

const ADA = { id: '1585841080431321088', name: 'Ada Perch', username: 'adaperch' };
const POST = '1960673648440250273';
/** Perch's own window carries a grant (lib/popup-gate.ts); the prefetch only looks for one, the background checks it. */
const GRANT = 'a-grant';
const session = { accounts: [ADA], activeAccountId: ADA.id, notice: null };

let sent: { mock: { calls: unknown[][] } };

/** The background's `tab.here` answer (entrypoints/background/handlers.ts), for the active account, Ada. */
function answerHere(url: string, accountId = ADA.id) {
  const status = /\/status\/(\d+)/.exec(url);
  const target = status ? { kind: 'post', postId: status[1] } : { kind: 'profile', username: new URL(url).pathname.slice(1) };
  return { ok: true, data: { accountId, target, context: { kind: target.kind } } };
}

function popupAt(search: string) {
  vi.stubGlobal('window', globalThis);
  vi.stubGlobal('location', { search });
  vi.stubGlobal('browser', fakeBrowser);
}

beforeEach(async () => {
  sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(answerHere(`https://x.com/gracehop/status/${POST}`) as never);
  await fakeBrowser.storage.local.set({ 'session.view': session });
});

afterEach(() => {
  delete (globalThis as { perchTabPrefetch?: unknown }).perchTabPrefetch;
  delete (globalThis as { perchCurrentPage?: unknown }).perchCurrentPage;
  delete (globalThis as { perchSessionView?: unknown }).perchSessionView;
  vi.unstubAllGlobals();
});

describe('the page the popup acts on', () => {
  it('is read and parsed by the head script and handed to the app, which then carries no parser', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ url: 'https://x.com/gracehop', title: 'Grace (@gracehop) / X' }] as never);
    popupAt('');
    startTabPrefetch(parseXUrl);
    expect(await (globalThis as { perchCurrentPage?: Promise<unknown> }).perchCurrentPage).toEqual({
      url: 'https://x.com/gracehop',
      title: 'Grace (@gracehop) / X',
      x: { kind: 'profile', username: 'gracehop' },
    });
  });
});

describe('the popup’s early question to the background', () => {
  it('asks once about the post in the tab, before any read, and hands the answer over once', async () => {
    const url = `https://x.com/gracehop/status/${POST}`;
    popupAt(`?url=${encodeURIComponent(url)}&grant=${GRANT}`);
    startTabPrefetch(parseXUrl);
    // Sent at once: the background knows the active account, the page reads nothing first.
    expect(sent.mock.calls).toEqual([[{ type: 'tab.here', url }]]);
    const key = prefetchKey({ kind: 'post', postId: POST });
    const taken = await takeTabPrefetch(ADA.id, key);
    expect(sent.mock.calls).toHaveLength(1);
    expect(await taken?.reply).toEqual({ ok: true, data: { kind: 'post' } });
    // Taken once: the next refresh asks the background itself.
    expect(await takeTabPrefetch(ADA.id, key)).toBeUndefined();
    expect((globalThis as { perchSessionView?: unknown }).perchSessionView).toEqual(session);
  });

  it('asks about a profile by its @username, whatever its case', async () => {
    sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(answerHere('https://twitter.com/GraceHop') as never);
    popupAt(`?url=${encodeURIComponent('https://twitter.com/GraceHop')}&grant=${GRANT}`);
    startTabPrefetch(parseXUrl);
    const taken = await takeTabPrefetch(ADA.id, prefetchKey({ kind: 'profile', username: 'gracehop' }));
    expect(await taken?.reply).toEqual({ ok: true, data: { kind: 'profile' } });
    expect(sent.mock.calls).toEqual([[{ type: 'tab.here', url: 'https://twitter.com/GraceHop' }]]);
  });

  it('does not hand over an answer the background gave for another account (a switch meanwhile)', async () => {
    sent = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockResolvedValue(answerHere(`https://x.com/gracehop/status/${POST}`, '2244994945') as never);
    popupAt(`?url=${encodeURIComponent(`https://x.com/gracehop/status/${POST}`)}&grant=${GRANT}`);
    startTabPrefetch(parseXUrl);
    expect(await takeTabPrefetch(ADA.id, prefetchKey({ kind: 'post', postId: POST }))).toBeUndefined();
  });

  it('hands over the background’s refusal as it came (the page’s gate drops it)', async () => {
    const refused = { ok: false, error: { kind: 'bad-request', message: 'Click in this window first.' } };
    sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(refused as never);
    popupAt(`?url=${encodeURIComponent(`https://x.com/gracehop/status/${POST}`)}`);
    startTabPrefetch(parseXUrl);
    const taken = await takeTabPrefetch(ADA.id, prefetchKey({ kind: 'post', postId: POST }));
    expect(await taken?.reply).toEqual(refused);
  });

  it('does not hand over an answer meant for another account or another post', async () => {
    popupAt(`?url=${encodeURIComponent(`https://x.com/gracehop/status/${POST}`)}&grant=${GRANT}`);
    startTabPrefetch(parseXUrl);
    expect(await takeTabPrefetch('2244994945', prefetchKey({ kind: 'post', postId: POST }))).toBeUndefined();
    startTabPrefetch(parseXUrl);
    expect(await takeTabPrefetch(ADA.id, prefetchKey({ kind: 'post', postId: '1' }))).toBeUndefined();
  });

  it('asks nothing on a page that is not on X', async () => {
    popupAt(`?url=${encodeURIComponent('https://example.com/article')}&grant=${GRANT}`);
    startTabPrefetch(parseXUrl);
    expect(await takeTabPrefetch(ADA.id, prefetchKey({ kind: 'post', postId: POST }))).toBeUndefined();
    expect(sent.mock.calls).toEqual([]);
  });

  it.each([
    ['nobody signed in', { accounts: [], activeAccountId: null, notice: null }],
    ['a stored session another script tampered with', { activeAccountId: 42 }],
  ])('hands nothing over on %s', async (_name, stored) => {
    sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, data: null } as never);
    await fakeBrowser.storage.local.set({ 'session.view': stored });
    popupAt(`?url=${encodeURIComponent(`https://x.com/gracehop/status/${POST}`)}&grant=${GRANT}`);
    startTabPrefetch(parseXUrl);
    expect(await takeTabPrefetch(ADA.id, prefetchKey({ kind: 'post', postId: POST }))).toBeUndefined();
  });

  it('says the page is in Japanese before the kept screen paints, when Perch speaks Japanese', async () => {
    readInJapanese();
    popupAt(`?url=${encodeURIComponent(`https://x.com/gracehop/status/${POST}`)}&grant=${GRANT}`);
    const { document } = parseHTML('<!doctype html><html lang="en"><head></head><body><div id="root"></div></body></html>');
    vi.stubGlobal('document', document);
    startTabPrefetch(parseXUrl);
    // At once, with the question: the kept screen paints only after the stored reads (./snapshot.ts).
    expect(document.documentElement.getAttribute('lang')).toBe('ja');
    await takeTabPrefetch(ADA.id, prefetchKey({ kind: 'post', postId: POST }));
  });

  it('stays out of the way when the background cannot be reached', async () => {
    sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist.'));
    popupAt(`?url=${encodeURIComponent(`https://x.com/gracehop/status/${POST}`)}&grant=${GRANT}`);
    startTabPrefetch(parseXUrl);
    const taken = await takeTabPrefetch(ADA.id, prefetchKey({ kind: 'post', postId: POST }));
    await expect(taken!.reply).rejects.toThrow('Receiving end does not exist.');
  });
});
