import { ACTION_TYPES, type ActionType } from '../action-types';
import { XApiError } from '../x/errors';
import type { ActionDef, Params } from './outbox';

/** What the executors of lib/services/actions.ts and lib/services/list-actions.ts share. */

/**
 * A required string parameter of an action.
 * @throws Error when it is missing or empty (the message contract lets no such action in).
 */
export const str = (p: Params, key: string): string => {
  const v = p[key];
  if (typeof v !== 'string' || !v) throw new Error(`Missing ${key}.`);
  return v;
};

/**
 * Treats "already gone" as done for removals sent again after a lost answer.
 * @param kept a not-found that is no "already gone" (one naming the List a member was to leave): thrown as X answered.
 * @throws whatever `run` throws, except X's not-found.
 */
export async function gone(run: () => Promise<unknown>, kept?: (error: XApiError) => boolean): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (error instanceof XApiError && error.kind === 'not-found' && !kept?.(error)) return;
    throw error;
  }
}

/** The outbox's `inverse` of a type, from its declaration in lib/action-types.ts: the same parameters, the undo type. */
export function inverseOf(type: ActionType): Pick<ActionDef, 'inverse'> {
  const undo = ACTION_TYPES[type].undo;
  return undo ? { inverse: (p: Params) => ({ type: undo, params: p }) } : {};
}
