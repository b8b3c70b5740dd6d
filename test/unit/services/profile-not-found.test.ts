import { beforeEach, describe, expect, it } from 'vitest';
import { tabErrorText } from '@/entrypoints/popup/tab-error-text';
import { profileContext } from '@/lib/services/tab-context';
import { createXClient } from '@/lib/x/client';
import { readInJapanese } from '../locales/in-japanese';
import { freshDb } from './support';

/**
 * Walked in Firefox: the popup on x.com/gracehopper, a username no one holds, said "X could not find it: it may have
 * been deleted." — "it", for a profile, and "deleted", for an account. X answers the lookup by username
 * (getUsersByUsername, GET /2/users/by/username/{username}) with 200 and only an `errors` entry of type
 * resource-not-found (x-api--fundamentals--response-codes-and-errors, "Partial errors"; the same for a suspended
 * account). The popup now names the @username it looked for.
 */

const ACCOUNT = '1585841080431321088';

/** X's answer for a username no one holds. */
const NOT_FOUND = {
  errors: [
    {
      value: 'gracehopper',
      detail: 'Could not find user with username: [gracehopper].',
      title: 'Not Found Error',
      resource_type: 'user',
      parameter: 'username',
      resource_id: 'gracehopper',
      type: 'https://api.x.com/2/problems/resource-not-found',
    },
  ],
};

function answering(status: number, body: unknown) {
  const fetch = () => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
  return () => Promise.resolve(createXClient({ baseUrl: 'https://api.x.test', getAccessToken: () => Promise.resolve('t'), fetch }));
}

const FALLBACK_EN = '@gracehopper doesn’t exist or is suspended.';

describe('the popup on a profile X has no account for', () => {
  beforeEach(freshDb);

  it('names the @username it looked for, not “it”', async () => {
    const ctx = await profileContext(answering(200, NOT_FOUND), ACCOUNT, 'gracehopper');
    expect(ctx.user).toBeNull();
    expect(tabErrorText(ctx.error, FALLBACK_EN)).toBe(FALLBACK_EN);
  });

  it('says so in the reader’s language', async () => {
    const ctx = await profileContext(answering(200, NOT_FOUND), ACCOUNT, 'gracehopper');
    readInJapanese();
    expect(tabErrorText(ctx.error, '@gracehopperは存在しないか、凍結されています。')).toBe(
      '@gracehopperは存在しないか、凍結されています。',
    );
  });

  it('still says X’s own trouble when the lookup failed for another reason (X not answering)', async () => {
    const ctx = await profileContext(answering(503, { title: 'Service Unavailable', type: 'about:blank' }), ACCOUNT, 'gracehopper');
    expect(tabErrorText(ctx.error, FALLBACK_EN)).not.toBe(FALLBACK_EN);
  });
});
