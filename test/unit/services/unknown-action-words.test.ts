import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { actionErrorText } from '@/components/error-text';
import { db, type ActionRow } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { Outbox } from '@/lib/services/outbox';
import { withEmptyStore } from '../support/store';

/**
 * An action row of a type this version does not know (stored by another version, or a corrupted store) fails as
 * 'unknown-action' with its stored type. The Activity log names that type in its sentence only when it is shaped as an
 * action type (lib/reply-words.ts): anything else could be any length and hold direction controls that reorder the
 * sentence around it, so it reads as any failure.
 */

const ACCOUNT = '1585841080431321088';

withEmptyStore();

/** The stored failure of a queued row of `type` once the outbox has tried it. */
async function failureOf(type: string): Promise<ActionRow['error']> {
  const box = new Outbox({ defs: ACTIONS, clientFor: () => Promise.reject(new Error('not asked')), wakeAt: () => undefined });
  const now = new Date().toISOString();
  const seq = await db().actions.add({
    accountId: ACCOUNT,
    type,
    params: {},
    state: 'queued',
    attempts: 0,
    notBefore: 0,
    createdAt: now,
    updatedAt: now,
  });
  await box.kick(ACCOUNT);
  await box.idle(ACCOUNT);
  return (await db().actions.get(seq))?.error;
}

describe('the Activity log, for an action of a type Perch does not know', () => {
  it('names a type shaped as one', async () => {
    expect(actionErrorText(await failureOf('retweet.v1'))).toBe('Perch does not know how to “retweet.v1”.');
  });

  it.each([
    ['too long to be a type', `retweet${'.v1'.repeat(200)}`],
    ['holding a direction control', 'retweet\u202E1v.'],
    ['a sentence', 'Click here to win a prize!'],
  ])('says only that something went wrong when the stored type is %s', async (_, type) => {
    const text = actionErrorText(await failureOf(type));
    expect(text).toBe('Something went wrong. Please try again.');
  });

  it('says only that something went wrong when the stored failure names no string', () => {
    expect(actionErrorText({ kind: 'unknown-action', type: ['retweet'] as unknown as string })).toBe(
      'Something went wrong. Please try again.',
    );
  });
});
