import { ACTIONS_BY_STATE, db } from '../db';

/**
 * Builds the step that queues again, once per worker, the actions the last worker left mid-send (their answer was
 * never read). The outbox awaits it before it sends, cancels, retries or undoes anything, so a later action on the
 * same target never passes them (a "mute" caught mid-send, then "unmute": X must get them in that order). Only rows
 * last touched before `startedAt` (this worker's start) are reset: this worker's own sends all wait for the step.
 * It is not run until first needed, so a worker's first answer to a read does not wait for the store.
 * @param publish publishes the stored state of the actions queued again.
 * @returns the step; it rejects when the store does, and is tried again by the next caller.
 */
export function requeueStuckOnce(startedAt: string, publish: (seqs: number[]) => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  const requeue = async () => {
    const d = db();
    const stuck = await d.actions
      .where(ACTIONS_BY_STATE)
      .equals('sending')
      .filter((a) => a.updatedAt < startedAt)
      .toArray();
    for (const a of stuck) await d.actions.update(a.seq!, { state: 'queued', notBefore: 0 });
    await publish(stuck.map((a) => a.seq!));
  };
  return () =>
    (done ??= requeue().catch((error: unknown) => {
      done = undefined;
      throw error;
    }));
}
