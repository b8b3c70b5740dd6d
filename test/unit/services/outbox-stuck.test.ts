import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { Outbox } from '@/lib/services/outbox';
import type { XClient } from '@/lib/x/client';
import { fakeX, toggle } from './outbox-fakes';
import { withEmptyStore } from '../support/store';

/** What the last worker left behind when it stopped mid-send, before this worker's recovery has run. */

const ACCOUNT = '1585841080431321088';
const USER = '7';

/** The last worker stopped while sending "mute 7": its row is still marked 'sending', from before this worker. */
async function stuckMute(): Promise<number> {
  await db().muted.put({ accountId: ACCOUNT, userId: USER, position: 1 });
  return db().actions.add({
    accountId: ACCOUNT,
    type: 'mute',
    params: { userId: USER },
    label: 'Mute 7',
    state: 'sending',
    createdAt: '2000-01-01T00:00:00.000Z',
    updatedAt: '2000-01-01T00:00:00.000Z',
    notBefore: 0,
    attempts: 1,
    rollback: null,
  });
}

function outbox(client: XClient) {
  return new Outbox({
    defs: { mute: toggle(true, () => 1), unmute: toggle(false, () => 1) },
    clientFor: async () => client,
    wakeAt: vi.fn(),
  });
}

withEmptyStore();

describe('an action the last worker left mid-send, before recovery runs', () => {
  it('is sent before a later action on the same target, so X ends as the person last asked', async () => {
    await stuckMute();
    const x = fakeX();
    const box = outbox(x.client);
    await box.enqueue(ACCOUNT, 'unmute', { userId: USER });
    await box.idle(ACCOUNT);
    await box.recover();
    await box.idle(ACCOUNT);
    expect(x.sent).toEqual([`POST /2/users/${ACCOUNT}/muting`, `DELETE /2/users/${ACCOUNT}/muting/${USER}`]);
    expect((await db().actions.orderBy('seq').toArray()).map((a) => a.state)).toEqual(['done', 'done']);
  });

  it('can be cancelled: it is not refused as being sent, and nothing reaches X', async () => {
    const seq = await stuckMute();
    const x = fakeX();
    const box = outbox(x.client);
    await box.cancel(ACCOUNT, seq);
    await box.idle(ACCOUNT);
    expect(await db().actions.get(seq)).toMatchObject({ state: 'failed', error: { kind: 'cancelled' } });
    expect(await db().muted.toArray()).toEqual([]);
    expect(x.sent).toEqual([]);
  });
});
