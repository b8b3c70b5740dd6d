import { wasSent, type ActionRow, type PerchDb } from '../db';

/**
 * What a read of X may predate: the person's actions X had not confirmed when the read began. A walk (lib/services/
 * sync.ts) or a page of a List's members (lib/services/lookups.ts) notes where the outbox stood before its first
 * request, and shows those actions again over what it read, so X's older answer does not undo what the person did.
 */

/** Where the outbox stood when a read began: its last action, and the account's actions not yet confirmed. */
export interface ActionsAt {
  lastSeq: number;
  unfinished: Set<number>;
}

/** Notes where the outbox stands now, for an account: call it before a read's first request. */
export async function actionsAt(d: PerchDb, accountId: string): Promise<ActionsAt> {
  const last = await d.actions.toCollection().lastKey();
  const unfinished = await d.actions
    .where('[accountId+state]')
    .anyOf([accountId, 'queued'], [accountId, 'sending'], [accountId, 'failed'])
    .primaryKeys();
  return { lastSeq: typeof last === 'number' ? last : 0, unfinished: new Set(unfinished) };
}

/**
 * The account's actions a read begun at `started` may predate, as the store holds them now: those taken since, and
 * those then unfinished (the ones still in the log). Read once here for both questions below.
 */
async function readSince(d: PerchDb, accountId: string, started: ActionsAt): Promise<ActionRow[]> {
  const since = await d.actions
    .where('[accountId+seq]')
    .between([accountId, started.lastSeq + 1], [accountId, Infinity])
    .toArray();
  const unfinished = (await d.actions.bulkGet([...started.unfinished])).filter((a) => a !== undefined);
  return [...since, ...unfinished].filter((a) => a.accountId === accountId);
}

/**
 * The account's actions that `keep` picks which a read begun at `started` may predate, in the order they were taken:
 * those still waiting to be sent, and those X confirmed that were not yet confirmed when the read began (taken since,
 * or then still queued, being sent, or failed and sent again since). Actions confirmed before it, and failed ones
 * (rolled back), are left to what the read saw.
 */
export async function actionsSince(
  d: PerchDb,
  accountId: string,
  started: ActionsAt,
  keep: (action: ActionRow) => boolean,
): Promise<ActionRow[]> {
  const read = await readSince(d, accountId, started);
  const pending = await d.actions.where('[accountId+state]').anyOf([accountId, 'queued'], [accountId, 'sending']).toArray();
  const bySeq = new Map([...read, ...pending].map((a) => [a.seq!, a]));
  return [...bySeq.values()].filter((a) => a.state !== 'failed' && keep(a)).sort((a, b) => a.seq! - b.seq!);
}

/**
 * Of the account's actions a read begun at `started` may predate, those X may have received by now: being sent,
 * confirmed, failed, or queued again after a try — by the outbox, or by the person's Retry after a failure (its tries
 * counted afresh, `sentBefore` set). Noted when the read's answer arrives, it tells which of them that
 * answer may already show (X may have applied them before it answered, or after); every other one was never sent
 * before the answer, so the answer cannot show it.
 */
export async function triedSince(d: PerchDb, accountId: string, started: ActionsAt): Promise<Set<number>> {
  return new Set((await readSince(d, accountId, started)).filter((a) => a.state !== 'queued' || wasSent(a)).map((a) => a.seq!));
}
