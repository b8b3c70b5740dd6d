import { describe, expect, it, vi } from 'vitest';
import { actionErrorText } from '@/components/error-text';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { SyncService } from '@/lib/services/sync';
import { createXClient } from '@/lib/x/client';
import { XApiError } from '@/lib/x/errors';
import { getPinnedLists, PINNED_LISTS_MOST } from '@/lib/x/lists';
import { withEmptyStore } from '../support/store';
import { capturing } from './capture';

/**
 * GET /2/users/:id/pinned_lists (getUsersPinnedLists) answers every pinned List at once: it takes no `max_results`
 * and X does not page it. X says only "There's a limit on how many Lists you can pin"
 * (x-api--lists--pinned-lists--quickstart--manage-pinned-lists; X's apps allow 5), so before only the 16 MB body bound
 * held it: an answer of 10⁵ Lists became 10⁵ stored List rows. An answer holding more than a page of X's other List
 * answers (100) is refused before anything of it is stored, and the Lists the store had stay as they were.
 */

const ADA = '2244994945';
const id = (n: number) => String(1_900_000_000_000_000_000n + BigInt(n));
const lists = (count: number) => Array.from({ length: count }, (_, n) => ({ id: id(n), name: `List ${n}` }));
const answer = (count: number) => ({ data: lists(count), meta: { result_count: count } });

describe('the pinned Lists answer', () => {
  it('is read up to 100 Lists', async () => {
    expect(PINNED_LISTS_MOST).toBe(100);
    expect((await getPinnedLists(capturing({ body: answer(100) }).client, ADA)).items).toHaveLength(100);
  });

  it('is refused as malformed past 100', async () => {
    const error = await getPinnedLists(capturing({ body: answer(101) }).client, ADA).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XApiError);
    expect((error as XApiError).kind).toBe('malformed');
  });
});

describe('the lists sync when X answers 10,000 pinned Lists', () => {
  withEmptyStore();

  it('says X’s answer could not be read, and leaves the stored Lists as they were', async () => {
    const birds = { accountId: ADA, id: id(0), name: 'Birds', owned: true, followed: false, pinned: true, member: false };
    await db().lists.put(birds);
    const fetch = vi.fn((input: RequestInfo | URL) => {
      const last = new URL(String(input)).pathname.split('/').pop();
      const body = last === 'pinned_lists' ? answer(10_000) : last === 'owned_lists' ? answer(1) : { meta: { result_count: 0 } };
      return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }));
    });
    const client = createXClient({ baseUrl: 'https://api.x.test', getAccessToken: () => Promise.resolve('t1'), fetch });
    const sync = new SyncService({ clientFor: () => Promise.resolve(client), defs: ACTIONS, now: () => Date.UTC(2030, 0, 15, 9) });

    const result = await sync.sync(ADA, 'lists');

    expect(actionErrorText(result.error)).toBe('X sent an answer Perch could not read. Nothing was changed.');
    expect(await db().lists.toArray()).toEqual([birds]);
  });
});
