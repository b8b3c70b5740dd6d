import 'fake-indexeddb/auto';
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RelationView } from '@/components/manager/RelationView';
import { db } from '@/lib/db';
import { readInJapanese } from '../locales/in-japanese';
import { renderInPage, type ReactPage } from '../support/react-page';
import { withEmptyStore } from '../support/store';

/**
 * The Muted and Blocked tabs name an account whose stored names do not read "Unknown account" (「不明なアカウント」),
 * but their search looked only at the stored name and @username: a person who typed the words they saw found nothing.
 * The search now holds the words each row shows.
 */

const ACCOUNT = '2244994945';
const WHEN = '2030-01-15T12:00:00.000Z';

withEmptyStore();

/** Grace (name and @username), @ada (no name that reads) and an account Perch never learned the names of. */
async function storeAccounts(relation: 'muted' | 'blocked'): Promise<void> {
  await db()[relation].bulkPut([
    { accountId: ACCOUNT, userId: '4', position: 3 },
    { accountId: ACCOUNT, userId: '5', position: 2 },
    { accountId: ACCOUNT, userId: '6', position: 1 },
  ]);
  await db().users.bulkPut([
    { accountId: ACCOUNT, id: '6', name: 'Grace Hopper', username: 'gracehop', seenAt: WHEN },
    { accountId: ACCOUNT, id: '4', name: '', username: 'ada', seenAt: WHEN },
  ]);
}

const wait = () => act(() => new Promise((r) => setTimeout(r, 25)));

/** The names each row shows, as a person reads them: "Grace Hopper @gracehop". */
const rows = (page: ReactPage) =>
  [...page.container.querySelectorAll('[role="listitem"]')].map((row) =>
    [...row.querySelectorAll('bdi')].map((b) => b.textContent).join(' '),
  );

/** Types `text` into the search field as a person does (linkedom has no `oninput`: React reads focus and keys). */
async function search(page: ReactPage, text: string): Promise<string[]> {
  const input = page.container.querySelector('input[type="search"]');
  if (!input) throw new Error('no search field');
  // React reads a field's changes as in browsers without `oninput` (linkedom has none): it listens for IE's events.
  const field = Object.getPrototypeOf(input) as Record<string, unknown>;
  field.attachEvent ??= () => undefined;
  field.detachEvent ??= () => undefined;
  await act(async () => {
    input.dispatchEvent(new page.window.Event('focusin', { bubbles: true }));
    Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')?.set?.call(input, text);
    input.dispatchEvent(new page.window.Event('keyup', { bubbles: true }));
  });
  // The search runs deferred, over every row read from the store: the rows shown once they stop changing.
  let last = rows(page).join('|');
  for (let i = 0, same = 0; i < 200 && same < 8; i++) {
    await wait();
    const now = rows(page).join('|');
    same = now === last ? same + 1 : 0;
    last = now;
  }
  return rows(page);
}

/** The tab once its three accounts are drawn, and what `queries` find in it, each typed afresh. */
async function found(relation: 'muted' | 'blocked', queries: string[]): Promise<{ all: string[]; hits: string[][] }> {
  await storeAccounts(relation);
  // The background never answers (the tab's sync line waits): what shows is read from the store alone.
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockReturnValue(new Promise<never>(() => undefined) as never);
  const page = await renderInPage(<RelationView accountId={ACCOUNT} relation={relation} />, { settleMs: 20 });
  try {
    for (let i = 0; i < 200 && rows(page).length < 3; i++) await wait();
    const all = rows(page);
    const hits: string[][] = [];
    for (const q of queries) {
      hits.push(await search(page, q));
      await search(page, '');
    }
    return { all, hits };
  } finally {
    await page.leave();
  }
}

describe('searching the Muted and Blocked tabs for the words a row shows', () => {
  it.each(['muted', 'blocked'] as const)('finds the %s account named “Unknown account” by those words', async (relation) => {
    const { all, hits } = await found(relation, ['unknown', 'Unknown account', '@ada', 'hopper']);
    expect(all).toEqual(['@ada', 'Unknown account', 'Grace Hopper @gracehop']);
    expect(hits).toEqual([['Unknown account'], ['Unknown account'], ['@ada'], ['Grace Hopper @gracehop']]);
  });

  it('finds it by the Japanese words when Perch speaks Japanese', async () => {
    readInJapanese();
    const { all, hits } = await found('muted', ['不明', '不明なアカウント', 'unknown']);
    expect(all).toEqual(['@ada', '不明なアカウント', 'Grace Hopper @gracehop']);
    expect(hits[0]).toEqual(['不明なアカウント']);
    expect(hits[1]).toEqual(['不明なアカウント']);
    // What a row does not show is not found: no row reads "unknown" in Japanese.
    expect(hits[2]).toEqual([]);
  });
});
