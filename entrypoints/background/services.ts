import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import { AuthService } from '@/lib/auth/service';
import { now } from '@/lib/clock';
import { db, type KeepChoice } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { Outbox } from '@/lib/services/outbox';
import { createFeedPublisher } from '@/lib/services/outbox-feed';
import { rateLimitStore } from '@/lib/services/rate-limit-store';
import { createRetryPublisher, readKey } from '@/lib/services/read-retries';
import { SyncService } from '@/lib/services/sync';
import { oauthSettings } from '@/lib/settings';
import { touches } from '@/lib/store-changes';
import { wipeAccount } from '@/lib/storage-wipe';
import type { XClient } from '@/lib/x/client';
import { createLimitedClient } from '@/lib/x/limiter';
import { createFailureBadge } from './failure-badge';
import { isSignedIn } from './signed-in-only';

export const OUTBOX_ALARM = 'perch-outbox';
export const DAILY_ALARM = 'perch-daily-sync';

/** The background's services, created once per worker life. */
export function createServices() {
  const auth = new AuthService({
    settings: oauthSettings,
    launchWebAuthFlow: async (url) => {
      const responseUrl = await browser.identity.launchWebAuthFlow({ url, interactive: true });
      if (!responseUrl) throw new Error('The user did not approve access.');
      return responseUrl;
    },
    ...(typeof navigator !== 'undefined' && navigator.locks ? { locks: navigator.locks } : {}),
    now,
    // A sign-out's last step, also when the next worker finishes one a stop cut off: as the person chose.
    wipe: (accountId, keep) => wipeAccount(accountId, { now: now(), keep }),
  });

  // Each read X is not answering while Perch tries it again, for the screen waiting for it (a List's posts, a lookup).
  const publishRetry = createRetryPublisher();
  /** An X client for the account: its tokens, and X's rate limits remembered in the store. */
  const clientFor = async (accountId: string): Promise<XClient> =>
    createLimitedClient({
      client: auth.clientFor(accountId, await oauthSettings()),
      store: rateLimitStore(accountId),
      now,
      onRead: (read) => void publishRetry.begins(accountId, readKey(read.method, read.path), read),
      onRetry: (read, next) => void publishRetry(accountId, readKey(read.method, read.path), next, read),
    });

  // Each state change of an action, for the screens that watch instead of reading the store (the popup).
  const publish = createFeedPublisher();
  // A queued action that failed or waits for the person: the toolbar badge says so until they have seen it.
  const failures = createFailureBadge({
    area: browser.storage.local,
    action: browser.action,
    actionOf: (seq) => db().actions.get(seq),
    listNameOf: async (accountId, listId) => (await db().lists.get([accountId, listId]))?.name,
    now,
  });
  // Whatever wrote the Lists (a sync, a lookup, a List action, the manager): a failed List action the toolbar's title
  // named by its id is named by its name once the store holds it. Dexie tells of every committed write, this
  // worker's and other pages'.
  Dexie.on('storagemutated', (parts) => {
    if (touches(parts, ['lists'])) void failures.paint();
  });
  const outbox: Outbox = new Outbox({
    defs: ACTIONS,
    publish: (change) => {
      void publish(change);
      void failures.note(change);
    },
    clientFor,
    wakeAt: (when) => {
      // A timer while this worker lives; an alarm (30 s at the least) wakes a stopped one.
      const delay = when - now();
      if (delay < 60_000) setTimeout(() => void outbox.wake(), Math.max(delay, 0));
      void browser.alarms.create(OUTBOX_ALARM, { when: Date.now() + Math.max(delay, 30_000) });
    },
    now,
  });
  // A sync reading when its account signs out writes nothing more (lib/services/sync.ts `signedIn`).
  const sync = new SyncService({ clientFor, defs: ACTIONS, now, signedIn: isSignedIn });

  /**
   * Signs out and removes everything Perch kept for that account, as the wipe policies declare (lib/storage-wipe.ts),
   * but what the person chose to keep.
   */
  async function signOut(accountId: string, keep: readonly KeepChoice[] = []): Promise<void> {
    await auth.signOut(accountId, keep);
    await failures.paint();
  }

  return { auth, clientFor, outbox, sync, signOut, failures };
}

export type Services = ReturnType<typeof createServices>;
