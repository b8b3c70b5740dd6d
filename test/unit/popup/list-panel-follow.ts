import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ListPanel } from '@/entrypoints/popup/ListPanel';
import { db, type ActionRow } from '@/lib/db';
import { listContext } from '@/lib/services/list-context';
import { createFeedPublisher, type ActionChange } from '@/lib/services/outbox-feed';
import { renderInPage } from '../support/react-page';

/** The popup list panel as a person sees it, with a stand-in background and the outbox writes, for the list-panel-follow-* tests. */

export const ACCOUNT = '1585841080431321088';
export const LIST = '1700000000000000002';
export const seenAt = '2026-12-02T10:00:00.000Z';

export async function renderPanel() {
  const page = await renderInPage(createElement(ListPanel, { accountId: ACCOUNT, listId: LIST }));
  const { document } = page;
  return {
    ...page,
    text: () => document.body.textContent ?? '',
    buttons: () => [...document.querySelectorAll('button')].map((b) => b.textContent?.trim()),
    alerts: () => [...document.querySelectorAll('[role="alert"]')].map((p) => p.textContent?.trim()).filter(Boolean),
    async click(label: string) {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
      if (!button) throw new Error(`no button ${label}`);
      await act(async () => button.click());
    },
  };
}

/** Lets the store's write news, the background's answer and React settle. */
export const settle = () => act(() => new Promise((r) => setTimeout(r, 30)));
export async function settleUntil(ok: () => boolean) {
  for (let i = 0; i < 20 && !ok(); i++) await settle();
}

/**
 * The background, with each `tab.list` answer held until the test lets it go (`release`: the oldest, read from the
 * store at that moment) or answered at once (`open`); `action.do` answers with `seq`; `failNext` fails the next read.
 */
export function background(seq = 7) {
  const held: ((v: unknown) => void)[] = [];
  const bg = {
    open: true,
    asks: 0,
    failNext: false,
    held,
    sent: [] as unknown[],
    async release() {
      const answer = held.shift();
      answer?.({ ok: true, data: await listContext(ACCOUNT, LIST) });
      await settle();
    },
  };
  vi.spyOn(fakeBrowser.windows, 'getCurrent').mockResolvedValue({ id: 1 } as never);
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { type: string }) => {
    if (message.type === 'action.do') {
      bg.sent.push(message);
      return Promise.resolve({ ok: true, data: { seq } });
    }
    if (message.type !== 'tab.list') return Promise.resolve({ ok: true, data: null });
    bg.asks++;
    if (bg.failNext) {
      bg.failNext = false;
      return Promise.resolve({ ok: false, error: { kind: 'unreachable', message: 'The store could not be read.' } });
    }
    if (bg.open) return listContext(ACCOUNT, LIST).then((data) => ({ ok: true, data }));
    return new Promise((r) => held.push(r));
  }) as never);
  return bg;
}

export async function storeList(pinned = false, name = 'Navy computing') {
  await db().lists.put({ accountId: ACCOUNT, id: LIST, name, ownerId: ACCOUNT, owned: true, followed: false, pinned, member: false });
}

/** The outbox's side of an action: its row, the list's flag, and its publication, as the background does them. */
export const publish = createFeedPublisher(fakeBrowser.storage.session);
/** An action on the list: its row, the list's flags as the outbox sets them, and its publication. */
export async function listAction(
  seq: number,
  type: string,
  state: ActionChange['state'],
  flags: { pinned?: boolean; followed?: boolean },
  error?: ActionRow['error'],
) {
  const row: ActionRow = {
    seq,
    accountId: ACCOUNT,
    type,
    params: { listId: LIST },
    state,
    createdAt: seenAt,
    updatedAt: seenAt,
    notBefore: 0,
    attempts: 1,
    ...(error ? { error } : {}),
  };
  await db().transaction('rw', [db().actions, db().lists], async () => {
    await db().actions.put(row);
    await db().lists.update([ACCOUNT, LIST], flags);
  });
  await publish({ accountId: ACCOUNT, seq, type, state, notBefore: 0, ...(error ? { error } : {}) });
  await settle();
}

/** The popup's own pin on its way through the outbox. */
export const outbox = (seq: number, state: ActionChange['state'], pinned: boolean, error?: ActionRow['error']) =>
  listAction(seq, 'list.pin', state, { pinned }, error);
