import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it } from 'vitest';
import { sendEarly, type CarriedSend } from '@/entrypoints/popup/snapshot-send';

/**
 * A click on a painted toggle before React is there (entrypoints/popup/snapshot-send.ts): what its button and note
 * show once the background answers. Perch's refusals come as kinds with no message; the head script has no words for
 * them, and React's panel says them as it takes over.
 */

const ACCOUNT = '1';
const carried: CarriedSend = {
  request: { type: 'action.do', accountId: ACCOUNT, action: { type: 'bookmark', params: { postId: '20', username: 'grace' } } },
  label: 'Remove bookmark',
  pressed: true,
  note: 'Queued.',
  failed: 'Something went wrong. Please try again.',
};

const g = globalThis as Record<string, unknown>;
const saved = { window: g.window, document: g.document, Event: g.Event, CSS: g.CSS };
afterEach(() => Object.assign(g, saved));

/**
 * The painted snapshot's Bookmark button and its note, on a page made the global one; clicked with `reply`.
 * `describedBy`: the notes the button names, its own first (a second may say how fresh Bookmark's state is).
 */
async function clickedWith(reply: Promise<unknown>, describedBy = 'note-bookmark') {
  const { window, document } = parseHTML(
    '<!doctype html><html><body><div class="snapshot"><div class="quick-actions">' +
      `<button class="quick-button" aria-describedby="${describedBy}"><span class="quick-label">Bookmark</span></button>` +
      '</div><div class="quick-notes"><p id="note-bookmark" class="quick-note" role="status"></p></div>' +
      '<p id="note-read" class="muted">Perch has not read your bookmarks from X yet.</p></div></body></html>',
  );
  Object.assign(g, { window, document, Event: window.Event, CSS: { escape: (s: string) => s } });
  const view = document.querySelector<HTMLElement>('.snapshot')!;
  const button = view.querySelector<HTMLElement>('button')!;
  sendEarly(view, button, carried, () => reply, { accountId: ACCOUNT, key: 'post:20' });
  await reply.then(
    () => undefined,
    () => undefined,
  );
  await new Promise((r) => setTimeout(r, 0));
  return {
    label: button.querySelector('.quick-label')!.textContent,
    pressed: button.classList.contains('on'),
    note: view.querySelector('#note-bookmark')!.textContent,
    alert: view.querySelector('[role="alert"]')?.textContent ?? null,
    read: view.querySelector('#note-read')!.textContent,
  };
}

describe('a painted toggle’s click, once the background answers', () => {
  it('leaves a refusal said by kind to React’s panel: no generic words first, the button as it was sent', async () => {
    const refused = { ok: false, error: { kind: 'forbidden', message: '', replyWords: { kind: 'action-gone' } } };
    expect(await clickedWith(Promise.resolve(refused))).toEqual({
      label: 'Remove bookmark',
      pressed: true,
      note: 'Queued.',
      alert: null,
      read: 'Perch has not read your bookmarks from X yet.',
    });
  });

  it('shows the background’s words for X’s answer, with the button back as it was', async () => {
    const refused = { ok: false, error: { kind: 'unavailable', message: 'X is not answering right now.' } };
    expect(await clickedWith(Promise.resolve(refused))).toEqual({
      label: 'Bookmark',
      pressed: false,
      note: 'X is not answering right now.',
      alert: 'X is not answering right now.',
      read: 'Perch has not read your bookmarks from X yet.',
    });
  });

  it.each([
    ['the background is gone', () => Promise.reject(new Error('Could not establish connection.'))],
    ['the reply says nothing of why', () => Promise.resolve({ ok: false, error: { kind: 'error', message: '' } })],
    ['the reply’s words are no kind', () => Promise.resolve({ ok: false, error: { kind: 'error', message: '', replyWords: 'gone' } })],
  ])('says its generic words when %s', async (_case, reply) => {
    expect(await clickedWith(reply())).toEqual({
      label: 'Bookmark',
      pressed: false,
      note: carried.failed,
      alert: carried.failed,
      read: 'Perch has not read your bookmarks from X yet.',
    });
  });

  it('says the failure in the button’s own note when the button also names the note on its bookmarks’ age', async () => {
    const refused = { ok: false, error: { kind: 'unavailable', message: 'X is not answering right now.' } };
    expect(await clickedWith(Promise.resolve(refused), 'note-bookmark note-read')).toEqual({
      label: 'Bookmark',
      pressed: false,
      note: 'X is not answering right now.',
      alert: 'X is not answering right now.',
      read: 'Perch has not read your bookmarks from X yet.',
    });
  });

  it('keeps the action on its way when the background took it', async () => {
    expect(await clickedWith(Promise.resolve({ ok: true, data: { seq: 7 } }))).toEqual({
      label: 'Remove bookmark',
      pressed: true,
      note: 'Queued.',
      alert: null,
      read: 'Perch has not read your bookmarks from X yet.',
    });
  });
});
