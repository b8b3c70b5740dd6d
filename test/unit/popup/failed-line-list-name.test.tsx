import { act, createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FailedLine } from '@/components/FailedLine';
import { failedKey, type FailureNote } from '@/lib/failed-actions';
import type { ListContext } from '@/lib/services/list-context';
import { STORE_CHANNEL } from '@/lib/store-changes';
import { readInJapanese } from '../locales/in-japanese';
import { renderInPage } from '../support/react-page';

/**
 * The popup's first line says what failed. A List pinned from the popup before Perch read the Lists carries only the
 * List's id, so the line names it so ("Pin list 1900…") while Perch does not hold its name; once Perch holds the
 * List, the line names it by its name, as the Activity tab does — in a popup opened since, and in one open as the
 * Lists are read.
 */

const ACCOUNT = '1585841080431321088';
const LIST = '1900000000000000007';
const NAME = 'Navy computing';

const pinRefused: FailureNote = {
  seq: 4,
  type: 'list.pin',
  params: { listId: LIST },
  error: { kind: 'forbidden' },
  at: '2026-12-05T07:00:00.000Z',
};

/**
 * The background: the List as the store holds it (`held`: its name, or not read yet). With `wait`, each answer (the
 * List as held when asked) waits in `waiting` until the test lets it go.
 */
function background() {
  const bg = { held: undefined as string | undefined, wait: false, waiting: [] as (() => void)[] };
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { type: string; listId?: string }) => {
    if (message.type !== 'tab.list') return Promise.resolve({ ok: true, data: null });
    const list: ListContext['list'] =
      bg.held && message.listId === LIST ? { name: bg.held, owned: false, pinned: false, followed: false } : null;
    const reply = { ok: true, data: { list, actions: [] } satisfies ListContext };
    return bg.wait ? new Promise((resolve) => bg.waiting.push(() => resolve(reply))) : Promise.resolve(reply);
  }) as never);
  return bg;
}

/** Lets what is already answered land (no fixed wait): for a check that something did not change. */
const flush = () => act(() => new Promise((r) => setTimeout(r, 0)));

async function openPopup() {
  await fakeBrowser.storage.local.set({ [failedKey(ACCOUNT)]: [pinRefused] });
  const page = await renderInPage(createElement(FailedLine, { accountId: ACCOUNT }), { visible: true, settleMs: 30 });
  const doc = page.document;
  const line = () => doc.querySelector('section p.error')?.textContent ?? '';
  await vi.waitFor(() => expect(line()).not.toBe(''));
  return {
    ...page,
    line,
    labels: () => [...doc.querySelectorAll('section button')].map((b) => b.getAttribute('aria-label')),
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the popup’s line for a failed pin of a List Perch had not read', () => {
  it('names the List by its id while Perch does not hold it, then by its name', async () => {
    const bg = background();
    const before = await openPopup();
    try {
      expect(before.line()).toMatch(new RegExp(`^Pin list ${LIST}: not done\\.`));
      expect(before.labels()).toEqual([`Retry: Pin list ${LIST}`, `Dismiss: Pin list ${LIST}`]);
    } finally {
      await before.leave();
    }

    bg.held = NAME;
    const after = await openPopup();
    try {
      await vi.waitFor(() => expect(after.line()).toMatch(/^Pin “Navy computing”: not done\./));
      expect(after.labels()).toEqual(['Retry: Pin “Navy computing”', 'Dismiss: Pin “Navy computing”']);
    } finally {
      await after.leave();
    }
  });

  it('is named by its name as the Lists are read while the popup is open', async () => {
    const bg = background();
    const page = await openPopup();
    const writer = new BroadcastChannel(STORE_CHANNEL);
    try {
      expect(page.line()).toContain(`Pin list ${LIST}`);
      bg.held = NAME;
      // Dexie's news of a write to the lists table, as the background's sync sends it.
      writer.postMessage({ [`idb://perch/lists/`]: [] });
      await vi.waitFor(() => expect(page.line()).toMatch(/^Pin “Navy computing”: not done\./));
    } finally {
      writer.close();
      await page.leave();
    }
  });

  it('keeps the name when an older ask of the List comes back after a newer one', async () => {
    const bg = background();
    const page = await openPopup();
    const writer = new BroadcastChannel(STORE_CHANNEL);
    bg.wait = true;
    const held = bg.waiting;
    try {
      expect(page.line()).toContain(`Pin list ${LIST}`);
      // A write: the popup asks, and X's Lists are not in yet (the answer is the id's).
      writer.postMessage({ [`idb://perch/lists/`]: [] });
      await vi.waitFor(() => expect(held).toHaveLength(1));
      // The Lists are read: a second write, a second ask, answered first with the name.
      bg.held = NAME;
      writer.postMessage({ [`idb://perch/lists/`]: [] });
      await vi.waitFor(() => expect(held).toHaveLength(2));
      held[1]!();
      await vi.waitFor(() => expect(page.line()).toMatch(/^Pin “Navy computing”: not done\./));
      // The first ask's answer, older, comes back last: the name stays.
      held[0]!();
      await flush();
      expect(page.line()).toMatch(/^Pin “Navy computing”: not done\./);
    } finally {
      writer.close();
      await page.leave();
    }
  });

  it('in Japanese too', async () => {
    readInJapanese();
    const bg = background();
    const before = await openPopup();
    try {
      expect(before.line()).toContain(`リスト${LIST}を固定`);
    } finally {
      await before.leave();
    }
    bg.held = NAME;
    const after = await openPopup();
    try {
      await vi.waitFor(() => expect(after.line()).toContain('「Navy computing」を固定'));
      expect(after.line()).not.toContain(LIST);
    } finally {
      await after.leave();
    }
  });
});
