import { ACTION_TYPES, isActionType } from './action-types';

/**
 * Which later action of the log takes over from an earlier one: the next action of the same toggle pair (like and
 * unlike, mute and unmute, add and remove a member …) on the same post, account or List that X may have acted on —
 * waiting, being sent or done; a failed or cancelled one changed nothing on X. Once one exists, Undo of the earlier
 * action would send what is already waiting or done (a second unrepost), and Retry would send it again over the
 * person's later choice. Pure, so the screens and the outbox read the same rule.
 */

/** What the rule reads of an action row. */
export interface PairedAction {
  seq?: number | undefined;
  type: string;
  params: Readonly<Record<string, unknown>>;
  state: string;
}

/** The ids an action's parameters name (lib/message-contract.ts: `postId`, `userId`, `listId`), in one key. */
const ID_PARAMS = ['listId', 'userId', 'postId'] as const;

/**
 * The pair and thing an action is about — "like/unlike|||123" for a like or an unlike of post 123 — or undefined for
 * an action of no mutual pair (a post's deletion, a List's change, creation or deletion), of a type Perch does not know,
 * or whose stored parameters cannot be read (a row of another version, a corrupted store). Throws nothing.
 */
export function pairKey(a: Pick<PairedAction, 'type' | 'params'>): string | undefined {
  const params: unknown = a.params;
  if (!isActionType(a.type) || typeof params !== 'object' || params === null) return undefined;
  const undo = ACTION_TYPES[a.type].undo;
  if (!undo || ACTION_TYPES[undo].undo !== a.type) return undefined;
  const ids = ID_PARAMS.map((k) => (typeof a.params[k] === 'string' ? a.params[k] : ''));
  return `${[a.type, undo].sort().join('/')}|${ids.join('|')}`;
}

/**
 * For each action of a log (any order) that a later one took over from, that later action: the first of its pair on
 * the same thing after it, by the outbox's sequence, not failed. The log must hold every action after the earliest
 * asked about (the Activity tab reads the newest ones, so it does).
 */
export function takenOverBy<T extends PairedAction>(actions: readonly T[]): Map<number, T> {
  const byKey = new Map<string, T[]>();
  for (const a of actions) {
    const key = a.seq === undefined ? undefined : pairKey(a);
    if (key === undefined) continue;
    const group = byKey.get(key);
    if (group) group.push(a);
    else byKey.set(key, [a]);
  }
  const later = new Map<number, T>();
  for (const group of byKey.values()) {
    group.sort((x, y) => x.seq! - y.seq!);
    let next: T | undefined;
    for (let i = group.length - 1; i >= 0; i--) {
      const a = group[i]!;
      if (next) later.set(a.seq!, next);
      if (a.state !== 'failed') next = a;
    }
  }
  return later;
}
