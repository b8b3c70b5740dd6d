import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { createMessageListener, isTrustedSender, originOf, type Handlers } from '@/lib/messaging';

const ID = browser.runtime.id;
const ORIGIN = originOf(browser.runtime.getURL('/'))!;
const OWN_PAGE = { id: ID, origin: ORIGIN, url: `${ORIGIN}/popup.html` };

function handlers(): Handlers {
  return {
    'auth.signIn': vi.fn(async () => ({ id: '1', name: 'A', username: 'a' })),
    'auth.signOut': vi.fn(async () => null),
    'account.switch': vi.fn(async () => null),
    'account.check': vi.fn(async () => {
      throw Object.assign(new Error('X is not answering right now.'), { kind: 'unavailable' });
    }),
    'settings.get': vi.fn(async () => ({ clientId: 'c', clientIdFromBuild: false, redirectUrl: 'https://x/', browserName: 'chrome' as const })),
    'settings.setClientId': vi.fn(async () => ({ clientId: 'c', clientIdFromBuild: false, redirectUrl: 'https://x/', browserName: 'chrome' as const })),
  };
}

describe('who may talk to the background', () => {
  it.each([
    ['one of Perch’s own pages', OWN_PAGE, true],
    ['Perch’s own page on a browser that gives only a url', { id: ID, url: `${ORIGIN}/options.html` }, true],
    ['another extension', { id: 'other-extension', origin: 'chrome-extension://other-extension' }, false],
    ['a content script (it has a tab)', { ...OWN_PAGE, tab: { id: 3, index: 0, highlighted: false, active: true, pinned: false, incognito: false } }, false],
    ['a web page', { id: ID, origin: 'https://evil.example', url: 'https://evil.example/' }, false],
    ['a sender with no origin or url', { id: ID }, false],
  ])('treats %s as trusted: %s', (_name, sender, trusted) => {
    expect(isTrustedSender(sender as never, ID, ORIGIN)).toBe(trusted);
  });
});

describe('the background message listener', () => {
  it('gives no answer at all to an untrusted sender and runs no handler', () => {
    const h = handlers();
    const refused = vi.fn();
    const listener = createMessageListener(h, refused);
    expect(listener({ type: 'auth.signOut', accountId: '1' }, { id: 'other-extension' })).toBeUndefined();
    expect(h['auth.signOut']).not.toHaveBeenCalled();
    expect(refused).toHaveBeenCalledWith('untrusted sender');
  });

  it.each([
    ['an unknown type', { type: 'auth.getToken' }],
    ['a missing field', { type: 'auth.signOut' }],
    ['an id that is not an X id', { type: 'auth.signOut', accountId: '1; drop' }],
    ['an extra field', { type: 'auth.signIn', token: 'x' }],
    ['not an object', 'auth.signIn'],
  ])('answers bad-request to %s without running a handler', async (_name, message) => {
    const h = handlers();
    const reply = await createMessageListener(h)(message, OWN_PAGE);
    expect(reply).toEqual({ ok: false, error: { kind: 'bad-request', message: 'Perch did not understand that request.' } });
    for (const fn of Object.values(h)) expect(fn).not.toHaveBeenCalled();
  });

  it('dispatches a valid request and answers with its data', async () => {
    const reply = await createMessageListener(handlers())({ type: 'auth.signIn' }, OWN_PAGE);
    expect(reply).toEqual({ ok: true, data: { id: '1', name: 'A', username: 'a' } });
  });

  it('turns a handler’s error into its kind and user-facing message', async () => {
    const reply = await createMessageListener(handlers())({ type: 'account.check', accountId: '7' }, OWN_PAGE);
    expect(reply).toEqual({ ok: false, error: { kind: 'unavailable', message: 'X is not answering right now.' } });
  });
});
