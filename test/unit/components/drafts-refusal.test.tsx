import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DraftsView } from '@/components/manager/drafts/DraftsView';
import { db } from '@/lib/db';
import { handle, type Handlers } from '@/lib/message-contract';
import { draftWindowUrl } from '@/lib/services/drafts-open';
import { readInJapanese } from '../locales/in-japanese';
import { renderInPage, type ReactPage } from '../support/react-page';
import { freshDb } from '../services/support';

/**
 * The Drafts tab says why a draft could not be reopened in its own words, in the reader's language: the background
 * answers a draft that is gone by kind (lib/reply-words.ts), made while the worker spoke English.
 */

const ACCOUNT = '1585841080431321088';
const DRAFT = {
  key: `${ACCOUNT}|compose`,
  accountId: ACCOUNT,
  context: 'compose',
  posts: [{ text: 'Hello from Perch', mediaIds: [] }],
  publishedIds: [],
  state: 'editing' as const,
  seq: 1,
  updatedAt: '2026-12-03T07:00:00.000Z',
};

/** The background's real answer to reopening a draft it no longer holds, made now (in the worker's language). */
async function goneReply(): Promise<unknown> {
  const handlers = { 'draft.open': ({ accountId, context }: { accountId: string; context: string }) => draftWindowUrl(accountId, context) };
  return handle(handlers as unknown as Handlers, { type: 'draft.open', accountId: ACCOUNT, context: 'compose' });
}

/** Lets the store's live query, the background's answer and React settle. */
const settle = () => act(() => new Promise((r) => setTimeout(r, 20)));

/** Shows the Drafts tab with one draft listed, presses its `open` button, and returns what the tab then says. */
async function statusAfterOpening(reply: unknown, open: string): Promise<string> {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(reply as never);
  await db().drafts.put(DRAFT);
  const page: ReactPage = await renderInPage(createElement(DraftsView, { accountId: ACCOUNT }), { settleMs: 20 });
  try {
    for (let i = 0; i < 5; i++) await settle();
    const button = [...page.document.querySelectorAll('button')].find((b) => b.textContent === open);
    if (!button) throw new Error(`no button “${open}”`);
    await act(async () => {
      button.dispatchEvent(new page.window.Event('click', { bubbles: true }));
    });
    for (let i = 0; i < 3; i++) await settle();
    return page.document.querySelector('[role="status"]')?.textContent ?? '';
  } finally {
    await page.leave();
  }
}

beforeEach(async () => {
  await freshDb();
});

describe('the Drafts tab, reopening a draft that is gone', () => {
  it('says the draft is no longer saved, in its own words', async () => {
    expect(await statusAfterOpening(await goneReply(), 'Open')).toBe('This draft is no longer saved.');
  });

  it('says so in Japanese to a Japanese reader, though the worker spoke English', async () => {
    const reply = await goneReply();
    readInJapanese();
    expect(await statusAfterOpening(reply, '開く')).toBe('この下書きはもう保存されていません。');
  });
});
