import { AWAITING_PERSON, db, type ActionError, type ActionRow } from '../db';
import { XApiError, xWords } from '../x/errors';
import { forgetGoneList, listGoneIn } from './list-gone';
import { MAX_ATTEMPTS, RETRY_DELAYS_MS, targetOf, type OutboxDeps } from './outbox-types';

/**
 * What the outbox does when X does not confirm an action: wait and try again (X's limit, X failing, no
 * connection), wait for the person (out of credits, signed out), or fail it and put the store back.
 */

/** What these steps need of the outbox. */
export interface OutboxContext {
  deps: OutboxDeps;
  now(): number;
}

/**
 * What is stored of X's refusal: its kind, X's reset (when X gave it) and X's own words, and which of Perch's own
 * sentences it was (XApiError.ownWords: Perch did not send it), never a sentence — the screen words it in the
 * reader's language (components/error-text.ts).
 */
export function storedError(error: XApiError): ActionError {
  const said = xWords(error.problem);
  return {
    kind: error.kind,
    // A reset Perch set itself (X's 429 gave none) is not X's word: stored, the screens would say it as X's time.
    ...(error.rateLimitReset !== undefined && !error.resetOwn ? { reset: error.rateLimitReset } : {}),
    ...(said ? { said } : {}),
    ...(error.ownWords ? { own: error.ownWords } : {}),
  };
}

/** How long to wait before try number `attempts + 1`, jittered. */
export function retryDelay(ctx: OutboxContext, attempts: number): number {
  const base = RETRY_DELAYS_MS[Math.min(Math.max(attempts, 1), RETRY_DELAYS_MS.length) - 1]!;
  return base * (0.75 + 0.5 * (ctx.deps.random ?? Math.random)());
}

/**
 * Stores what a failed try means for the action: queued again with its wait, waiting for the person, or failed.
 * Returns true when the account's queue should stop for now (out of credits, signed out).
 */
export async function handleFailure(ctx: OutboxContext, action: ActionRow, error: unknown, mayBeDone = false): Promise<boolean> {
  const d = db();
  const seq = action.seq!;
  const at = new Date(ctx.now()).toISOString();
  if (error instanceof XApiError) {
    // A write X answered 2xx unreadably (outbox-answer.ts): X may have done it, and its words say so.
    const stored: ActionError = { ...storedError(error), ...(mayBeDone ? { mayBeDone: true as const } : {}) };
    const attempts = action.attempts + 1;
    if (error.kind === 'rate-limited' && error.local) {
      // Perch held it back itself (X's last answer said the limit is used up): nothing was sent, so it is no
      // try; it waits for that reset, which the limiter knows is still ahead.
      const reset = (error.rateLimitReset ?? Math.ceil(ctx.now() / 1000) + 15 * 60) * 1000 + 1000;
      await d.actions.update(seq, {
        state: 'queued',
        attempts: action.attempts,
        notBefore: Math.max(reset, ctx.now() + RETRY_DELAYS_MS[0]!),
        updatedAt: at,
        error: stored,
      });
      return false;
    }
    const passing = error.kind === 'rate-limited' || error.kind === 'unavailable' || error.kind === 'malformed';
    if (passing && attempts >= MAX_ATTEMPTS) {
      await fail(ctx, action, stored);
      return false;
    }
    if (passing || error.kind === 'offline') {
      // Never before X's reset (read against X's clock by the limiter), and never sooner than the back-off: a
      // reset already past, zero or missing does not make it loop.
      const reset = error.kind === 'rate-limited' && error.rateLimitReset !== undefined ? error.rateLimitReset * 1000 + 1000 : 0;
      await d.actions.update(seq, {
        state: 'queued',
        notBefore: Math.max(reset, ctx.now() + retryDelay(ctx, attempts)),
        updatedAt: at,
        error: stored,
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
        error: stored,
      });
      return true;
    }
    if (error.kind === 'signed-out') {
      // Kept, not lost: it is sent when the account is signed in again. Refused a second time in a row, X keeps
      // refusing a fresh token: it waits its back-off, or every wake of the queue would send it again.
      const notBefore = attempts > 1 ? ctx.now() + retryDelay(ctx, attempts) : 0;
      await d.actions.update(seq, { state: 'queued', notBefore, updatedAt: at, error: stored });
      return true;
    }
    await fail(ctx, action, stored);
    // X said the List does not exist (deleted on x.com): forgotten as its deletion through Perch is (list-gone.ts).
    const listId = action.params.listId;
    // Not for an account signed out meanwhile (its action went with the rest of its store).
    if (action.type.startsWith('list.') && typeof listId === 'string' && listGoneIn(error) && (await d.actions.get(seq)))
      await forgetGoneList(d, action.accountId, listId);
    return false;
  }
  // Not X's answer but a fault in Perch (its words would be a programmer's): the screen says something went wrong.
  await fail(ctx, action, { kind: 'error' });
  return false;
}

/** X refused: the action failed, and the store goes back to what it was. */
export async function fail(ctx: OutboxContext, action: ActionRow, reason: ActionError): Promise<void> {
  const d = db();
  const def = ctx.deps.defs[action.type];
  await d.transaction('rw', [d.actions, ...(def ? def.tables(d) : [])], async () => {
    // Gone from the log: its account signed out while X answered. Nothing is put back over the sign-out's wipe.
    if (!(await d.actions.get(action.seq!))) return;
    // A later action on the same target already shows the person's latest intent: leave the store to it. Parameters
    // that cannot be read name nothing to put back.
    const target = def && targetOf(def, action.params);
    const sameTarget = (a: ActionRow) => {
      const other = ctx.deps.defs[a.type];
      return !!other && targetOf(other, a.params) === target;
    };
    const later = await d.actions
      .where('[accountId+state]')
      .anyOf([action.accountId, 'queued'], [action.accountId, 'sending'])
      .filter((a) => a.seq! > action.seq! && sameTarget(a))
      .count();
    if (def && target !== undefined && later === 0) await def.rollback(d, action.accountId, action.params, action.rollback);
    await d.actions.update(action.seq!, { state: 'failed', error: reason, updatedAt: new Date(ctx.now()).toISOString() });
    if (action.undoOf !== undefined) await d.actions.update(action.undoOf, { undoneBy: undefined });
  });
}
