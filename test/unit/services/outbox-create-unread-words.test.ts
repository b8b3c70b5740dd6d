import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { actionErrorText } from '@/components/error-text';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { MAX_ATTEMPTS, Outbox } from '@/lib/services/outbox';
import { createXClient } from '@/lib/x/client';
import { readInJapanese } from '../locales/in-japanese';
import { withEmptyStore } from '../support/store';

/**
 * A new List X answered 200 but unreadably (JSON cut short) may have been made on X: a 2xx is X saying it did the
 * request (x-api--fundamentals--response-codes-and-errors), though its id is lost and the outbox tries again, looking
 * on X for it first. After its last try it said "X sent an answer Perch could not read. Nothing was changed.", which
 * may be untrue: it now says X may have done it, and to check on X.
 */

const ACCOUNT = '1585841080431321088';
const HOUR = 60 * 60_000;
const MAY_BE_DONE = 'X answered, but Perch could not read the answer, so X may have done it. Check on X.';

/** X as the stub answers it: `create` to POST /2/lists, `owned` to the look for the List in Ada's owned Lists. */
function outbox(create: () => Response, owned: () => Response) {
  let now = 1_800_000_000_000;
  const fetch = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => (init?.method === 'POST' ? create() : owned()));
  const client = createXClient({ baseUrl: 'https://api.x.com', getAccessToken: async () => 'token', fetch });
  const box = new Outbox({
    defs: ACTIONS,
    clientFor: async () => client,
    wakeAt: () => undefined,
    publish: () => undefined,
    now: () => now,
    random: () => 0.5,
  });
  /** Wakes the outbox past every back-off until the action's tries are spent; its row then. */
  async function spend(seq: number) {
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      now += 2 * HOUR;
      await box.wake();
      await box.idle(ACCOUNT);
    }
    return (await db().actions.get(seq))!;
  }
  async function tryAll() {
    const { seq } = await box.enqueue(ACCOUNT, 'list.create', { tempId: 'new-1', name: 'Birds' });
    await box.idle(ACCOUNT);
    return spend(seq!);
  }
  /** The person's Retry on the failed action, and its tries spent again. */
  async function retried(seq: number) {
    await box.retry(ACCOUNT, seq);
    await box.idle(ACCOUNT);
    return spend(seq);
  }
  return { tryAll, retried, fetch };
}

const cut = () => new Response('{"data":{"id":"19000000000', { status: 200, headers: { 'content-type': 'application/json' } });
const page = () => new Response('<html><body>Sign in to the office network</body></html>', { status: 200 });
const none = () =>
  new Response(JSON.stringify({ meta: { result_count: 0 } }), { status: 200, headers: { 'content-type': 'application/json' } });

withEmptyStore();

describe('a new List whose every try X answered 200 unreadably', () => {
  it('ends saying X may have made it and to check on X, never that nothing was changed', async () => {
    const { tryAll } = outbox(cut, none);
    const row = await tryAll();
    expect(row.state).toBe('failed');
    expect(actionErrorText(row.error)).toBe(MAY_BE_DONE);
  });

  it('says so in Japanese too', async () => {
    readInJapanese();
    const { tryAll } = outbox(cut, none);
    const row = await tryAll();
    expect(actionErrorText(row.error)).toBe(
      'Xから応答はありましたが、Perchはその内容を読み取れませんでした。Xでは完了しているかもしれません。Xで確認してください。',
    );
  });
});

describe('a new List X answered 200 unreadably once, then the look for it on X went wrong', () => {
  it('still ends saying X may have made it: the first answer is not forgotten', async () => {
    const { tryAll, fetch } = outbox(cut, page);
    const row = await tryAll();
    // Sent once; every later try looked for it on X and could not read that answer either.
    expect(fetch.mock.calls.filter(([, init]) => init?.method === 'POST')).toHaveLength(1);
    expect(row.state).toBe('failed');
    expect(actionErrorText(row.error)).toBe(MAY_BE_DONE);
  });
});

describe('a new List X may have made, retried by the person', () => {
  it('still ends saying X may have made it when the tries after Retry could not read X’s answer either', async () => {
    let look = none;
    const { tryAll, retried, fetch } = outbox(cut, () => look());
    const first = await tryAll();
    expect(actionErrorText(first.error)).toBe(MAY_BE_DONE);
    // After Retry every look for the List on X is answered with a page that is not X's: nothing more is known, and
    // nothing is sent again.
    const posts = () => fetch.mock.calls.filter(([, init]) => init?.method === 'POST').length;
    const sent = posts();
    look = page;
    const row = await retried(first.seq!);
    expect(posts()).toBe(sent);
    expect(row.state).toBe('failed');
    expect(actionErrorText(row.error)).toBe(MAY_BE_DONE);
  });
});
