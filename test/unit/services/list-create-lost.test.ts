import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db, resetDb } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { actionErrorText } from '@/lib/action-words';
import { Outbox } from '@/lib/services/outbox';
import { MAX_ATTEMPTS } from '@/lib/services/outbox-types';
import { ok, scripted, type Step } from '../x/support';
import { freshDb } from './support';

/**
 * A new List whose POST /2/lists answer was lost (a 503): before sending it again, Perch looks for it among the
 * account's owned Lists (getUsersOwnedLists). X does not say in which order they come (x-api--users--get-owned-lists),
 * and a 200 may carry `errors` for Lists it left out (x-api--fundamentals--response-codes-and-errors, "Partial
 * errors"): sent twice, the List is made twice.
 */

const ACCOUNT = '1585841080431321088';
const START = 1_800_000_000_000;
const LATER = new Date(START + 30_000).toISOString();
const lost: Step = { status: 503, body: { title: 'Service Unavailable', detail: 'Service Unavailable', type: 'about:blank' } };
const other = (i: number) => ({ id: String(1_000 + i), name: `List ${i}`, created_at: '2020-01-01T00:00:00.000Z' });
const made = { id: '1900000000000000001', name: 'Birds', created_at: LATER };
const hidden = {
  resource_id: '1900000000000000001',
  value: '1900000000000000001',
  resource_type: 'list',
  title: 'Not Authorized',
  type: 'https://api.twitter.com/2/problems/not-authorized-for-resource',
  detail: 'Sorry, you are not authorized to see the List.',
};

let now = START;
beforeEach(async () => {
  now = START;
  await freshDb();
});
afterEach(() => resetDb());

async function createBirds(...steps: Step[]) {
  const x = scripted(lost, ...steps);
  const box = new Outbox({ defs: ACTIONS, clientFor: async () => x.client, wakeAt: vi.fn(), now: () => now, random: () => 0.5 });
  await box.enqueue(ACCOUNT, 'list.create', { tempId: 'temp-1', name: 'Birds' });
  await box.idle(ACCOUNT);
  now += 60 * 60_000;
  await box.kick(ACCOUNT);
  const posts = x.sent.filter((s) => s.method === 'POST').length;
  const [action] = await db().actions.toArray();
  return { posts, action, sent: x.sent };
}

describe('a new List whose answer was lost', () => {
  it('is found on a later page of owned Lists, not made a second time', async () => {
    const first = ok({
      data: Array.from({ length: 100 }, (_, i) => other(i)),
      meta: { result_count: 100, next_token: '7140dibdnow9c7btw4' },
    });
    const { posts, action, sent } = await createBirds(first, ok({ data: [made], meta: { result_count: 1 } }));
    expect(posts).toBe(1);
    expect(sent.at(-1)?.query.pagination_token).toBe('7140dibdnow9c7btw4');
    expect(action).toMatchObject({ state: 'done', result: { id: made.id } });
    expect((await db().lists.toArray()).map((l) => l.id)).toEqual([made.id]);
  });

  it('is not sent again when X answers the owned Lists with only errors', async () => {
    const { posts, action } = await createBirds(ok({ errors: [{ ...hidden, resource_id: ACCOUNT, value: ACCOUNT }] }));
    expect(posts).toBe(1);
    expect(action?.state).not.toBe('done');
  });

  it('is not sent again when X left a List out of the owned Lists it answered, and says Perch could not tell', async () => {
    const { posts, action } = await createBirds(ok({ data: [other(1)], errors: [hidden], meta: { result_count: 1 } }));
    expect(posts).toBe(1);
    expect(action).toMatchObject({ state: 'queued', error: { kind: 'unavailable' } });
    // The words beside "Create the list “Birds”" while it waits, and after its last try (with Retry).
    expect(actionErrorText(action?.error)).toBe(
      'X’s answer did not come back, and Perch could not tell from your lists on X whether X made this ' +
        'list. So as not to make it twice, Perch looks for it again before asking X again.',
    );
  });

  it('is found when this device’s clock is a few seconds ahead of X’s', async () => {
    const early = { ...made, created_at: new Date(START - 3_000).toISOString() };
    const { posts, action } = await createBirds(ok({ data: [early], meta: { result_count: 1 } }));
    expect(posts).toBe(1);
    expect(action).toMatchObject({ state: 'done', result: { id: made.id } });
  });

  it('is not taken for an older List of the same name', async () => {
    const older = { ...made, id: '1800000000000000001', created_at: '2020-01-01T00:00:00.000Z' };
    const { posts } = await createBirds(ok({ data: [older], meta: { result_count: 1 } }), ok({ data: made }));
    expect(posts).toBe(2);
  });

  it('is not taken for an older List of the same name that X sent without created_at, and says Perch could not tell', async () => {
    // List requires only id and name (openapi.json `List`): this "Birds" may be years old, and Undo would delete it.
    const bare = { id: '1000', name: 'Birds' };
    const { posts, action } = await createBirds(ok({ data: [bare], meta: { result_count: 1 } }));
    expect(posts).toBe(1);
    expect(action?.result).toBeUndefined();
    expect(action).toMatchObject({ state: 'queued', error: { kind: 'unavailable', own: { kind: 'list-create-unsure' } } });
  });

  it('fails after its last try while X leaves out when its List of that name was made, and may be made anew', async () => {
    const bare = ok({ data: [{ id: '1000', name: 'Birds' }], meta: { result_count: 1 } });
    const x = scripted(lost, bare, bare, bare, bare, ok({ data: made }));
    const box = new Outbox({ defs: ACTIONS, clientFor: async () => x.client, wakeAt: vi.fn(), now: () => now, random: () => 0.5 });
    await box.enqueue(ACCOUNT, 'list.create', { tempId: 'temp-1', name: 'Birds' });
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await box.idle(ACCOUNT);
      now += 60 * 60_000;
      await box.kick(ACCOUNT);
    }
    const [unsure] = await db().actions.toArray();
    expect(unsure).toMatchObject({ state: 'failed', error: { kind: 'unavailable', own: { kind: 'list-create-unsure' } } });
    expect(await db().lists.count()).toBe(0);
    // A List made again is a new action, never sent: X is asked to make it.
    await box.enqueue(ACCOUNT, 'list.create', { tempId: 'temp-2', name: 'Birds' });
    await box.idle(ACCOUNT);
    expect((await db().lists.toArray()).map((l) => l.id)).toEqual([made.id]);
  });

  it('is sent again when every owned List was read and it is not among them', async () => {
    const { posts, action } = await createBirds(ok({ data: [other(1)], meta: { result_count: 1 } }), ok({ data: made }));
    expect(posts).toBe(2);
    expect(action).toMatchObject({ state: 'done', result: { id: made.id } });
  });
});
