import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { createMessageListener, handle, isTrustedSender, originOf, type Handlers } from '@/lib/message-contract';

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
    'account.signOutLoss': vi.fn(async () => ({ queued: 0, drafts: 0 })),
    'app.check': vi.fn(async () => {
      throw new Error('not called in these tests');
    }),
    'settings.get': vi.fn(async () => ({
      clientId: 'c',
      clientIdFromBuild: false,
      redirectUrl: 'https://x/',
      browserName: 'chrome' as const,
      enterprisePlan: false,
    })),
    'draft.get': vi.fn(async () => null),
    'draft.save': vi.fn(async () => ({ saved: true })),
    'draft.discard': vi.fn(async () => null),
    'drafts.list': vi.fn(async () => []),
    'drafts.count': vi.fn(async () => 0),
    'draft.open': vi.fn(async () => null),
    'draft.attachImage': vi.fn(async () => ({ id: 'x' })),
    'draft.attachVideo': vi.fn(async () => ({ id: 'x', done: true })),
    'post.progress': vi.fn(async () => null),
    'post.publish': vi.fn(async () => ({ ids: ['1'], username: 'a' })),
    'post.editView': vi.fn(async () => ({
      postId: '1',
      editable: true,
      eligible: true,
      editableUntil: '2026-01-01T00:30:00.000Z',
      editsRemaining: 5,
      media: false,
      text: 'a',
    })),
    'action.do': vi.fn(async () => ({ seq: 1, label: 'Mute @a' })),
    'actions.retry': vi.fn(async () => null),
    'failures.seen': vi.fn(async () => null),
    'failures.shown': vi.fn(async () => null),
    'action.undo': vi.fn(async () => ({ seq: 2, label: 'Unmute @a' })),
    'action.cancel': vi.fn(async () => null),
    'action.retry': vi.fn(async () => null),
    'sync.run': vi.fn(async () => ({ collection: 'muted' as const, ran: true, requests: 1, items: 3 })),
    'user.lookup': vi.fn(async () => ({ id: '7', name: 'A', username: 'a' })),
    'list.members': vi.fn(async () => ({ users: [] })),
    'list.posts': vi.fn(async () => []),
    'tab.post': vi.fn(async () => ({
      kind: 'post' as const,
      post: null,
      author: null,
      bookmarked: false,
      liked: false,
      reposted: false,
      actions: [],
      rules: { reply: 'x.com' as const, quote: 'x.com' as const, block: 'x.com' as const },
    })),
    'tab.profile': vi.fn(async () => ({ kind: 'profile' as const, user: null, actions: [], rules: { block: 'x.com' as const } })),
    'tab.here': vi.fn(async () => null),
    'tab.list': vi.fn(async () => ({ list: null, actions: [] })),
    'user.lists': vi.fn(async () => []),
    'settings.setClientId': vi.fn(async () => ({
      clientId: 'c',
      clientIdFromBuild: false,
      redirectUrl: 'https://x/',
      browserName: 'chrome' as const,
      enterprisePlan: false,
    })),
    'settings.setEnterprisePlan': vi.fn(async () => ({
      clientId: 'c',
      clientIdFromBuild: false,
      redirectUrl: 'https://x/',
      browserName: 'chrome' as const,
      enterprisePlan: true,
    })),
    'bookmark.organise': vi.fn(async () => null),
    'bookmark.forget': vi.fn(async () => null),
    'tag.rename': vi.fn(async () => ({ changed: 0 })),
    'tag.delete': vi.fn(async () => ({ changed: 0 })),
    'savedSearch.save': vi.fn(async () => ({ id: 's' })),
    'savedSearch.delete': vi.fn(async () => null),
    'bookmarks.import': vi.fn(async () => ({ matched: 0, notOnX: 0, unchanged: 0, tagsLeftOut: 0 })),
  };
}

describe('who may talk to the background', () => {
  it.each([
    ['one of Perch’s own pages', OWN_PAGE, true],
    ['Perch’s own page on a browser that gives only a url', { id: ID, url: `${ORIGIN}/options.html` }, true],
    ['another extension', { id: 'other-extension', origin: 'chrome-extension://other-extension' }, false],
    ['Perch’s options page open in a tab', { ...OWN_PAGE, frameId: 0, tab: { id: 3 } }, true],
    [
      'a content script (a tab, and the page’s origin)',
      { id: ID, origin: 'https://x.com', url: 'https://x.com/home', frameId: 0, tab: { id: 3 } },
      false,
    ],
    ['one of our pages framed inside a tab', { ...OWN_PAGE, frameId: 5, tab: { id: 3 } }, false],
    ['an origin that disagrees with its url', { id: ID, origin: ORIGIN, url: 'https://evil.example/' }, false],
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
    const sendResponse = vi.fn();
    expect(listener({ type: 'auth.signOut', accountId: '1' }, { id: 'other-extension' }, sendResponse)).toBeUndefined();
    expect(sendResponse).not.toHaveBeenCalled();
    expect(h['auth.signOut']).not.toHaveBeenCalled();
    expect(refused).toHaveBeenCalledWith('untrusted sender');
  });

  it.each([
    ['an unknown type', { type: 'auth.getToken' }],
    ['a missing field', { type: 'auth.signOut' }],
    ['an id that is not an X id', { type: 'auth.signOut', accountId: '1; drop' }],
    ['an extra field', { type: 'auth.signIn', token: 'x' }],
    ['an app check for an account id that is not an X id', { type: 'app.check', accountId: 'me' }],
    ['a sign-out keeping something there is no choice for', { type: 'auth.signOut', accountId: '1', keep: ['tokens'] }],
    ['not an object', 'auth.signIn'],
  ])('answers bad-request to %s without running a handler', async (_name, message) => {
    const h = handlers();
    const reply = await handle(h, message);
    expect(reply).toEqual({ ok: false, error: { kind: 'bad-request', message: '' } });
    for (const fn of Object.values(h)) expect(fn).not.toHaveBeenCalled();
  });

  it('dispatches a valid request and answers with its data', async () => {
    const reply = await new Promise((resolve) => {
      expect(createMessageListener(handlers())({ type: 'auth.signIn' }, OWN_PAGE, resolve)).toBe(true);
    });
    expect(reply).toEqual({ ok: true, data: { id: '1', name: 'A', username: 'a' } });
  });

  it('passes a sign-out’s choice to keep bookmark tags and notes to its handler', async () => {
    const h = handlers();
    expect(await handle(h, { type: 'auth.signOut', accountId: '1', keep: ['bookmarkNotes'] })).toEqual({ ok: true, data: null });
    expect(h['auth.signOut']).toHaveBeenCalledWith({ type: 'auth.signOut', accountId: '1', keep: ['bookmarkNotes'] });
  });

  it('turns a handler’s error into its kind and user-facing message', async () => {
    const reply = await handle(handlers(), { type: 'account.check', accountId: '7' });
    expect(reply).toEqual({ ok: false, error: { kind: 'unavailable', message: 'X is not answering right now.' } });
  });
});

describe('attaching an image through the background', () => {
  const attach = (bytes: number) => ({
    type: 'draft.attachImage',
    accountId: '7',
    context: 'compose',
    name: 'dance.gif',
    mediaType: 'image/gif',
    data: Buffer.alloc(bytes).toString('base64'),
  });

  it('carries a GIF of X’s 15 MB limit to the handler, and refuses a larger one before decoding it', async () => {
    const h = handlers();
    expect(await handle(h, attach(15 * 1024 * 1024))).toEqual({ ok: true, data: { id: 'x' } });
    expect(h['draft.attachImage']).toHaveBeenCalledTimes(1);
    expect(await handle(h, attach(15 * 1024 * 1024 + 3))).toMatchObject({ ok: false, error: { kind: 'bad-request' } });
    expect(h['draft.attachImage']).toHaveBeenCalledTimes(1);
  });
});
