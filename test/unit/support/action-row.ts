import type { ActionRow } from '@/lib/db';

/** The account and the time the Activity tests' rows are stored under. */
export const ROW_ACCOUNT = '1585841080431321088';
export const ROW_AT = '2026-12-05T16:00:00.000Z';

/** A stored action of ROW_ACCOUNT's, done at ROW_AT on its first try, unless `extra` says otherwise. */
export function actionRow(seq: number, type: string, params: ActionRow['params'], extra: Partial<ActionRow> = {}): ActionRow {
  return {
    seq,
    accountId: ROW_ACCOUNT,
    type,
    params,
    state: 'done',
    createdAt: ROW_AT,
    updatedAt: ROW_AT,
    notBefore: 0,
    attempts: 1,
    ...extra,
  };
}
