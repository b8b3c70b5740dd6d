import type { Table } from 'dexie';
import type { XClient } from '../x/client';
import { XApiError } from '../x/errors';
import { AWAITING_PERSON, db, type ActionRow, type PerchDb } from '../db';

/**
 * The outbox: every action the person takes is written here before it is sent, shown at once in the store,
 * sent in order, retried across worker restarts and network drops until X confirms or refuses, and rolled back
 * with a clear message if X refuses. The same rows are the action log, with undo where X can reverse.
 */

export type Params = Record<string, string | boolean | undefined>;
export type Result = Record<string, string | boolean>;

/** How one kind of action is shown, sent, rolled back and undone. */
export interface ActionDef {
  /** What the activity view says, e.g. "Bookmark a post by @ada". */
  label(params: Params): string;
  /** Which actions must keep their order with this one (same post, same account, same list …). */
  target(params: Params): string;
  /** Tables the optimistic change touches. */
  tables(d: PerchDb): Table[];
  /** Shows the action in the store at once; returns what is needed to roll it back. Runs in a transaction. */
  apply(d: PerchDb, accountId: string, params: Params): Promise<unknown>;
  /** Puts the store back as it was. Runs in a transaction. */
  rollback(d: PerchDb, accountId: string, params: Params, snapshot: unknown): Promise<void>;
  /** Sends it to X. */
  execute(client: XClient, accountId: string, params: Params): Promise<Result | void>;
  /** After X confirmed: store what X answered (e.g. a new list's id). Runs in a transaction. */
  confirm?(d: PerchDb, accountId: string, params: Params, result: Result | undefined): Promise<void>;
  /** Sending it twice does no harm (true for every toggle); false for creations. */
  idempotent: boolean;
  /**
   * For a non-idempotent action whose answer was lost: looks on X for its effect. A result means it happened;
   * undefined means it did not, and it may be sent again.
   */
  reconcile?(client: XClient, accountId: string, params: Params, action: ActionRow): Promise<Result | undefined>;
  /** The action that reverses this one on X, if X can. */
  inverse?(params: Params, result: Result | undefined): { type: string; params: Params } | undefined;
}

export interface OutboxDeps {
  defs: Record<string, ActionDef>;
  /** An X client acting as the account (rate-limited). */
  clientFor(accountId: string): Promise<XClient>;
  /** Asks to be woken at this time (epoch ms) to send what is waiting. */
  wakeAt(at: number): void;
  now?: () => number;
  random?: () => number;
}

/**
 * How long an action waits before its next try after X failed it, by the number of tries so far: 5 s, 15 s,
 * 20 min, 40 min, then hourly — jittered ±25 %, and never sooner than a rate limit's reset. Two quick retries
 * ride out a blip; the gap after the third try (at least 15 min even with jitter) keeps every action to at most
 * three requests in any 15 minutes.
 */
const RETRY_DELAYS_MS = [5_000, 15_000, 20 * 60_000, 40 * 60_000, 60 * 60_000];
/**
 * Tries before an action that X keeps refusing for a while (429), failing (5xx) or answering unreadably fails
 * with X's last reason (and Retry). Network drops do not count: nothing reached X, and it is retried at the pace
 * above until it does.
 */
export const MAX_ATTEMPTS = 5;

/** Raised for an action type the outbox does not know, or an action that may not be undone. */
export class OutboxError extends Error {
  readonly kind: 'unknown-action' | 'cannot-undo' | 'cannot-cancel' | 'cannot-retry';
  constructor(kind: OutboxError['kind'], message: string) {
    super(message);
    this.name = 'OutboxError';
    this.kind = kind;
  }
}

/** Failures that pass: an action that failed so may be sent again (Retry). */
const RETRYABLE = new Set(['rate-limited', 'unavailable', 'malformed', 'offline']);

export class Outbox {
  private readonly running = new Map<string, Promise<void>>();
  private rerun = new Set<string>();
  /** When this outbox (this worker's life) began: anything 'sending' from before it was cut off. */
  private readonly startedAt: string;

  constructor(private readonly deps: OutboxDeps) {
    this.startedAt = new Date(this.now()).toISOString();
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  private def(type: string): ActionDef {
    const def = this.deps.defs[type];
    if (!def) throw new OutboxError('unknown-action', `Perch does not know how to “${type}”.`);
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
        label: def.label(params),
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
    void this.kick(accountId);
    return row;
  }

  /**
   * Undoes a done action by queueing its inverse (unbookmark for bookmark, and so on).
   * @throws OutboxError 'cannot-undo' when X cannot reverse it or it is not done yet.
   */
  async undo(accountId: string, seq: number): Promise<ActionRow> {
    const action = await db().actions.get(seq);
    if (!action || action.accountId !== accountId) throw new OutboxError('cannot-undo', 'That action is no longer in the log.');
    if (action.state !== 'done') throw new OutboxError('cannot-undo', 'Only a finished action can be undone.');
    if (action.undoneBy !== undefined) throw new OutboxError('cannot-undo', 'That action was already undone.');
    const inverse = this.def(action.type).inverse?.(action.params, action.result);
    if (!inverse) throw new OutboxError('cannot-undo', 'X cannot reverse that action.');
    return this.enqueue(accountId, inverse.type, inverse.params, { undoOf: seq });
  }

  /**
   * Cancels an action still waiting in the queue: it is not sent, and the store goes back as if X had refused it.
   * @throws OutboxError 'cannot-cancel' when it is being sent or already finished.
   */
  async cancel(accountId: string, seq: number): Promise<void> {
    const d = db();
    const action = await d.actions.get(seq);
    if (!action || action.accountId !== accountId) throw new OutboxError('cannot-cancel', 'That action is no longer in the log.');
    const def = this.deps.defs[action.type];
    const cancelled = await d.transaction('rw', [d.actions, ...(def ? def.tables(d) : [])], async () => {
      // Read again inside the transaction: the queue may have started sending it meanwhile.
      const current = await d.actions.get(seq);
      if (current?.state !== 'queued') return false;
      await this.fail(current, { kind: 'cancelled', message: 'You cancelled it before it was sent.' });
      return true;
    });
    if (!cancelled) {
      throw new OutboxError(
        'cannot-cancel',
        action.state === 'sending' ? 'It is being sent to X right now.' : 'Only an action still waiting can be cancelled.',
      );
    }
    void this.kick(accountId);
  }

  /**
   * Sends again an action that failed for a passing reason (X's limit, X failing, X's answer unreadable): shown in
   * the store again at once, and queued as new.
   * @throws OutboxError 'cannot-retry' for an action that did not fail so, or is no longer in the log.
   */
  async retry(accountId: string, seq: number): Promise<void> {
    const d = db();
    const action = await d.actions.get(seq);
    if (!action || action.accountId !== accountId) throw new OutboxError('cannot-retry', 'That action is no longer in the log.');
    const def = this.def(action.type);
    const retried = await d.transaction('rw', [d.actions, ...def.tables(d)], async () => {
      const current = await d.actions.get(seq);
      if (current?.state !== 'failed' || !RETRYABLE.has(current.error?.kind ?? '')) return false;
      const rollback = await def.apply(d, accountId, current.params);
      await d.actions.update(seq, {
        state: 'queued',
        notBefore: 0,
        attempts: 0,
        rollback,
        updatedAt: new Date(this.now()).toISOString(),
        error: undefined,
      });
      if (current.undoOf !== undefined) await d.actions.update(current.undoOf, { undoneBy: seq });
      return true;
    });
    if (!retried) throw new OutboxError('cannot-retry', 'Only an action that failed for a passing reason can be sent again.');
    void this.kick(accountId);
  }

  /**
   * After a worker restart: actions caught mid-send by the last worker go back to the queue (their answer was
   * never read), then everything due is sent. Only rows last touched before this worker began are reset, so a send
   * this worker has just started is never mistaken for a stuck one.
   */
  async recover(): Promise<void> {
    const d = db();
    const stuck = await d.actions.filter((a) => a.state === 'sending' && a.updatedAt < this.startedAt).toArray();
    for (const a of stuck) await d.actions.update(a.seq!, { state: 'queued', notBefore: 0 });
    await this.wake();
  }

  /**
   * "Retry now": actions waiting out a network back-off, or for the person (out of credits), are sent at once;
   * those waiting for a rate-limit reset keep waiting (X would refuse them).
   */
  async retryNow(accountId: string): Promise<void> {
    const d = db();
    const waiting = await d.actions.where('[accountId+state]').equals([accountId, 'queued']).toArray();
    for (const a of waiting)
      if (a.error?.kind !== 'rate-limited' && a.notBefore > this.now()) await d.actions.update(a.seq!, { notBefore: 0 });
    await this.kick(accountId);
  }

  /** Sends whatever is due, for every account (an alarm or timer fired). */
  async wake(): Promise<void> {
    const accounts = new Set(
      (
        await db()
          .actions.filter((a) => a.state === 'queued')
          .toArray()
      ).map((a) => a.accountId),
    );
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
    const d = db();
    const blocked = new Set<string>();
    for (;;) {
      const pending = await d.actions.where('[accountId+state]').equals([accountId, 'queued']).sortBy('seq');
      let next: ActionRow | undefined;
      let earliestWait = Infinity;
      for (const a of pending) {
        const def = this.deps.defs[a.type];
        const target = def ? def.target(a.params) : `?${a.seq}`;
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
    if (!def) {
      await this.fail(action, { kind: 'unknown-action', message: `Perch does not know how to “${action.type}”.` });
      return false;
    }
    // Claimed only if still queued: the person may have cancelled it since the queue was read.
    const claimed = await d.transaction('rw', d.actions, async () => {
      if ((await d.actions.get(seq))?.state !== 'queued') return false;
      await d.actions.update(seq, { state: 'sending', attempts: action.attempts + 1, updatedAt: new Date(this.now()).toISOString() });
      return true;
    });
    if (!claimed) return false;
    try {
      // The outbox paces its own tries, and each counts: the client under it sends each request once (no GET retries).
      const limited = await this.deps.clientFor(accountId);
      const client: typeof limited = { request: (req) => limited.request({ ...req, retries: 0 }) };
      // A creation whose earlier answer was lost: look for it on X before sending it again.
      let result =
        action.attempts > 0 && !def.idempotent && def.reconcile ? await def.reconcile(client, accountId, action.params, action) : undefined;
      result ??= (await def.execute(client, accountId, action.params)) ?? undefined;
      await d.transaction('rw', [d.actions, ...def.tables(d)], async () => {
        await def.confirm?.(d, accountId, action.params, result);
        await d.actions.update(seq, {
          state: 'done',
          updatedAt: new Date(this.now()).toISOString(),
          error: undefined,
          ...(result ? { result } : {}),
        });
      });
      return false;
    } catch (error) {
      return this.handleFailure(action, error);
    }
  }

  /** How long to wait before try number `attempts + 1`, jittered. */
  private retryDelay(attempts: number): number {
    const base = RETRY_DELAYS_MS[Math.min(Math.max(attempts, 1), RETRY_DELAYS_MS.length) - 1]!;
    return base * (0.75 + 0.5 * (this.deps.random ?? Math.random)());
  }

  private async handleFailure(action: ActionRow, error: unknown): Promise<boolean> {
    const d = db();
    const seq = action.seq!;
    const at = new Date(this.now()).toISOString();
    if (error instanceof XApiError) {
      const attempts = action.attempts + 1;
      if (error.kind === 'rate-limited' && error.local) {
        // Perch held it back itself (X's last answer said the limit is used up): nothing was sent, so it is no
        // try; it waits for that reset, which the limiter knows is still ahead.
        const reset = (error.rateLimitReset ?? Math.ceil(this.now() / 1000) + 15 * 60) * 1000 + 1000;
        await d.actions.update(seq, {
          state: 'queued',
          attempts: action.attempts,
          notBefore: Math.max(reset, this.now() + RETRY_DELAYS_MS[0]!),
          updatedAt: at,
          error: { kind: error.kind, message: error.message },
        });
        return false;
      }
      const passing = error.kind === 'rate-limited' || error.kind === 'unavailable' || error.kind === 'malformed';
      if (passing && attempts >= MAX_ATTEMPTS) {
        await this.fail(action, { kind: error.kind, message: error.message });
        return false;
      }
      if (passing || error.kind === 'offline') {
        // Never before X's reset (read against X's clock by the limiter), and never sooner than the back-off: a
        // reset already past, zero or missing does not make it loop.
        const reset = error.kind === 'rate-limited' && error.rateLimitReset !== undefined ? error.rateLimitReset * 1000 + 1000 : 0;
        await d.actions.update(seq, {
          state: 'queued',
          notBefore: Math.max(reset, this.now() + this.retryDelay(attempts)),
          updatedAt: at,
          error: { kind: error.kind, message: error.message },
        });
        return false;
      }
      if (error.kind === 'usage-capped') {
        // Out of credits or over the spending limit: every request would be refused until the person acts in the
        // developer console, so nothing is retried by itself; Retry (retryNow) sends it again.
        await d.actions.update(seq, {
          state: 'queued',
          notBefore: AWAITING_PERSON,
          updatedAt: at,
          error: { kind: error.kind, message: error.message },
        });
        return true;
      }
      if (error.kind === 'signed-out') {
        // Kept, not lost: it is sent when the account is signed in again. Refused a second time in a row, X keeps
        // refusing a fresh token: it waits its back-off, or every wake of the queue would send it again.
        const notBefore = attempts > 1 ? this.now() + this.retryDelay(attempts) : 0;
        await d.actions.update(seq, { state: 'queued', notBefore, updatedAt: at, error: { kind: error.kind, message: error.message } });
        return true;
      }
      await this.fail(action, { kind: error.kind, message: error.message });
      return false;
    }
    await this.fail(action, { kind: 'error', message: error instanceof Error ? error.message : String(error) });
    return false;
  }

  /** X refused: the action failed, and the store goes back to what it was. */
  private async fail(action: ActionRow, reason: { kind: string; message: string }): Promise<void> {
    const d = db();
    const def = this.deps.defs[action.type];
    await d.transaction('rw', [d.actions, ...(def ? def.tables(d) : [])], async () => {
      // A later action on the same target already shows the person's latest intent: leave the store to it.
      const target = def?.target(action.params);
      const later = await d.actions
        .where('[accountId+state]')
        .anyOf([action.accountId, 'queued'], [action.accountId, 'sending'])
        .filter((a) => a.seq! > action.seq! && this.deps.defs[a.type]?.target(a.params) === target)
        .count();
      if (def && later === 0) await def.rollback(d, action.accountId, action.params, action.rollback);
      await d.actions.update(action.seq!, { state: 'failed', error: reason, updatedAt: new Date(this.now()).toISOString() });
      if (action.undoOf !== undefined) await d.actions.update(action.undoOf, { undoneBy: undefined });
    });
  }
}
