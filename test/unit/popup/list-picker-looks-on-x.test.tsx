import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '@/entrypoints/background/handlers';
import type { Services } from '@/entrypoints/background/services';
import { ListPicker } from '@/entrypoints/popup/ListPicker';
import { ACTIONS } from '@/lib/services/actions';
import { createFeedPublisher } from '@/lib/services/outbox-feed';
import { SyncService } from '@/lib/services/sync';
import { createList } from '@/lib/x/lists';
import { ADA_ID } from '../auth/support';
import { client, emu, withSignedInAda } from '../services/world';
import { withFocus } from '../support/focus-standin';
import { accessibleName } from '../support/label-in-name';
import { renderInPage } from '../support/react-page';

/**
 * When X answered a new List's create unreadably, the picker says "X may have made “Birds”: Perch is looking." and reads
 * the account's Lists again. It asked with user.lists, which reads X's Lists only once a day: the picker's own opening
 * had run that day's Lists sync, so the look asked X nothing and said Perch did not see the List X had made. The look
 * now reads the Lists from X again, through the background's own handlers against the emulator.
 */

const GRACE = { id: '1452871219391512578', name: 'Grace Hopper', username: 'gracehop' };

withSignedInAda();
withFocus();
afterEach(() => vi.restoreAllMocks());

const settle = () => act(() => new Promise((r) => setTimeout(r, 30)));
async function settleUntil(done: () => boolean) {
  for (let i = 0; i < 60 && !done(); i++) await settle();
}

/** The background: its own handlers for the Lists (sync.run, user.lists) on Ada's X; a create taken as action 7. */
function background() {
  const sync = new SyncService({ clientFor: async () => client, defs: ACTIONS, now: () => emu.state.now() });
  const handlers = createHandlers({ clientFor: async () => client, sync } as unknown as Services);
  const asked: string[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type: string }) => {
    asked.push(message.type);
    if (message.type === 'action.do') return { ok: true, data: { seq: 7 } };
    if (message.type === 'sync.run' || message.type === 'user.lists') {
      const handle = handlers[message.type] as (m: unknown) => Promise<unknown>;
      return { ok: true, data: await handle(message) };
    }
    return { ok: true, data: null };
  }) as never);
  return { asked };
}

describe('the list picker after X answered a new List’s create unreadably', () => {
  it('reads the Lists from X again, though that day’s Lists sync ran, and shows the List X made', async () => {
    background();
    const publish = createFeedPublisher(fakeBrowser.storage.session);
    const page = await renderInPage(<ListPicker accountId={ADA_ID} user={GRACE} onChanged={() => undefined} onClose={() => undefined} />, {
      settleMs: 40,
    });
    const doc = page.document;
    const button = (name: string) => [...doc.querySelectorAll('button')].find((b) => accessibleName(b as unknown as Element) === name);
    try {
      await settleUntil(() => !!button('New list'));
      await act(async () => (button('New list') as unknown as HTMLElement).click());
      await settle();
      const input = doc.querySelector<HTMLInputElement>('form input[type="text"]')!;
      Object.assign(page.window, { getSelection: () => ({ anchorNode: null, anchorOffset: 0, focusNode: null, focusOffset: 0 }) });
      await act(async () => {
        input.dispatchEvent(new page.window.Event('focusin', { bubbles: true }));
        Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')?.set?.call(input, 'Birds');
        input.dispatchEvent(new page.window.Event('keyup', { bubbles: true }));
      });
      await act(async () => doc.querySelector('form')!.dispatchEvent(new page.window.Event('submit', { bubbles: true, cancelable: true })));
      await settle();

      // X made the List, and its answer was cut short: Perch's store has never heard of it.
      const made = await createList(client, { name: 'Birds' });
      await act(() =>
        publish({
          accountId: ADA_ID,
          seq: 7,
          type: 'list.create',
          state: 'failed',
          notBefore: 0,
          error: { kind: 'malformed', mayBeDone: true },
        }),
      );
      await settleUntil(() => !!button('Add to “Birds”') || (doc.body.textContent ?? '').includes('does not see it'));

      expect(doc.body.textContent).not.toContain('does not see it');
      const add = button('Add to “Birds”');
      expect(add?.getAttribute('data-list-id')).toBe(made.id);
      expect(doc.activeElement).toBe(add);
    } finally {
      await page.leave();
    }
  });
});
