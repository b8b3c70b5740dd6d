import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { db, type ActionError, type ActionRow } from '@/lib/db';
import { readInJapanese } from '../locales/in-japanese';
import { activityRowText, popupNoteText } from '../support/action-words-page';
import { withEmptyStore } from '../support/store';

/**
 * While an action waits on X's limit on renewing the sign-in (lib/auth/errors.ts toXApiError: rate-limited, with Perch's
 * own words 'renewal-limited'), the Activity tab and the popup said "X’s limit for this is used up", as if the action's
 * own limit were used up; and an action that failed after its tries said "Perch tries again at …", which it does not.
 */

const ACCOUNT = '1585841080431321088';
const at = '2026-12-05T16:00:00.000Z';

withEmptyStore();

/** X's refusal of Perch's renewal, as the outbox stores it, with X's reset ten minutes ahead. */
function renewalLimited(): ActionError {
  return { kind: 'rate-limited', reset: Math.ceil(Date.now() / 1000) + 600, own: { kind: 'renewal-limited' } };
}

function like(state: ActionRow['state'], error: ActionError): ActionRow {
  return {
    accountId: ACCOUNT,
    type: 'like',
    params: { postId: '1800000000000000001' },
    state,
    createdAt: at,
    updatedAt: at,
    notBefore: state === 'queued' ? (error.reset ?? 0) * 1000 + 1000 : 0,
    attempts: state === 'failed' ? 5 : 1,
    error,
  };
}

/** The Activity tab's one row for this action, as a person reads it. */
async function activityRow(action: ActionRow): Promise<string> {
  await db().actions.add(action);
  return activityRowText(ACCOUNT);
}

/** The popup's note under its Like button for this action. */
const popupNote = (action: ActionRow) => popupNoteText({ ...action, seq: 1 }, 'note-like', { like: 'Like' });

describe('an action waiting on X’s limit on renewing the sign-in', () => {
  it('says in the Activity tab that X limits renewing the sign-in, not that the action’s limit is used up', async () => {
    const text = await activityRow(like('queued', renewalLimited()));
    expect(text).toMatch(/Waiting until .+: X limits how often Perch may renew your sign-in\./);
    expect(text).not.toContain('for this is used up');
  });

  it('says so in the popup’s note under the button', async () => {
    const text = await popupNote(like('queued', renewalLimited()));
    expect(text).toMatch(/^Like: Waiting until .+ \(X limits how often Perch may renew your sign-in\)\.$/);
    expect(text).not.toContain('X’s limit is used up');
  });

  it('says so in Japanese', async () => {
    readInJapanese();
    expect(await popupNote(like('queued', renewalLimited()))).toMatch(
      /まで待機中（XはPerchがログインを更新できる頻度を制限しています）。$/,
    );
    expect(await activityRow(like('queued', renewalLimited()))).toMatch(/まで待機中: XはPerchがログインを更新できる頻度を制限しています。/);
  });
});

describe('an action waiting on X’s limit on renewing the sign-in, when X said not until when', () => {
  // lib/auth/renewal-limit.ts waits a minute of Perch's own; the outbox stores no reset of X's (storedError).
  const perchsMinute = (): ActionRow => ({
    ...like('queued', { kind: 'rate-limited', own: { kind: 'renewal-limited' } }),
    notBefore: Date.now() + 61_000,
  });

  it('says the time as Perch’s next try, not as a wait X set', async () => {
    expect(await popupNote(perchsMinute())).toMatch(/^Like: X limits how often Perch may renew your sign-in; Perch tries again at .+\.$/);
    const row = await activityRow(perchsMinute());
    expect(row).toMatch(/X limits how often Perch may renew your sign-in and did not say until when; Perch tries again then\./);
    expect(row).not.toContain('Waiting until');
  });

  it('says so in Japanese', async () => {
    readInJapanese();
    expect(await popupNote(perchsMinute())).toMatch(/XはPerchがログインを更新できる頻度を制限しています。Perchが.+にもう一度試します。$/);
    expect(await activityRow(perchsMinute())).toMatch(/いつまでかは示していません。その時刻にPerchがもう一度試します。/);
  });
});

describe('an action that failed on X’s limit on renewing the sign-in', () => {
  it('says when X allows renewing again and promises no try Perch will not make', async () => {
    const text = await activityRow(like('failed', renewalLimited()));
    expect(text).toMatch(/X’s limit on renewing your sign-in is used up\. X allows renewing it again at .+\./);
    expect(text).not.toContain('tries again');
    expect(await popupNote(like('failed', renewalLimited()))).not.toContain('tries again');
  });
});
