import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ACTION_TYPES, type ActionType } from '@/lib/action-types';
import { db, type ActionRow, type Collection, type SyncStateRow } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { Outbox } from '@/lib/services/outbox';
import type { ActionChange } from '@/lib/services/outbox-feed';
import { SyncService } from '@/lib/services/sync';
import type { XClient } from '@/lib/x/client';
import { XApiError, type XErrorKind } from '@/lib/x/errors';
import { freshDb, withEmptyStore } from '../support/store';

/**
 * The guard of issue 13's "Two languages": the background stores no sentence of its own. An action row keeps its
 * type and parameters (no `label`), a failure its kind, X's reset and X's own words (no `message`): a screen words
 * them in whatever language its reader has then (components/manager/action-state.ts, components/error-text.ts).
 */

const ACCOUNT = '1585841080431321088';
const now = 1_800_000_000_000;

/** Parameters every action type can run with (each takes the ones it needs). */
const PARAMS = {
  postId: '1460323737035677698',
  userId: '2244994945',
  username: 'XDevelopers',
  listId: '1146654567674912769',
  listName: 'Cobol fans',
  name: 'Cobol fans',
  tempId: 'pending-1',
};

/** The fields of an action or its failure whose text is not Perch's to word: kinds, types and X's own words. */
const NOT_WORDS = new Set(['kind', 'type', 'said']);

/** Where a stored action or a published change carries a sentence of the background's own. */
function backgroundWords(stored: Partial<ActionRow> | ActionChange): string[] {
  const out: string[] = [];
  if ('label' in stored) out.push('label');
  for (const [key, value] of Object.entries(stored.error ?? {})) {
    if (typeof value === 'string' && !NOT_WORDS.has(key)) out.push(`error.${key}`);
  }
  return out;
}

let published: ActionChange[] = [];

function outbox(error: XApiError): Outbox {
  const client = { request: vi.fn(() => Promise.reject(error)) } as unknown as XClient;
  return new Outbox({
    defs: ACTIONS,
    clientFor: async () => client,
    wakeAt: () => undefined,
    now: () => now,
    publish: (change) => published.push(change),
  });
}

withEmptyStore();
beforeEach(() => {
  published = [];
});

const TYPES = Object.keys(ACTION_TYPES) as ActionType[];
const KINDS: XErrorKind[] = ['forbidden', 'invalid-request', 'not-found', 'rate-limited', 'usage-capped', 'signed-out', 'malformed'];

describe('what the background stores of an action', () => {
  it.each(TYPES)('%s: its type and parameters, and no words of its own, refused or not', async (type) => {
    for (const kind of KINDS) {
      // A fresh store for each refusal: a refused action waiting for its reset or for the person holds back the next.
      await freshDb();
      const error = new XApiError(kind, { status: 400, rateLimitReset: now / 1000 + 60, problem: { messages: ['X’s own reason.'] } });
      const box = outbox(error);
      const row = await box.enqueue(ACCOUNT, type, PARAMS);
      await box.idle(ACCOUNT);
      const stored = (await db().actions.get(row.seq!))!;
      expect(backgroundWords(stored)).toEqual([]);
      // A removal X finds already gone is done; every other refusal is kept with X's words as X wrote them.
      if (kind === 'not-found' && stored.state === 'done') continue;
      expect(stored.error).toMatchObject({ kind, said: 'X’s own reason.' });
    }
    expect(published.length).toBeGreaterThan(KINDS.length);
    expect(published.flatMap(backgroundWords)).toEqual([]);
  });

  it('stores a cancelled action, a fault in Perch and a type it no longer knows as kinds only', async () => {
    const box = outbox(new XApiError('offline'));
    const waiting = await box.enqueue(ACCOUNT, 'mute', PARAMS);
    await box.idle(ACCOUNT);
    await box.cancel(ACCOUNT, waiting.seq!);
    const { seq: _seq, ...fields } = waiting;
    const unknown = await db().actions.add({ ...fields, type: 'retweet.v1', state: 'queued', notBefore: 0 });
    const broken = new Outbox({ defs: ACTIONS, clientFor: () => Promise.reject(new TypeError('x is undefined')), wakeAt: () => undefined });
    const faulty = await broken.enqueue(ACCOUNT, 'like', PARAMS);
    await broken.idle(ACCOUNT);
    await box.kick(ACCOUNT);
    const rows = await db().actions.bulkGet([waiting.seq!, unknown, faulty.seq!]);
    expect(rows.map((r) => r?.error)).toEqual([{ kind: 'cancelled' }, { kind: 'unknown-action', type: 'retweet.v1' }, { kind: 'error' }]);
    expect(rows.flatMap((r) => backgroundWords(r!))).toEqual([]);
  });

  it('fires for a label or a message the background wrote (canary)', () => {
    expect(backgroundWords({ type: 'mute', label: 'Mute @ewd' })).toEqual(['label']);
    expect(backgroundWords({ type: 'mute', error: { kind: 'forbidden', message: 'X does not allow this.' } })).toEqual(['error.message']);
    const change = { error: { kind: 'rate-limited', reason: 'Try again later.' } } as unknown as ActionChange;
    expect(backgroundWords(change)).toEqual(['error.reason']);
    expect(backgroundWords({ type: 'mute', error: { kind: 'forbidden', said: 'You cannot mute yourself.' } })).toEqual([]);
  });
});

/** Where a stored sync state carries a sentence of the background's own: in its error or its notice. */
function syncWords(row: Partial<SyncStateRow>): string[] {
  const out: string[] = [];
  for (const part of ['error', 'notice'] as const) {
    for (const [key, value] of Object.entries(row[part] ?? {})) {
      if (typeof value === 'string' && !NOT_WORDS.has(key)) out.push(`${part}.${key}`);
    }
  }
  return out;
}

/** A sync of one collection against an X that answers `answer` to every request. */
async function syncWith(collection: Collection, answer: () => Promise<unknown>): Promise<SyncStateRow> {
  const client = { request: vi.fn(() => answer()) } as unknown as XClient;
  await new SyncService({ clientFor: async () => client, defs: ACTIONS, now: () => now }).sync(ACCOUNT, collection, { force: true });
  return (await db().syncState.get([ACCOUNT, collection]))!;
}

/** A page of one account, always pointing on to the same next page: X repeating itself. */
const repeatingPage = () =>
  Promise.resolve({
    body: { data: [{ id: '2244994945', name: 'X Developers', username: 'XDevelopers' }], meta: { result_count: 1, next_token: 'SAME' } },
    status: 200,
    rateLimit: undefined,
  });

describe('what the background stores of a sync', () => {
  it.each(KINDS)('a sync refused with %s: its kind, X’s reset and X’s own words, no words of its own', async (kind) => {
    const error = new XApiError(kind, { status: 400, rateLimitReset: now / 1000 + 60, problem: { messages: ['X’s own reason.'] } });
    const row = await syncWith('muted', () => Promise.reject(error));
    expect(row.error).toEqual({ kind, reset: now / 1000 + 60, said: 'X’s own reason.' });
    expect(syncWords(row)).toEqual([]);
  });

  it('a fault in Perch: its kind only', async () => {
    const row = await syncWith('blocked', () => Promise.reject(new TypeError('x is undefined')));
    expect(row.error).toEqual({ kind: 'error' });
  });

  it('a walk cut short by X repeating a page: how it ended and the pages read', async () => {
    const row = await syncWith('muted', repeatingPage);
    expect(row.notice).toEqual({ kind: 'repeat', pages: 2 });
    expect(syncWords(row)).toEqual([]);
  });

  it('fires for a sentence stored in a sync error or notice (canary)', () => {
    expect(syncWords({ error: { kind: 'offline', message: 'You are offline.' } })).toEqual(['error.message']);
    expect(syncWords({ notice: { kind: 'cap', message: 'You have more lists than Perch reads.' } })).toEqual(['notice.message']);
    expect(syncWords({ error: { kind: 'forbidden', said: 'You cannot see this.' }, notice: { kind: 'cap', pages: 100 } })).toEqual([]);
  });
});
