/**
 * The background's side of an action for tests of the screens: a real outbox (the registry's actions) against a given
 * X, and what entrypoints/background/handlers.ts does on `action.do`, so a test's fake background answers as the real one.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ListRow } from '@/lib/db';
import { db } from '@/lib/db';
import type { ActionRequest } from '@/lib/messaging';
import { ACTIONS } from '@/lib/services/actions';
import { Outbox } from '@/lib/services/outbox';
import { createFeedPublisher } from '@/lib/services/outbox-feed';
import type { XClient } from '@/lib/x/client';
import { XApiError } from '@/lib/x/errors';

/** The temporary id the background gives a new List until X answers with its own. */
export const TEMP_LIST_ID = 'pending-1';

/** An X that cannot be reached: every request fails as offline, so an action waits in the outbox. */
export const OFFLINE_X = { request: () => Promise.reject(new XApiError('offline')) } as unknown as XClient;

/**
 * A real outbox of the registry's actions sending to `x`, never waking on its own. With `published`, each move is
 * published into storage.session as the background does (lib/services/outbox-feed.ts), for screens that watch it.
 */
export function outboxOver(x: XClient, { published = false }: { published?: boolean } = {}): Outbox {
  const publish = published ? createFeedPublisher(fakeBrowser.storage.session) : undefined;
  return new Outbox({
    defs: ACTIONS,
    clientFor: async () => x,
    wakeAt: () => undefined,
    ...(publish ? { publish: (c: Parameters<typeof publish>[0]) => void publish(c) } : {}),
  });
}

/**
 * The background's answer to `action.do` (handlers.ts): the action enqueued on `box` for `accountId`, a new List named
 * by a temporary id ({@link TEMP_LIST_ID}) until X answers.
 */
export async function actionDone(box: Outbox, accountId: string, action: ActionRequest) {
  const { type, params } = action;
  const row = await box.enqueue(accountId, type, type === 'list.create' ? { ...params, tempId: TEMP_LIST_ID } : params);
  return { ok: true as const, data: { seq: row.seq } };
}

/**
 * The person makes a public List named `name` with Perch (`action.do` of `list.create`), and the outbox has done all it
 * can with X; the account's stored Lists after.
 */
export async function listMade(box: Outbox, accountId: string, name: string): Promise<ListRow[]> {
  await actionDone(box, accountId, { type: 'list.create', params: { name, private: false } });
  await box.idle(accountId);
  return db().lists.where('accountId').equals(accountId).toArray();
}
