import { pairKey, takenOverBy } from '../action-pairs';
import { db, type ActionRow } from '../db';
import { targetOf, type ActionDef, type Params } from './outbox-types';

/**
 * Whether a later action already did what an inverse that cannot itself be reversed would do — the list a
 * "Create the list" made was deleted since — so sending that inverse again would fail on X or remove nothing of
 * the person's. Toggles (mute/unmute) are not asked: their inverse can be sent again harmlessly.
 */
export async function alreadyReversed(
  defs: Record<string, ActionDef>,
  accountId: string,
  seq: number,
  inverse: { type: string; params: Params },
): Promise<boolean> {
  const def = defs[inverse.type];
  if (!def || def.inverse) return false;
  const target = def.target(inverse.params);
  const later = await db()
    .actions.where('[accountId+seq]')
    .between([accountId, seq + 1], [accountId, Infinity])
    .toArray();
  return later.some((a) => a.type === inverse.type && a.state !== 'failed' && targetOf(def, a.params) === target);
}

/**
 * Whether a later action of the same pair on the same post, account or List — waiting, being sent or done — took over
 * from this one (lib/action-pairs.ts): its Undo would send what is already waiting or done (a second unrepost after the
 * popup's), its Retry would send it again over the person's later choice.
 */
export async function takenOver(action: ActionRow): Promise<boolean> {
  if (action.seq === undefined || pairKey(action) === undefined) return false;
  const later = await db()
    .actions.where('[accountId+seq]')
    .between([action.accountId, action.seq + 1], [action.accountId, Infinity])
    .toArray();
  return takenOverBy([action, ...later]).has(action.seq);
}
