import 'fake-indexeddb/auto';
import { act } from 'react';
import { parseHTML } from 'linkedom';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RelationView } from '@/components/manager/RelationView';
import { db } from '@/lib/db';
import { enterprisePlanItem } from '@/lib/storage';
import { readInJapanese } from '../locales/in-japanese';
import { renderInPage, typeInto } from '../support/react-page';
import { withEmptyStore } from '../support/store';

/**
 * On X, blocking an account ends your follow of it, and unblocking does not bring it back
 * (x-api--users--blocks--integrate, "What happens when you block"). The Blocked tab's Unblock said only "done": a
 * person who had followed the account believed the follow was back. Its status line now says they do not follow them
 * now, with the account's profile on x.com to follow them again: plainly when Perch held that follow, as an "if"
 * otherwise.
 */

const ACCOUNT = '2244994945';
const WHEN = '2030-01-15T12:00:00.000Z';

withEmptyStore();

const wait = () => act(() => new Promise((r) => setTimeout(r, 25)));

// Block's question is a modal dialog: linkedom has no `showModal` or `close`, so they only open and close it here.
// React reads a field's changes as in browsers without `oninput` (linkedom has none): it listens for IE's events.
const { document: scratch } = parseHTML('<!doctype html><html><body></body></html>');
const dialogProto = Object.getPrototypeOf(scratch.createElement('dialog')) as { showModal?: () => void; close?: () => void };
const inputProto = Object.getPrototypeOf(scratch.createElement('input')) as { attachEvent?: () => void; detachEvent?: () => void };
const had = { showModal: dialogProto.showModal, close: dialogProto.close, attach: inputProto.attachEvent, detach: inputProto.detachEvent };
beforeAll(() => {
  dialogProto.showModal ??= function (this: { open: boolean }) {
    this.open = true;
  };
  dialogProto.close ??= function (this: { open: boolean }) {
    this.open = false;
  };
  inputProto.attachEvent ??= () => undefined;
  inputProto.detachEvent ??= () => undefined;
});
afterAll(() => {
  if (!had.showModal) delete dialogProto.showModal;
  if (!had.close) delete dialogProto.close;
  if (!had.attach) delete inputProto.attachEvent;
  if (!had.detach) delete inputProto.detachEvent;
});

/**
 * The Blocked tab (on the Enterprise plan: Unblock through Perch) with @ada blocked, followed too when `following`
 * says so, after Unblock is pressed on her row and the background has done it: the status line's words and the names
 * of its links.
 */
async function afterUnblock(following: 'follow' | 'request' | 'none'): Promise<{ status: string; links: string[] }> {
  await enterprisePlanItem.setValue(true);
  await db().blocked.put({ accountId: ACCOUNT, userId: '4', position: 1 });
  await db().users.put({ accountId: ACCOUNT, id: '4', name: 'Ada Lovelace', username: 'ada', seenAt: WHEN });
  if (following !== 'none')
    await db().following.put({ accountId: ACCOUNT, userId: '4', position: 1, ...(following === 'request' ? { pending: true } : {}) });
  // The background: the unblock is done at once (its row in the outbox, as the outbox leaves it); the sync never answers.
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: {
    type?: string;
    action?: { type: string; params: Record<string, string> };
  }) => {
    if (message.type !== 'action.do' || !message.action) return new Promise<never>(() => undefined);
    const seq = await db().actions.add({
      accountId: ACCOUNT,
      type: message.action.type,
      params: message.action.params,
      state: 'done',
      createdAt: WHEN,
      updatedAt: WHEN,
      notBefore: 0,
      attempts: 1,
    });
    await db().blocked.delete([ACCOUNT, '4']);
    return { ok: true, data: { seq } };
  }) as never);
  const page = await renderInPage(<RelationView accountId={ACCOUNT} relation="blocked" />, { settleMs: 20 });
  try {
    const unblock = () => page.container.querySelector<HTMLButtonElement>('[role="listitem"] button');
    for (let i = 0; i < 200 && !unblock(); i++) await wait();
    await act(async () => unblock()?.click());
    const status = () => page.container.querySelector('.mgr-note');
    // The status line names the action once the outbox row is read, and says what became of the follow with it (the
    // same render): waited for until those words are there, never for a fixed time.
    for (let i = 0; i < 200 && !status()?.querySelector('.mgr-unblocked'); i++) await wait();
    return {
      status: status()?.textContent ?? '',
      links: [...(status()?.querySelectorAll('a') ?? [])].map(
        (a) => `${a.textContent} | ${a.getAttribute('aria-label')} | ${a.getAttribute('href')}`,
      ),
    };
  } finally {
    await page.leave();
  }
}

describe('Unblock in the Blocked tab says the follow the block ended is not back', () => {
  it('says it plainly when Perch held that the person followed them', async () => {
    const { status, links } = await afterUnblock('follow');
    expect(status).toContain(
      'Blocking @ada ended your follow of them, and unblocking does not bring it back. You don’t follow @ada now: you can follow them again on their profile.',
    );
    expect(links).toEqual(['Profile | Profile of @ada on X | https://x.com/ada']);
  });

  it('says it as an “if” when Perch did not hold a follow (a request is not one)', async () => {
    for (const following of ['none', 'request'] as const) {
      const { status, links } = await afterUnblock(following);
      expect(status).toContain(
        'If you followed @ada before blocking them, unblocking does not bring that follow back. You don’t follow @ada now: you can follow them again on their profile.',
      );
      expect(status).not.toContain('Blocking @ada ended');
      expect(links).toEqual(['Profile | Profile of @ada on X | https://x.com/ada']);
      await db().following.clear();
    }
  });

  it('says it in Japanese when Perch speaks Japanese', async () => {
    readInJapanese();
    const { status } = await afterUnblock('follow');
    expect(status).toContain(
      'ブロックで@adaさんへのフォローは解除され、ブロックを解除しても戻りません。いまは@adaさんをフォローしていません。',
    );
  });
});

/**
 * The Blocked tab (Enterprise plan) after @ada is looked up, blocked there (Block's question answered) and the Block
 * undone with Undo: the status line's words. `known` is what Perch held of the person's follow of @ada before Block:
 * a follow row; X's word today that there is none (the popup read her relation, connection_status); or nothing.
 */
async function afterBlockUndone(known: 'followed' | 'not followed' | 'unknown'): Promise<string> {
  await enterprisePlanItem.setValue(true);
  const ada = { id: '4', name: 'Ada Lovelace', username: 'ada' };
  await db().users.put({
    accountId: ACCOUNT,
    ...ada,
    seenAt: WHEN,
    ...(known === 'unknown' ? {} : { relationSeenAt: WHEN }),
  });
  if (known === 'followed') await db().following.put({ accountId: ACCOUNT, userId: ada.id, position: 1 });
  // The background: the look-up finds @ada; Block and its Undo are done at once, as the outbox leaves their rows.
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: {
    type?: string;
    seq?: number;
    action?: { type: string; params: Record<string, string> };
  }) => {
    const row = { accountId: ACCOUNT, state: 'done' as const, createdAt: WHEN, updatedAt: WHEN, notBefore: 0, attempts: 1 };
    if (message.type === 'user.lookup') return { ok: true, data: ada };
    if (message.type === 'action.do' && message.action) {
      const seq = await db().actions.add({ ...row, type: message.action.type, params: message.action.params });
      await db().blocked.put({ accountId: ACCOUNT, userId: ada.id, position: 2 });
      await db().following.delete([ACCOUNT, ada.id]);
      return { ok: true, data: { seq } };
    }
    if (message.type === 'action.undo' && message.seq !== undefined) {
      const of = message.seq;
      const seq = await db().actions.add({ ...row, type: 'unblock', params: { userId: ada.id, username: ada.username }, undoOf: of });
      await db().actions.update(of, { undoneBy: seq });
      await db().blocked.delete([ACCOUNT, ada.id]);
      return { ok: true, data: { seq } };
    }
    return new Promise<never>(() => undefined);
  }) as never);
  const page = await renderInPage(<RelationView accountId={ACCOUNT} relation="blocked" />, { settleMs: 20 });
  try {
    const doc = page.container.ownerDocument;
    const button = (label: string, within: ParentNode = page.container) =>
      [...within.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === label);
    const input = page.container.querySelector<HTMLInputElement>('.mgr-lookup-input')!;
    // Typed as a person does, then Look up.
    await act(async () => typeInto(page, input, 'ada'));
    await act(async () =>
      page.container.querySelector('.mgr-lookup-form')?.dispatchEvent(new page.window.Event('submit', { bubbles: true })),
    );
    for (let i = 0; i < 200 && !button('Block'); i++) await wait();
    await act(async () => button('Block')?.click());
    for (let i = 0; i < 200 && !button('Block @ada', doc); i++) await wait();
    await act(async () => button('Block @ada', doc)?.click());
    for (let i = 0; i < 200 && !button('Undo'); i++) await wait();
    await act(async () => button('Undo')?.click());
    const status = () => page.container.querySelector('.mgr-note');
    // The line's words and what it says of the follow come in one render (unblockedNote): once "undone" is there, so
    // is the follow's line, or none.
    for (let i = 0; i < 200 && !status()?.textContent?.includes('undone'); i++) await wait();
    return status()?.textContent ?? '';
  } finally {
    await page.leave();
  }
}

describe('Undo of a Block in the Blocked tab says what Perch knew of the follow as Block was answered', () => {
  // "That day" is the UTC day of the clock (RelationView's noteFollow): the clock stays at WHEN, so a run across UTC
  // midnight still finds X's word of WHEN today. Only Date is faked: the store and the waits keep real timers.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(WHEN));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('says nothing of a follow when X had said that day the person did not follow them', async () => {
    const status = await afterBlockUndone('not followed');
    expect(status).toContain('undone');
    expect(status).not.toContain('follow');
  });

  it('says it plainly when Perch held the follow, and as an “if” when it did not know', async () => {
    expect(await afterBlockUndone('followed')).toContain('Blocking @ada ended your follow of them');
    await db().following.clear();
    expect(await afterBlockUndone('unknown')).toContain('If you followed @ada before blocking them');
  });
});
