import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { db } from '@/lib/db';
import { MessageError, sendMessage } from '@/lib/messaging';

export interface SyncTexts {
  /** The button's visible text ("Sync now"). */
  button: string;
  /** Its accessible name, naming what it syncs ("Sync muted accounts now"). */
  buttonLabel: string;
  running(items: number): string;
  last(when: string): string;
  never: string;
  failed(message: string): string;
}

type Synced = 'lists' | 'muted' | 'blocked';

/** "Last synced …" as a local date and time. */
function whenOf(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * A tab's sync line: when it last synced with X, progress while it runs, the error when it failed, and the button
 * to sync now. On first show it asks for the daily sync, which the background skips when it already ran today
 * (X bills each resource once per UTC day): opening a tab never costs more than that.
 */
export function SyncBar({ accountId, collection, texts }: { accountId: string; collection: Synced; texts: SyncTexts }) {
  // undefined while reading; null when this collection never synced.
  const state = useLiveQuery(async () => (await db().syncState.get([accountId, collection])) ?? null, [accountId, collection]);
  const [error, setError] = useState<string>();
  const [asked, setAsked] = useState(false);

  async function sync(force: boolean) {
    setError(undefined);
    if (force) setAsked(true);
    try {
      const result = await sendMessage({ type: 'sync.run', accountId, collection, ...(force ? { force } : {}) });
      if (result.error) setError(result.error.message);
    } catch (e) {
      setError(e instanceof MessageError ? e.message : String(e));
    } finally {
      if (force) setAsked(false);
    }
  }

  useEffect(() => {
    // Once per tab shown and account.
    void sync(false);
  }, [accountId, collection]);

  const running = !!state?.running || asked;
  const failure = error ?? state?.error?.message;
  return (
    <div className="mgr-sync">
      <button type="button" aria-label={texts.buttonLabel} disabled={running} onClick={() => void sync(true)}>
        {texts.button}
      </button>
      <p className="mgr-sync-state muted" role="status">
        {running
          ? texts.running(state?.progress?.items ?? 0)
          : state?.lastSyncedAt
            ? texts.last(whenOf(state.lastSyncedAt))
            : state === undefined
              ? ''
              : texts.never}
      </p>
      {state?.notice && !failure && !running ? <p className="muted mgr-sync-notice">{state.notice.message}</p> : null}
      {failure && !running ? (
        <p className="error mgr-sync-error" role="alert">
          {texts.failed(failure)}
        </p>
      ) : null}
    </div>
  );
}
