import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { watchReadRetry, type ReadRetry } from '@/lib/services/read-retries';

/**
 * What a screen learns of a read X is not answering comes from storage.session (lib/services/read-retries.ts). An
 * entry of another shape there (written by an older Perch, or tampered with) must not become a word such as "Perch
 * tries again at Invalid Date": it is no word, and the well-formed entries beside it are still said.
 */

const ACCOUNT = '1585841080431321088';
const BOOKMARKS = 'GET /2/users/1585841080431321088/bookmarks';
const AGAIN: ReadRetry = { attempt: 2, of: 4, at: 1_800_000_060_000 };

beforeEach(() => fakeBrowser.reset());

async function watched(key: string | RegExp, stored: unknown): Promise<(ReadRetry | undefined)[]> {
  await fakeBrowser.storage.session.set({ [`x.retrying.${ACCOUNT}`]: stored });
  const told: (ReadRetry | undefined)[] = [];
  const stop = watchReadRetry(ACCOUNT, key, (retry) => told.push(retry));
  await new Promise((r) => setTimeout(r, 10));
  stop();
  return told;
}

describe('a stored retry of the wrong shape says nothing', () => {
  it.each([
    ['a time that is not a number', { attempt: 1, of: 4, at: 'soon' }],
    ['no time at all', { attempt: 1, of: 4 }],
    ['a time that is not finite', { attempt: 1, of: 4, at: null }],
    ['not an object', 'retrying'],
  ])('%s: the screen is told no retry', async (_, entry) => {
    expect(await watched(BOOKMARKS, { [BOOKMARKS]: entry })).toEqual([undefined]);
  });

  it('a well-formed retry beside a broken one is still said, for a sync watching its pages', async () => {
    const stored = { [BOOKMARKS]: AGAIN, [`${BOOKMARKS}?pagination_token=7`]: { attempt: 1, of: 4, at: '9e99' } };
    expect(await watched(/^GET \/2\/users\/\d+\/bookmarks/, stored)).toEqual([AGAIN]);
  });

  it('a well-formed retry is said as it was stored', async () => {
    expect(await watched(BOOKMARKS, { [BOOKMARKS]: AGAIN })).toEqual([AGAIN]);
  });
});
