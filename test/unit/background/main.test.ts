import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { grantedPopupUrl, openByClick } from '@/lib/popup-gate';
import { MessageError, type Reply } from '@/lib/messaging';
import { sessionView } from '@/lib/storage';

/**
 * The background's main(), WXT's way: run it on the fake browser. A stopped worker or event page is started by the
 * very event it must handle, so every listener has to be registered before main() awaits anything.
 */

const ADA = { id: '1585841080431321088', name: 'Ada Perch', username: 'adaperch' };
const POST_LINK = 'https://x.com/gracehop/status/1960673648440250273';

const EVENTS = {
  'runtime.onMessage': fakeBrowser.runtime.onMessage,
  'runtime.onInstalled': fakeBrowser.runtime.onInstalled,
  'runtime.onStartup': fakeBrowser.runtime.onStartup,
  'alarms.onAlarm': fakeBrowser.alarms.onAlarm,
  'contextMenus.onClicked': fakeBrowser.contextMenus.onClicked,
  'commands.onCommand': fakeBrowser.commands.onCommand,
  'tabs.onRemoved': fakeBrowser.tabs.onRemoved,
};

beforeEach(() => {
  fakeBrowser.reset();
  // The fake browser has no in-memory menus or commands: their registration is what is checked here.
  vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(() => undefined);
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
});

describe('the background’s main()', () => {
  it('registers every listener synchronously, before any await resolves', () => {
    const registered: string[] = [];
    for (const [name, event] of Object.entries(EVENTS)) {
      vi.spyOn(event, 'addListener').mockImplementation(() => void registered.push(name));
    }
    void background.main();
    // No await between main() and here: whatever main() registers after its first await is missing.
    expect(registered.sort()).toEqual(Object.keys(EVENTS).sort());
  });

  it('listens to nothing from other extensions or web pages (no onMessageExternal, no onConnectExternal)', () => {
    const external = [
      vi.spyOn(fakeBrowser.runtime.onMessageExternal, 'addListener').mockImplementation(() => undefined),
      vi.spyOn(fakeBrowser.runtime.onConnectExternal, 'addListener').mockImplementation(() => undefined),
    ];
    void background.main();
    for (const spy of external) expect(spy).not.toHaveBeenCalled();
  });
});

describe('requests from a popup page aimed at a post', () => {
  /**
   * What Perch's own page at `url`, in tab `tabId`, is answered for one request through main()'s listener, a refusal
   * worded as the page words it (lib/messaging.ts).
   */
  async function ask(url: string, tabId: number, message: object): Promise<{ ok: boolean; error?: { message: string } }> {
    const origin = `chrome-extension://${fakeBrowser.runtime.id}`;
    const sender = { id: fakeBrowser.runtime.id, url, origin, tab: { id: tabId } as Browser.tabs.Tab, frameId: 0 };
    const reply = await new Promise<Reply<unknown>>((resolve) => {
      void fakeBrowser.runtime.onMessage.trigger(message, sender, resolve);
    });
    return reply.ok ? reply : { ok: false, error: { message: new MessageError(reply.error).message } };
  }
  const GATE = /waits for your click/;
  const page = (grant = '') =>
    `chrome-extension://${fakeBrowser.runtime.id}/popup.html?url=${encodeURIComponent(POST_LINK)}&title=${grant ? `&grant=${grant}` : ''}`;
  const tabPost = { type: 'tab.post', accountId: ADA.id, postId: '1960673648440250273' };
  /** The popup's head script's one question (entrypoints/popup/prefetch.ts). */
  const tabHere = { type: 'tab.here', url: POST_LINK };

  beforeEach(async () => {
    void background.main();
    await sessionView.setValue({ accounts: [ADA], activeAccountId: ADA.id, notice: null });
  });

  it('are refused when someone else opened the page, before any click', async () => {
    expect((await ask(page(), 5, tabPost)).error?.message).toMatch(GATE);
    expect((await ask(page('made-up'), 5, tabPost)).error?.message).toMatch(GATE);
    expect((await ask(page(), 5, tabHere)).error?.message).toMatch(GATE);
    const draft = { type: 'draft.save', accountId: ADA.id, context: `share:${POST_LINK}`, parts: [{ text: 'planted' }] };
    expect((await ask(page(), 5, draft)).error?.message).toMatch(GATE);
    // Reading settings needs no click.
    expect((await ask(page(), 5, { type: 'settings.get' })).error?.message ?? '').not.toMatch(GATE);
  });

  it('go on after the person clicked in that tab, and only that tab', async () => {
    await openByClick(5, page());
    expect((await ask(page(), 5, tabPost)).error?.message ?? '').not.toMatch(GATE);
    expect((await ask(page(), 6, tabPost)).error?.message).toMatch(GATE);
    expect((await ask(page(), 5, tabHere)).error?.message ?? '').not.toMatch(GATE);
    expect((await ask(page(), 6, tabHere)).error?.message).toMatch(GATE);
  });

  it('go on in the window Perch opened itself, with its grant', async () => {
    const granted = await grantedPopupUrl(POST_LINK);
    expect((await ask(granted, 9, tabPost)).error?.message ?? '').not.toMatch(GATE);
    // Used up: the same address in another tab waits for a click.
    expect((await ask(granted, 10, tabPost)).error?.message).toMatch(GATE);
  });

  it('from the toolbar popup (no address named) go on as always', async () => {
    const reply = await ask(`chrome-extension://${fakeBrowser.runtime.id}/popup.html`, 5, tabPost);
    expect(reply.error?.message ?? '').not.toMatch(GATE);
  });
});
