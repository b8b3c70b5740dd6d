import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { MAX_ATTEMPTS, Outbox } from '@/lib/services/outbox';
import type { ActionChange } from '@/lib/services/outbox-feed';
import { createXClient } from '@/lib/x/client';
import { withEmptyStore } from '../support/store';

/**
 * A write X answered with a success Perch could not read (its JSON cut short, `{}` where X's schema puts `data`)
 * was done by X: a 2xx is X saying so (x-api--fundamentals--response-codes-and-errors). A 200 that is not X's JSON
 * (an office proxy's HTML page: the request never reached X) or that names `errors` (X saying it did not do it) is
 * not: it keeps its retries and ends saying X may have done it. The person's like or follow
 * stays as they asked, is not sent again, and is never put back; a creation whose answer holds the new List's id is
 * not known done without it and keeps its retries.
 */

const ACCOUNT = '1585841080431321088';
const POST = '1585841080431321099';
const USER = '1452871219391512578';
const HOUR = 60 * 60_000;

function outbox(answer: () => Response) {
  let now = 1_800_000_000_000;
  const fetch = vi.fn(async () => answer());
  const client = createXClient({ baseUrl: 'https://api.x.com', getAccessToken: async () => 'token', fetch });
  const changes: ActionChange[] = [];
  const box = new Outbox({
    defs: ACTIONS,
    clientFor: async () => client,
    wakeAt: () => undefined,
    publish: (c) => changes.push(c),
    now: () => now,
    random: () => 0.5,
  });
  /** Lets every back-off pass, as many times as the outbox would try, and sends whatever is due. */
  async function waitOutRetries() {
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      now += 2 * HOUR;
      await box.wake();
      await box.idle(ACCOUNT);
    }
  }
  return { box, fetch, changes, waitOutRetries };
}

const html = () => new Response('<html><body>Service</body></html>', { status: 200, headers: { 'content-type': 'text/html' } });
const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };
const cut = () => new Response('{"data":{"liked":tr', { status: 200, headers: JSON_TYPE });
const cutErrors = () => new Response('{"errors":[{"message":"You cannot like this Post","ty', { status: 200, headers: JSON_TYPE });
const empty = () => new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });

withEmptyStore();

describe('a write X answered with a success Perch cannot read', () => {
  it.each([
    ['JSON cut short', cut],
    ['{}', empty],
  ])('a like answered 200 with %s stays liked: sent once, done, never put back', async (_, answer) => {
    const { box, fetch, changes, waitOutRetries } = outbox(answer);
    const { seq } = await box.enqueue(ACCOUNT, 'like', { postId: POST });
    await box.idle(ACCOUNT);
    await waitOutRetries();

    expect(fetch).toHaveBeenCalledTimes(1);
    expect(await db().engagements.get([ACCOUNT, POST])).toMatchObject({ liked: true });
    const row = await db().actions.get(seq!);
    expect(row).toMatchObject({ state: 'done', result: { answerUnread: true } });
    expect(row?.error).toBeUndefined();
    // Nothing tells the person "Nothing was changed": no change of this like carried an error.
    expect(changes.filter((c) => c.seq === seq && c.error)).toEqual([]);
    expect(changes.at(-1)).toMatchObject({ seq, state: 'done' });
  });

  it('a follow answered 200 with {} stays followed, with no Undo guessed (following or requested, X did not say)', async () => {
    const { box, fetch, waitOutRetries } = outbox(empty);
    const { seq } = await box.enqueue(ACCOUNT, 'follow', { userId: USER });
    await box.idle(ACCOUNT);
    await waitOutRetries();

    expect(fetch).toHaveBeenCalledTimes(1);
    expect(await db().following.get([ACCOUNT, USER])).toMatchObject({ userId: USER });
    expect(await db().actions.get(seq!)).toMatchObject({ state: 'done', result: { unsaid: true } });
    await expect(box.undo(ACCOUNT, seq!)).rejects.toMatchObject({ kind: 'cannot-undo' });
  });

  it.each([
    ['an HTML page (a proxy, not X)', html],
    ['JSON naming errors, cut short', cutErrors],
  ])('a like answered 200 with %s is not counted done: tried again, then put back saying X may have done it', async (_, answer) => {
    const { box, fetch, waitOutRetries } = outbox(answer);
    const { seq } = await box.enqueue(ACCOUNT, 'like', { postId: POST });
    await box.idle(ACCOUNT);
    expect(await db().actions.get(seq!)).toMatchObject({ state: 'queued', error: { kind: 'malformed' } });
    await waitOutRetries();

    expect(fetch).toHaveBeenCalledTimes(MAX_ATTEMPTS);
    const row = await db().actions.get(seq!);
    expect(row).toMatchObject({ state: 'failed', error: { kind: 'malformed', mayBeDone: true } });
    expect(row?.result).toBeUndefined();
    expect(await db().engagements.get([ACCOUNT, POST])).toBeUndefined();
  });

  it('an unmute answered 200 with HTML is not counted done: it is tried again', async () => {
    const { box, fetch } = outbox(() => new Response('<html></html>', { status: 200 }));
    await db().muted.put({ accountId: ACCOUNT, userId: USER, position: 1 });
    const { seq } = await box.enqueue(ACCOUNT, 'unmute', { userId: USER });
    await box.idle(ACCOUNT);

    expect(fetch).toHaveBeenCalledTimes(1);
    expect(await db().actions.get(seq!)).toMatchObject({ state: 'queued', error: { kind: 'malformed' } });
  });

  it('a new List answered 200 with HTML is not known done (its id is lost): it is tried again, as before', async () => {
    const { box } = outbox(html);
    const { seq } = await box.enqueue(ACCOUNT, 'list.create', { tempId: 'new-1', name: 'Birds' });
    await box.idle(ACCOUNT);

    expect(await db().actions.get(seq!)).toMatchObject({ state: 'queued', error: { kind: 'malformed' } });
  });
});

describe('an error answer is not a success', () => {
  it('a like refused 503 with HTML is tried again, and put back after the last try', async () => {
    const { box, waitOutRetries } = outbox(() => new Response('<html>down</html>', { status: 503 }));
    const { seq } = await box.enqueue(ACCOUNT, 'like', { postId: POST });
    await box.idle(ACCOUNT);
    await waitOutRetries();

    expect(await db().actions.get(seq!)).toMatchObject({ state: 'failed' });
    expect(await db().engagements.get([ACCOUNT, POST])).toBeUndefined();
  });
});
