import type { FailureNote } from '@/lib/failed-actions';

/** Ada, whose pin of a List X refused: the List's id, and the failure note the toolbar's title is painted from. */
export const ADA = '1585841080431321088';
export const LIST = '1900000000000000007';

/** X refused Ada's pin of LIST: noted, not yet shown. */
export const pinRefused: FailureNote = {
  seq: 4,
  type: 'list.pin',
  params: { listId: LIST },
  error: { kind: 'forbidden' },
  at: '2026-12-05T07:00:00.000Z',
};
