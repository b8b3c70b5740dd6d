import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { postContext, profileContext } from '@/lib/services/tab-context';
import { createXClient } from '@/lib/x/client';
import { freshDb } from './support';

/**
 * The popup on a post or a profile whose stored row carries a date that reads as no time (another version's row, a
 * write cut off, a store edited by hand). Before, reading that date threw ("Invalid time value") before X was asked:
 * the popup said "Something went wrong" on that post or profile every time, for as long as the row stayed. Now such a
 * row is read again from X, and the popup shows what X says.
 */

const ADA = '2244994945';
const GRACE = '1585841080431321088';
const POST = '1880000000000000001';
const NOW = Date.UTC(2030, 0, 15, 12);
const GRACE_ON_X = { id: GRACE, name: 'Grace Hopper', username: 'grace', connection_status: [] };

/** X answering a lookup of POST, by Grace, and of @grace. */
const x = createXClient({
  baseUrl: 'https://api.x.test',
  getAccessToken: () => Promise.resolve('t1'),
  fetch: (input) => {
    const path = new URL(String(input)).pathname;
    const body =
      path === '/2/tweets'
        ? { data: [{ id: POST, text: 'Fresh from X', author_id: GRACE }], includes: { users: [GRACE_ON_X] } }
        : { data: GRACE_ON_X };
    return Promise.resolve(new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }));
  },
});

beforeEach(freshDb);

describe('the popup over a stored date that reads as no time', () => {
  it.each(['yesterday', '2030-13-45T99:00:00Z', ''])('shows the post as X has it now (seen “%s”)', async (seenAt) => {
    await db().posts.put({ accountId: ADA, id: POST, text: 'Kept', urls: [], mediaCount: 0, authorId: GRACE, seenAt });
    const ctx = await postContext(() => Promise.resolve(x), ADA, POST, NOW);
    expect(ctx.error).toBeUndefined();
    expect(ctx.post?.text).toBe('Fresh from X');
    expect(ctx.author?.username).toBe('grace');
  });

  it('shows the profile as X has it now (its relation seen “never”)', async () => {
    const seenAt = new Date(NOW).toISOString();
    await db().users.put({ accountId: ADA, id: GRACE, name: 'Grace', username: 'grace', seenAt, relationSeenAt: 'never' });
    const ctx = await profileContext(() => Promise.resolve(x), ADA, 'grace', NOW);
    expect(ctx.error).toBeUndefined();
    expect(ctx.user?.name).toBe('Grace Hopper');
  });
});
