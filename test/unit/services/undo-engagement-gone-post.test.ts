import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db, resetDb } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { Outbox } from '@/lib/services/outbox';
import type { XClient } from '@/lib/x/client';
import { scripted, type Step } from '../x/support';
import { freshDb } from './support';

/**
 * Taking back a like or a repost of a post deleted on X. X answers a missing or deleted resource with 404
 * (x-api--fundamentals--response-codes-and-errors: "404 Not Found: Resource doesn't exist or has been deleted";
 * "Deleted posts return 404"): the like or repost went with the post, so the undo is done, as an unbookmark is.
 */

const ACCOUNT = '1585841080431321088';
const POST = '1452871219391512578';

const deleted: Step = {
  status: 404,
  body: {
    type: 'https://api.x.com/2/problems/resource-not-found',
    title: 'Not Found Error',
    detail: `Could not find tweet with id: [${POST}].`,
    errors: [
      {
        type: 'https://api.x.com/2/problems/resource-not-found',
        title: 'Not Found Error',
        detail: `Could not find tweet with id: [${POST}].`,
        resource_type: 'tweet',
        resource_id: POST,
        parameter: 'tweet_id',
        value: POST,
      },
    ],
  },
};

function outboxFor(client: XClient) {
  return new Outbox({ defs: ACTIONS, clientFor: async () => client, wakeAt: vi.fn(), now: () => 1_800_000_000_000, random: () => 0.5 });
}

beforeEach(freshDb);
afterEach(() => resetDb());

describe.each([
  { type: 'unlike' as const, flag: 'liked' as const, path: `/2/users/${ACCOUNT}/likes/${POST}` },
  { type: 'undoRepost' as const, flag: 'reposted' as const, path: `/2/users/${ACCOUNT}/retweets/${POST}` },
])('$type of a post X says is gone', ({ type, flag, path }) => {
  it('is done, sent once, and leaves the post shown without it', async () => {
    await db().engagements.put({ accountId: ACCOUNT, postId: POST, [flag]: true });
    const x = scripted(deleted);
    const box = outboxFor(x.client);
    await box.enqueue(ACCOUNT, type, { postId: POST });
    await box.idle(ACCOUNT);
    const [action] = await db().actions.toArray();
    expect(action).toMatchObject({ state: 'done' });
    expect(x.sent).toEqual([expect.objectContaining({ method: 'DELETE', path })]);
    expect((await db().engagements.get([ACCOUNT, POST]))?.[flag]).toBe(false);
  });
});
