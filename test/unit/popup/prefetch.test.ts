import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { prefetchKey, startTabPrefetch, takeTabPrefetch } from '@/entrypoints/popup/prefetch';
import { REOPEN_KEY } from '@/entrypoints/popup/reload-mark';
import { snapshotDigest, snapshotEntry, SNAPSHOTS_KEY, withSnapshot } from '@/entrypoints/popup/snapshot';
import { readerTimeZone } from '@/lib/time-zone';
import { readInJapanese } from '../locales/in-japanese';
import { parseXUrl } from '@/lib/x-url';
import { postContext } from './post-context';

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
    // Sent at once, as X's own address of the post: the background knows the active account, the page reads nothing first.
    expect(sent.mock.calls).toEqual([[{ type: 'tab.here', url: `https://x.com/i/status/${POST}` }]]);
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
    expect(sent.mock.calls).toEqual([[{ type: 'tab.here', url: 'https://x.com/GraceHop' }]]);
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

describe('the post’s last first screen, painted before React', () => {
  /**
   * The popup on Grace's post, with that post's screen kept from the popup before (`popup.snapshots`), still the
   * truth, and the page's sessionStorage holding `kept`: the page's root, once the head script ran.
   */
  async function popupWithKeptScreen(kept: Record<string, string>) {
    const context = postContext({ post: { id: POST, text: 'Hello', mediaCount: 0, quoted: false } });
    sent = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockResolvedValue({ ok: true, data: { accountId: ADA.id, target: { kind: 'post', postId: POST }, context } } as never);
    const language = `${fakeBrowser.i18n.getUILanguage()} ${readerTimeZone()}`;
    const digest = snapshotDigest({ ok: true, data: context }, session, language, { quote: false, reply: false });
    const entry = snapshotEntry(ADA.id, prefetchKey({ kind: 'post', postId: POST }));
    const html = '<section class="post-panel"><div class="quick-actions"><button type="button">Bookmark</button></div></section>';
    await fakeBrowser.storage.session.set({ [SNAPSHOTS_KEY]: withSnapshot(undefined, entry, { digest: digest!, html }) });
    popupAt(`?url=${encodeURIComponent(`https://x.com/gracehop/status/${POST}`)}&grant=${GRANT}`);
    const { window, document } = parseHTML('<!doctype html><html><head></head><body><div id="root"></div></body></html>');
    vi.stubGlobal('window', window);
    vi.stubGlobal('document', document);
    vi.stubGlobal('DOMParser', window.DOMParser);
    vi.stubGlobal('MutationObserver', window.MutationObserver);
    vi.stubGlobal('sessionStorage', { getItem: (key: string) => kept[key] ?? null });
    startTabPrefetch(parseXUrl);
    await takeTabPrefetch(ADA.id, prefetchKey({ kind: 'post', postId: POST }));
    return document;
  }

  it('is painted on a popup opened on the post', async () => {
    const document = await popupWithKeptScreen({});
    // The kept screen stands in for React's, which draws hidden beside it until it takes over.
    await vi.waitFor(() => expect(document.getElementById('perch-snapshot')).not.toBeNull());
    expect(document.getElementById('root')?.hidden).toBe(true);
  });

  it('is not painted over the screen a popup Perch reloaded reopens (New post’s composer), nor read', async () => {
    const read = vi.spyOn(fakeBrowser.storage.session, 'get');
    const document = await popupWithKeptScreen({ [REOPEN_KEY]: JSON.stringify({ compose: true }) });
    expect(read).not.toHaveBeenCalled();
    expect(document.getElementById('perch-snapshot')).toBeNull();
    expect(document.getElementById('root')?.hidden).toBe(false);
  });
});
