import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SyncBar, type SyncTexts } from '@/components/manager/SyncBar';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { SyncService } from '@/lib/services/sync';
import { createXClient } from '@/lib/x/client';
import { readInJapanese } from '../locales/in-japanese';
import { renderInPage } from '../support/react-page';
import { xProblem } from '../x/problems';
import { freshDb } from './support';

/**
 * Rows a muted, blocked or lists walk keeps because X's errors named them instead of sending them (a suspended
 * account X names by `resource_id`: x-api--fundamentals--response-codes-and-errors, "Partial errors"): the sync state
 * records how many, and the tab's sync line says so in one line, until a sync keeps none.
 */

const ADA = '2244994945';
const GRACE = '1111111111';
const ALAN = '2222222222';
const LIN = '3333333333';
const gone = (id: string) =>
  xProblem('resource-not-found', `Could not find user with id: [${id}].`, { resource_id: id, resource_type: 'user' });

beforeEach(freshDb);

/** A sync service whose X answers `muting` with `answer` (an empty page for anything else). */
function syncAnswering(answer: unknown) {
  const fetch = vi.fn((input: RequestInfo | URL): Promise<Response> => {
    const last = new URL(String(input)).pathname.split('/').pop()!;
    const body = last === 'muting' ? answer : { meta: { result_count: 0 } };
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }));
  });
  const client = createXClient({ baseUrl: 'https://api.x.test', getAccessToken: () => Promise.resolve('t1'), fetch });
  let now = Date.UTC(2030, 0, 15, 9);
  return new SyncService({ clientFor: () => Promise.resolve(client), defs: ACTIONS, now: () => (now += 60_000) });
}

const user = (id: string) => ({ id, name: `User ${id}`, username: `u${id}` });

/** The Muted tab's sync line, as the person reads it, once the store's state is shown. */
async function mutedSyncLine(): Promise<string> {
  // The tab's own sync request stays unanswered: the line shows the state stored.
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockReturnValue(new Promise(() => undefined) as never);
  const texts: SyncTexts = {
    button: 'Sync',
    buttonLabel: 'Sync muted accounts',
    running: () => 'Syncing…',
    last: () => 'Synced.',
    never: 'Never synced.',
    failed: (m) => m,
  };
  const page = await renderInPage(createElement(SyncBar, { accountId: ADA, collection: 'muted', texts }), { settleMs: 20 });
  try {
    for (let i = 0; i < 5; i++) await act(() => new Promise((r) => setTimeout(r, 20)));
    return [...page.document.querySelectorAll('p')].map((p) => p.textContent).join('\n');
  } finally {
    await page.leave();
  }
}

describe('the muted accounts X’s errors named', () => {
  beforeEach(async () => {
    await db().muted.bulkPut([GRACE, ALAN, LIN].map((userId, i) => ({ accountId: ADA, userId, position: 3 - i })));
  });

  it('are kept, and the sync line says how many X could not send', async () => {
    await syncAnswering({ data: [user(GRACE)], errors: [gone(ALAN), gone(LIN)], meta: { result_count: 1 } }).sync(ADA, 'muted');

    expect((await db().syncState.get([ADA, 'muted']))?.kept).toBe(2);
    expect(await mutedSyncLine()).toContain('X could not send 2 accounts; they are kept as they were.');
  });

  it('says so in Japanese to a Japanese reader', async () => {
    await syncAnswering({ data: [user(GRACE)], errors: [gone(ALAN)], meta: { result_count: 1 } }).sync(ADA, 'muted');
    readInJapanese();

    expect(await mutedSyncLine()).toContain('Xから1件のアカウントが送られてこなかったため、以前のまま残しています。');
  });

  it('are no longer mentioned once a sync keeps none', async () => {
    await syncAnswering({ data: [user(GRACE)], errors: [gone(ALAN)], meta: { result_count: 1 } }).sync(ADA, 'muted');
    await syncAnswering({ data: [user(GRACE)], meta: { result_count: 1 } }).sync(ADA, 'muted', { force: true });

    expect((await db().syncState.get([ADA, 'muted']))?.kept).toBeUndefined();
    expect(await mutedSyncLine()).not.toContain('X could not send');
  });
});
