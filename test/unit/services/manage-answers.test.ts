import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db, resetDb } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { Outbox } from '@/lib/services/outbox';
import type { XClient } from '@/lib/x/client';
import { ok, scripted, type Step } from '../x/support';
import { freshDb } from './support';

/** The outbox with Perch's own actions, sending through the real client to a scripted X. */

const ACCOUNT = '1585841080431321088';
const POST = '1452871219391512578';

function outboxFor(client: XClient) {
  return new Outbox({ defs: ACTIONS, clientFor: async () => client, wakeAt: vi.fn(), now: () => 1_800_000_000_000, random: () => 0.5 });
}

async function run(type: keyof typeof ACTIONS, params: Record<string, string>, ...answers: Step[]) {
  const x = scripted(...answers);
  const box = outboxFor(x.client);
  await box.enqueue(ACCOUNT, type, params);
  await box.idle(ACCOUNT);
  const [action] = await db().actions.toArray();
  return { action: action!, sent: x.sent };
}

const liked = async () => (await db().engagements.get([ACCOUNT, POST]))?.liked ?? false;

beforeEach(freshDb);
afterEach(() => resetDb());

describe('an action X answers 200 with errors and no data', () => {
  it('fails a like of a post X cannot find, once, and shows it not liked', async () => {
    const gone = {
      type: 'https://api.twitter.com/2/problems/resource-not-found',
      title: 'Not Found Error',
      detail: `Could not find tweet with id: [${POST}].`,
    };
    const { action, sent } = await run('like', { postId: POST }, ok({ errors: [gone] }));
    expect(action).toMatchObject({ state: 'failed', error: { kind: 'not-found' } });
    expect(sent).toHaveLength(1);
    expect(await liked()).toBe(false);
  });
});

describe('an action X answers with data whose flag is absent or contrary', () => {
  it('marks a bookmark X answered {"data":{}} done, sent once, and keeps it bookmarked', async () => {
    const { action, sent } = await run('bookmark', { postId: POST }, ok({ data: {} }));
    expect(action).toMatchObject({ state: 'done' });
    expect(sent).toHaveLength(1);
    expect(await db().bookmarks.get([ACCOUNT, POST])).toBeDefined();
  });

  it('fails a like X answered liked:false, once, says X refused, and shows it not liked', async () => {
    const { action, sent } = await run('like', { postId: POST }, ok({ data: { liked: false } }));
    expect(action).toMatchObject({ state: 'failed', error: { kind: 'invalid-request' } });
    expect(sent).toHaveLength(1);
    expect(await liked()).toBe(false);
  });

  it('fails a list pin X answered pinned:false and shows the list unpinned', async () => {
    const LIST = '1900000000000000001';
    await db().lists.put({ accountId: ACCOUNT, id: LIST, name: 'Birds', owned: true, followed: false, pinned: false, member: false });
    const { action } = await run('list.pin', { listId: LIST, listName: 'Birds' }, ok({ data: { pinned: false } }));
    expect(action).toMatchObject({ state: 'failed', error: { kind: 'invalid-request' } });
    expect((await db().lists.get([ACCOUNT, LIST]))?.pinned).toBe(false);
  });
});
