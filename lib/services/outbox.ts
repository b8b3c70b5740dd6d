import { unknownActionWords } from '../reply-words';
import { ACTIONS_BY_STATE, AWAITING_PERSON, db, type ActionRow } from '../db';
import { fail, handleFailure, type OutboxContext } from './outbox-failure';
import { requeueStuckOnce } from './outbox-stuck';
import { keptThroughRetry, mayHaveBeenDone, watchAnswers } from './outbox-answer';
import { alreadyReversed, takenOver } from './outbox-undo';
import { OutboxError, RETRYABLE, targetOf, type ActionDef, type OutboxDeps, type Params } from './outbox-types';

/**
 * The outbox: every action the person takes is written here before it is sent, shown at once in the store,
 * sent in order, retried across worker restarts and network drops until X confirms or refuses, and rolled back
 * with a clear message if X refuses. The same rows are the action log, with undo where X can reverse. Each change
 * of an action's state is published (`OutboxDeps.publish`, lib/services/outbox-feed.ts) once it is stored.
 */

export { MAX_ATTEMPTS, OutboxError } from './outbox-types';
export type { ActionDef, OutboxDeps, Params, Result } from './outbox-types';

export class Outbox {
  private readonly running = new Map<string, Promise<void>>();
  private rerun = new Set<string>();
  /** Queues again what the last worker left mid-send; awaited before anything is sent, cancelled, retried, undone. */
  private readonly resetStuck: () => Promise<void>;

  constructor(private readonly deps: OutboxDeps) {
    // This outbox (this worker's life) begins now: anything 'sending' from before it was cut off.
    this.resetStuck = requeueStuckOnce(new Date(this.now()).toISOString(), (seqs) => this.publish(...seqs));
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  /** What the failure steps (outbox-failure.ts) need. */
  private get ctx(): OutboxContext {
    return { deps: this.deps, now: () => this.now() };
  }

  /** Publishes the stored state of these actions (after the change is stored, so a reader sees it). */
  private async publish(...seqs: number[]): Promise<void> {
    if (!this.deps.publish) return;
    for (const seq of seqs) {
      const a = await db().actions.get(seq);
      if (!a) continue;
      this.deps.publish({
        accountId: a.accountId,
        seq,
        type: a.type,
        state: a.state,
        notBefore: a.notBefore,
        ...(a.error ? { error: a.error } : {}),
        ...(a.state === 'done' && typeof a.result?.id === 'string' ? { madeId: a.result.id } : {}),
      });
    }
  }

  private def(type: string): ActionDef {
    const def = this.deps.defs[type];
    if (!def) throw new OutboxError('unknown-action', unknownActionWords(type));
    return def;
  }

  /**
   * Records an action, shows it in the store at once, and starts sending.
   * @returns the stored action (with its seq).
   * @throws OutboxError 'unknown-action'
   */
  async enqueue(accountId: string, type: string, params: Params, extra: { undoOf?: number } = {}): Promise<ActionRow> {
    const def = this.def(type);
    const d = db();
    const at = new Date(this.now()).toISOString();
    const row = await d.transaction('rw', [d.actions, ...def.tables(d)], async () => {
      const rollback = await def.apply(d, accountId, params);
      const action: ActionRow = {
        accountId,
        type,
        params,
        state: 'queued',
        createdAt: at,
        updatedAt: at,
        notBefore: 0,
        attempts: 0,
        rollback,
        ...(extra.undoOf !== undefined ? { undoOf: extra.undoOf } : {}),
      };
      action.seq = await d.actions.add(action);
      if (extra.undoOf !== undefined) await d.actions.update(extra.undoOf, { undoneBy: action.seq });
      return action;
    });
    await this.publish(row.seq!);
    void this.kick(accountId);
    return row;
  }

  /**
   * Undoes a done action by queueing its inverse (unbookmark for bookmark, and so on).
   * @throws OutboxError 'cannot-undo' when X cannot reverse it or it is not done yet.
   */
  async undo(accountId: string, seq: number): Promise<ActionRow> {
    await this.resetStuck();
    const action = await db().actions.get(seq);
    if (!action || action.accountId !== accountId) throw new OutboxError('cannot-undo', { kind: 'not-in-log' });
    if (action.state !== 'done') throw new OutboxError('cannot-undo', { kind: 'undo-not-done' });
    if (action.undoneBy !== undefined) throw new OutboxError('cannot-undo', { kind: 'undo-already' });
    const inverse = this.def(action.type).inverse?.(action.params, action.result);
    if (!inverse) throw new OutboxError('cannot-undo', { kind: 'undo-impossible' });
    if (await alreadyReversed(this.deps.defs, accountId, seq, inverse)) {
      throw new OutboxError('cannot-undo', { kind: 'undo-reversed' });
    }
    if (await takenOver(action)) throw new OutboxError('cannot-undo', { kind: 'taken-over' });
    return this.enqueue(accountId, inverse.type, inverse.params, { undoOf: seq });
  }

  /**
   * Cancels an action still waiting in the queue: it is not sent, and the store goes back as if X had refused it.
   * @throws OutboxError 'cannot-cancel' when it is being sent or already finished.
   */
  async cancel(accountId: string, seq: number): Promise<void> {
    await this.resetStuck();
    const d = db();
    const action = await d.actions.get(seq);
    if (!action || action.accountId !== accountId) throw new OutboxError('cannot-cancel', { kind: 'not-in-log' });
    const def = this.deps.defs[action.type];
    const cancelled = await d.transaction('rw', [d.actions, ...(def ? def.tables(d) : [])], async () => {
      // Read again inside the transaction: the queue may have started sending it meanwhile.
      const current = await d.actions.get(seq);
      if (current?.state !== 'queued') return false;
      await fail(this.ctx, current, { kind: 'cancelled' });
      return true;
    });
    if (!cancelled) {
      throw new OutboxError('cannot-cancel', action.state === 'sending' ? { kind: 'cancel-sending' } : { kind: 'cancel-not-waiting' });
    }
    await this.publish(seq);
    void this.kick(accountId);
  }

  /**
   * Sends again an action that failed for a passing reason (X's limit, X failing, X's answer unreadable): shown in
   * the store again at once, and queued as new.
   * @throws OutboxError 'cannot-retry' for an action that did not fail so, or is no longer in the log.
   */
  async retry(accountId: string, seq: number): Promise<void> {
    await this.resetStuck();
    const d = db();
    const action = await d.actions.get(seq);
    if (!action || action.accountId !== accountId) throw new OutboxError('cannot-retry', { kind: 'not-in-log' });
    const def = this.def(action.type);
    if (await takenOver(action)) throw new OutboxError('cannot-retry', { kind: 'taken-over' });
    const retried = await d.transaction('rw', [d.actions, ...def.tables(d)], async () => {
      const current = await d.actions.get(seq);
      if (current?.state !== 'failed' || !RETRYABLE.has(current.error?.kind ?? '')) return false;
      const rollback = await def.apply(d, accountId, current.params);
      await d.actions.update(seq, {
        state: 'queued',
        notBefore: 0,
        attempts: 0,
        // Sent before (a failure is stored after a try), or answered 2xx unreadably: X may have applied it.
        ...keptThroughRetry(current),
        rollback,
        updatedAt: new Date(this.now()).toISOString(),
        error: undefined,
      });
      if (current.undoOf !== undefined) await d.actions.update(current.undoOf, { undoneBy: seq });
      return true;
    });
    if (!retried) throw new OutboxError('cannot-retry', { kind: 'retry-not-passing' });
    await this.publish(seq);
    void this.kick(accountId);
  }

  /** After a worker restart: actions caught mid-send by the last worker are queued again, and everything due is sent. */
  async recover(): Promise<void> {
    await this.resetStuck();
    await this.wake();
  }

  /**
   * "Retry now": actions waiting out a network back-off, or for the person (out of credits), are sent at once;
   * those waiting for a rate-limit reset keep waiting (X would refuse them).
   */
  async retryNow(accountId: string): Promise<void> {
    const d = db();
    const waiting = await d.actions.where('[accountId+state]').equals([accountId, 'queued']).toArray();
    const due = waiting.filter((a) => a.error?.kind !== 'rate-limited' && a.notBefore > this.now());
    for (const a of due) await d.actions.update(a.seq!, { notBefore: 0 });
    await this.publish(...due.map((a) => a.seq!));
    await this.kick(accountId);
  }

  /** Sends whatever is due, for every account (an alarm or timer fired). */
  async wake(): Promise<void> {
    await this.resetStuck();
    const accounts = new Set((await db().actions.where(ACTIONS_BY_STATE).equals('queued').toArray()).map((a) => a.accountId));
    await Promise.all([...accounts].map((accountId) => this.kick(accountId)));
  }

  /** Sends what is due for an account; one run per account at a time (a second call re-runs after it). */
  kick(accountId: string): Promise<void> {
    const current = this.running.get(accountId);
    if (current) {
      this.rerun.add(accountId);
      return current;
    }
    const run = this.drain(accountId)
      .catch(() => undefined)
      .finally(() => {
        this.running.delete(accountId);
        if (this.rerun.delete(accountId)) void this.kick(accountId);
      });
    this.running.set(accountId, run);
    return run;
  }

  /** Waits until nothing is being sent for the account (tests, benchmarks). */
  async idle(accountId: string): Promise<void> {
    while (this.running.get(accountId)) await this.running.get(accountId);
  }

  private async drain(accountId: string): Promise<void> {
    await this.resetStuck();
    const d = db();
    for (;;) {
      // Read afresh each pass: a wait may have ended while X was answering the last send.
      const blocked = new Set<string>();
      const pending = await d.actions.where('[accountId+state]').equals([accountId, 'queued']).sortBy('seq');
      let next: ActionRow | undefined;
      let earliestWait = Infinity;
      for (const a of pending) {
        // A row of a type or with parameters this version cannot read goes on its own: send() fails it.
        const def = this.deps.defs[a.type];
        const target = (def && targetOf(def, a.params)) ?? `?${a.seq}`;
        if (blocked.has(target)) continue;
        if (a.notBefore > this.now()) {
          // Waiting (rate limit or back-off): later actions on the same target keep their order behind it.
          blocked.add(target);
          earliestWait = Math.min(earliestWait, a.notBefore);
          continue;
        }
        next = a;
        break;
      }
      if (!next) {
        if (earliestWait < AWAITING_PERSON) this.deps.wakeAt(earliestWait);
        return;
      }
      const stop = await this.send(accountId, next);
      if (stop) {
        const waiting = await d.actions.where('[accountId+state]').equals([accountId, 'queued']).toArray();
        const at = Math.min(...waiting.map((a) => a.notBefore).filter((t) => t > this.now() && t < AWAITING_PERSON));
        if (Number.isFinite(at)) this.deps.wakeAt(at);
        return;
      }
    }
  }

  /** Sends one action. Returns true when the account's queue should stop for now (signed out). */
  private async send(accountId: string, action: ActionRow): Promise<boolean> {
    const d = db();
    const def = this.deps.defs[action.type];
    const seq = action.seq!;
    if (!def || targetOf(def, action.params) === undefined) {
      // Never sent: a type this version does not know, or parameters it cannot read. It fails where the person sees it.
      await fail(this.ctx, action, def ? { kind: 'unreadable' } : { kind: 'unknown-action', type: action.type });
      await this.publish(seq);
      return false;
    }
    // Claimed only if still queued: the person may have cancelled it since the queue was read.
    const claimed = await d.transaction('rw', d.actions, async () => {
      if ((await d.actions.get(seq))?.state !== 'queued') return false;
      await d.actions.update(seq, { state: 'sending', attempts: action.attempts + 1, updatedAt: new Date(this.now()).toISOString() });
      return true;
    });
    if (!claimed) return false;
    await this.publish(seq);
    let stop = false;
    const watch = watchAnswers();
    try {
      // The outbox paces its own tries, and each counts: the client under it sends each request once (no GET retries).
      const limited = await this.deps.clientFor(accountId);
      const result = await watch.send({ request: (req) => limited.request({ ...req, retries: 0 }) }, def, accountId, action);
      await d.transaction('rw', [d.actions, ...def.tables(d)], async () => {
        // Gone from the log: its account signed out while X answered, and the sign-out's wipe is not undone.
        if (!(await d.actions.get(seq))) return;
        await def.confirm?.(d, accountId, action.params, result);
        await d.actions.update(seq, {
          state: 'done',
          updatedAt: new Date(this.now()).toISOString(),
          error: undefined,
          ...(result ? { result } : {}),
        });
      });
    } catch (error) {
      // A write answered 2xx unreadably on this try or any before (a List X may have made) says X may have done it.
      stop = await handleFailure(this.ctx, action, error, watch.mayBeDone(error) || mayHaveBeenDone(action));
    }
    await this.publish(seq);
    return stop;
  }
}
