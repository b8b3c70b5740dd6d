import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useState } from 'react';
import { db } from '@/lib/db';
import type { BookmarkItem, StoredBookmarks } from '../use-bookmarks';

/**
 * Rows removed a moment ago leave the screen at once, before the store's next read of every bookmark arrives. Each
 * is kept out until X has answered its removal (done or refused: from then on the store decides, and a refusal
 * brings the row back) or the store no longer has it.
 */
export function useLeaving(stored: StoredBookmarks | undefined) {
  // post id → the outbox action removing it (undefined until the background has it).
  const [leaving, setLeaving] = useState<ReadonlyMap<string, number | undefined>>(() => new Map());
  const settled = useLiveQuery(async () => {
    const seqs = [...leaving.values()].filter((n): n is number => n !== undefined);
    if (!seqs.length) return [];
    const rows = await db().actions.bulkGet(seqs);
    // Answered by X, or no longer in the outbox at all (cancelled): the store decides again.
    return seqs.filter((_, i) => {
      const r = rows[i];
      return !r || r.state === 'done' || r.state === 'failed';
    });
  }, [leaving]);
  // The rows still kept out: not yet answered by X, and still in the store's last complete read.
  const away = useMemo(() => {
    if (!leaving.size) return leaving;
    const present = stored?.complete ? new Set(stored.items.map((b) => b.postId)) : undefined;
    const done = new Set(settled ?? []);
    return new Map([...leaving].filter(([id, seq]) => !(seq !== undefined && done.has(seq)) && (!present || present.has(id))));
  }, [stored, leaving, settled]);
  const items = useMemo(() => (away.size && stored ? stored.items.filter((b) => !away.has(b.postId)) : stored?.items), [stored, away]);

  /** Takes a row off the screen; `seq` is the removal's outbox action, or undefined when it was not queued. */
  const leave = useCallback((b: BookmarkItem) => setLeaving((l) => new Map([...l, [b.postId, undefined]])), []);
  const queued = useCallback(
    (b: BookmarkItem, seq: number | undefined) =>
      setLeaving((l) => {
        const next = new Map(l);
        if (seq === undefined) next.delete(b.postId);
        else if (next.has(b.postId)) next.set(b.postId, seq);
        return next;
      }),
    [],
  );
  return { items, leave, queued };
}
