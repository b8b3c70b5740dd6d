import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { db, type ActionRow } from '@/lib/db';
import { activityRowText } from '../support/action-words-page';
import { withEmptyStore } from '../support/store';

/**
 * A write X answered 2xx but unreadably may be done on X: the outbox stores its failure with `mayBeDone`
 * (lib/services/outbox-failure.ts). The Activity tab reads the stored row through its own checks
 * (components/manager/stored-rows.ts) and said "Nothing was changed." there, as if the fact were not stored.
 */

const ACCOUNT = '1585841080431321088';
const at = '2026-12-02T10:00:01.000Z';
const MAY_BE_DONE = 'X answered, but Perch could not read the answer, so X may have done it. Check on X.';

withEmptyStore();

/** The Activity tab's one row for this action, as a person reads it. */
async function row(action: ActionRow): Promise<string> {
  await db().actions.add(action);
  return activityRowText(ACCOUNT);
}

describe('the Activity tab on a write X answered 2xx unreadably', () => {
  it('says X may have done it and to check on X, never that nothing was changed', async () => {
    const text = await row({
      accountId: ACCOUNT,
      type: 'list.create',
      params: { tempId: 'tmp-1', name: 'Birds' },
      state: 'failed',
      createdAt: at,
      updatedAt: at,
      notBefore: 0,
      attempts: 5,
      error: { kind: 'malformed', mayBeDone: true },
    });
    expect(text).toContain(MAY_BE_DONE);
    expect(text).not.toContain('Nothing was changed');
  });
});
