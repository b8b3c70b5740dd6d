/** The person acting while a sync walks X's pages: X confirms the action between two of the walk's reads. */
import { expect } from 'vitest';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { Outbox, type Params } from '@/lib/services/outbox';
import type { XClient } from '@/lib/x/client';
import { ADA_ID } from '../auth/support';
import { client } from './world';

/**
 * Ada's client, on which the person's action is sent and confirmed by X at one of the walk's requests: `after` X has
 * answered `path`, before that answer reaches the walk (every page read so far predates the action), or `before` the
 * request goes (every page from it on shows the action).
 */
export function actingAt(when: 'before' | 'after', path: string, during: () => Promise<void>): XClient {
  let fired = false;
  const fire = async (req: { path: string }) => {
    if (fired || !req.path.endsWith(path)) return;
    fired = true;
    await during();
  };
  return {
    async request(req) {
      if (when === 'before') await fire(req);
      const answer = await client.request(req);
      if (when === 'after') await fire(req);
      return answer;
    },
  };
}

/** The person takes an action; the outbox sends it and X confirms it. */
export async function act(type: string, params: Params): Promise<void> {
  const outbox = new Outbox({ defs: ACTIONS, clientFor: () => Promise.resolve(client), wakeAt: () => undefined });
  const { seq } = await outbox.enqueue(ADA_ID, type, params);
  await outbox.idle(ADA_ID);
  expect((await db().actions.get(seq!))?.state).toBe('done');
}
