import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ListPicker } from '@/entrypoints/popup/ListPicker';
import type { ActionRequest } from '@/lib/messaging';
import { createFeedPublisher } from '@/lib/services/outbox-feed';
import type { XClient } from '@/lib/x/client';
import { freshDb } from '../services/support';
import { withFocus } from '../support/focus-standin';
import { accessibleName } from '../support/label-in-name';
import { actionDone, outboxOver } from '../support/outbox-background';
import { renderInPage, type ReactPage } from '../support/react-page';
import { ok, scripted } from '../x/support';

/**
 * "New list" in the popup's list picker: a person with no List (or wanting another) makes one there, through the
 * outbox as the manager's Lists tab does (POST /2/lists, createLists); once X has made it, it is a row of the picker
 * with its Add button, focused, and adding the person on the page is their second click. A refusal says X's words and
 * keeps the name typed. Escape closes the form, not the picker.
 */

const ACCOUNT = '1585841080431321088';
const GRACE = { id: '1452871219391512578', name: 'Grace Hopper', username: 'gracehop' };
const MADE = '1800000000000000001';
const TOO_MANY = { type: 'about:blank', title: 'Forbidden', detail: 'You cannot create more Lists.' };

withFocus();
beforeEach(async () => {
  fakeBrowser.reset();
  await freshDb();
});
afterEach(() => vi.restoreAllMocks());

/** X, answering each request in turn (`steps`) once the test opens the gate: the List is "on its way" until then. */
function slowX(...steps: Parameters<typeof scripted>) {
  const x = scripted(...steps);
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  const client = { request: async (req: unknown) => (await gate, x.client.request(req as never)) } as unknown as XClient;
  return { client, sent: x.sent, open };
}

/**
 * The background: the account's Lists (none), and `action.do` through a real outbox that publishes each move as the
 * background does (storage.session), a new List named by a temporary id until X answers (handlers.ts).
 */
function background(x: XClient) {
  const box = outboxOver(x, { published: true });
  const asked: { type: string; action?: ActionRequest }[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type: string; action?: ActionRequest }) => {
    asked.push(message);
    if (message.type === 'user.lists') return { ok: true, data: [] };
    if (message.type === 'action.do' && message.action) return actionDone(box, ACCOUNT, message.action);
    return { ok: true, data: null };
  }) as never);
  return { box, asked };
}

const settle = () => act(() => new Promise((r) => setTimeout(r, 30)));
async function settleUntil(done: () => boolean) {
  for (let i = 0; i < 30 && !done(); i++) await settle();
}

function picker(page: ReactPage) {
  const doc = page.document;
  const buttons = () => [...doc.querySelectorAll<HTMLButtonElement>('button')];
  return {
    button: (name: string) => buttons().find((b) => accessibleName(b as unknown as Element) === name),
    names: () => buttons().map((b) => accessibleName(b as unknown as Element)),
    form: () => doc.querySelector('form[aria-label="New list"]'),
    nameBox: () => doc.querySelector<HTMLInputElement>('form input[type="text"]'),
    focused: () => (doc.activeElement ? accessibleName(doc.activeElement) || doc.activeElement.tagName : ''),
    said: (role: 'status' | 'alert') => [...doc.querySelectorAll(`[role="${role}"]`)].flatMap((p) => p.textContent?.trim() || []),
    text: () => doc.body.textContent ?? '',
    async click(el: Element | undefined) {
      if (!el) throw new Error('nothing to click');
      await act(async () => (el as HTMLElement).click());
      await settle();
    },
    /**
     * Types as a person does (linkedom has no `oninput`: React reads a field's changes on focus and keys, and reads the
     * focused field's selection on a key, which linkedom's page cannot give: an empty one stands in).
     */
    async type(text: string) {
      const input = this.nameBox()!;
      Object.assign(page.window, { getSelection: () => ({ anchorNode: null, anchorOffset: 0, focusNode: null, focusOffset: 0 }) });
      await act(async () => {
        input.dispatchEvent(new page.window.Event('focusin', { bubbles: true }));
        Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')?.set?.call(input, text);
        input.dispatchEvent(new page.window.Event('keyup', { bubbles: true }));
      });
    },
    async submit() {
      await act(async () => this.form()!.dispatchEvent(new page.window.Event('submit', { bubbles: true, cancelable: true })));
      await settle();
    },
    async escape() {
      const key = Object.assign(new page.window.Event('keydown', { bubbles: true, cancelable: true }), { key: 'Escape' });
      await act(async () => doc.activeElement!.dispatchEvent(key));
      await settle();
    },
  };
}

async function openPicker() {
  const onClose = vi.fn();
  const page = await renderInPage(<ListPicker accountId={ACCOUNT} user={GRACE} onChanged={() => undefined} onClose={onClose} />, {
    settleMs: 40,
  });
  const p = picker(page);
  await settleUntil(() => !!p.button('New list'));
  return { page, p, onClose };
}

describe('New list in the popup’s list picker', () => {
  it('creates the List on X, then shows it with its Add button focused, and adds the person on their click', async () => {
    const x = slowX(ok({ data: { id: MADE, name: 'Birds' } }), ok({ data: { is_member: true } }));
    const { box, asked } = background(x.client);
    const { page, p } = await openPicker();
    try {
      expect(p.text()).toContain('You have no lists yet.');
      await p.click(p.button('New list'));
      expect(p.form()).toBeTruthy();
      expect(p.focused()).toBe('INPUT');
      await p.type('Birds');
      expect(p.text()).toContain('5/25');

      await p.submit();
      // On its way: the button says so and is not pressed again; no row claims the List before X has made it.
      const creating = p.button('Creating…');
      expect(creating?.getAttribute('aria-disabled')).toBe('true');
      await p.submit();
      expect(asked.filter((m) => m.type === 'action.do')).toHaveLength(1);
      expect(p.names()).not.toContain('Add to “Birds”');

      x.open();
      await act(() => box.idle(ACCOUNT));
      await settleUntil(() => !!p.button('Add to “Birds”'));
      expect(p.form()).toBeNull();
      expect(p.focused()).toBe('Add to “Birds”');
      expect(p.said('status')).toContain('Created “Birds” on X.');
      // Shown from X's answer to the create: the account's Lists were not read from X again.
      expect(asked.filter((m) => m.type === 'user.lists')).toHaveLength(1);

      await p.click(p.button('Add to “Birds”'));
      await act(() => box.idle(ACCOUNT));
      await settleUntil(() => !!p.button('Remove from “Birds”'));
      expect(asked.filter((m) => m.type === 'action.do').map((m) => m.action)).toEqual([
        { type: 'list.create', params: { name: 'Birds', private: false } },
        { type: 'list.addMember', params: { listId: MADE, listName: 'Birds', userId: GRACE.id, username: GRACE.username } },
      ]);
      expect(x.sent.map((s) => `${s.method} ${s.path}`)).toEqual(['POST /2/lists', `POST /2/lists/${MADE}/members`]);
    } finally {
      await page.leave();
    }
  });

  it('says X’s refusal in X’s words and keeps the name typed', async () => {
    const x = slowX(ok({ errors: [TOO_MANY] }));
    const { box } = background(x.client);
    const { page, p } = await openPicker();
    try {
      await p.click(p.button('New list'));
      await p.type('Birds');
      await p.submit();
      x.open();
      await act(() => box.idle(ACCOUNT));
      await settleUntil(() => p.said('alert').length > 0);
      const [alert] = p.said('alert');
      expect(alert).toContain('Could not create “Birds”.');
      expect(alert).toContain(TOO_MANY.detail);
      expect(p.nameBox()?.value).toBe('Birds');
      expect(p.button('Create list')?.getAttribute('aria-disabled')).toBeNull();
      expect(p.names()).not.toContain('Add to “Birds”');
    } finally {
      await page.leave();
    }
  });

  it('after X answered the create unreadably, says X may have made it and looks for it instead of offering the form', async () => {
    const BIRDS = { id: MADE, name: 'Birds', private: false, member: false };
    const publish = createFeedPublisher(fakeBrowser.storage.session);
    let reads = 0;
    const asked: string[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type: string }) => {
      asked.push(message.type);
      if (message.type === 'user.lists') return { ok: true, data: reads++ === 0 ? [] : [BIRDS] };
      if (message.type === 'action.do') return { ok: true, data: { seq: 7 } };
      return { ok: true, data: null };
    }) as never);
    const { page, p } = await openPicker();
    try {
      await p.click(p.button('New list'));
      await p.type('Birds');
      await p.submit();
      await act(() =>
        publish({
          accountId: ACCOUNT,
          seq: 7,
          type: 'list.create',
          state: 'failed',
          notBefore: 0,
          error: { kind: 'malformed', mayBeDone: true },
        }),
      );
      await settleUntil(() => !!p.button('Add to “Birds”'));
      expect(p.text()).not.toContain('Could not create');
      expect(p.form()).toBeNull();
      expect(p.button('Create list')).toBeUndefined();
      expect(asked.filter((t) => t === 'action.do')).toHaveLength(1);
      expect(p.said('status')).toContain('Created “Birds” on X.');
      expect(p.focused()).toBe('Add to “Birds”');
    } finally {
      await page.leave();
    }
  });

  it('asks for a name before sending anything, and closes on Escape with the focus back on New list', async () => {
    const x = slowX();
    const { asked } = background(x.client);
    const { page, p, onClose } = await openPicker();
    try {
      await p.click(p.button('New list'));
      await p.submit();
      expect(p.said('alert')).toContain('Give the list a name.');
      expect(asked.filter((m) => m.type === 'action.do')).toHaveLength(0);

      await p.escape();
      expect(p.form()).toBeNull();
      // The picker stays open: only the form closed.
      expect(onClose).not.toHaveBeenCalled();
      expect(p.focused()).toBe('New list');
      expect(p.button('New list')?.getAttribute('aria-expanded')).toBe('false');
    } finally {
      await page.leave();
    }
  });
});
