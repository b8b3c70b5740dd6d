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
