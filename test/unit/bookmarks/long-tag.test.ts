import { beforeEach, describe, expect, it } from 'vitest';
import { errorText } from '@/components/error-text';
import { createHandlers } from '@/entrypoints/background/handlers';
import type { Services } from '@/entrypoints/background/services';
import { db } from '@/lib/db';
import { handle, type Reply } from '@/lib/message-contract';
import { freshDb } from '../services/support';

/**
 * A tag typed far past a tag's 32 characters is refused in the words of a tag that is not one, naming it (cut), as a
 * short bad tag is: not as a request Perch did not understand (the contract's bound refused it before).
 */

const ADA = '1585841080431321088';
const handlers = createHandlers({} as Services);
const worded = (reply: Reply<unknown>): string => (reply.ok ? '' : errorText(reply.error));
const LONG = 'a'.repeat(150);

beforeEach(async () => {
  await freshDb();
  await db().posts.put({ accountId: ADA, id: '100', text: 'hello', authorId: '7', urls: [], mediaCount: 0, seenAt: '' });
});

describe('a tag of 150 characters', () => {
  it.each([
    ['given to a bookmark', { type: 'bookmark.organise', accountId: ADA, postId: '100', tags: [LONG] }],
    ['as a rename’s new name', { type: 'tag.rename', accountId: ADA, from: 'rust', to: LONG }],
  ])('is refused as not a tag when %s', async (_case, message) => {
    const said = worded(await handle(handlers, message));
    expect(said).toContain('is not a tag: a tag has 1 to 32 letters, digits, _ or -.');
    expect(said).toContain('aaaa');
    expect(said).not.toContain('did not understand');
    expect(await db().bookmarkNotes.count()).toBe(0);
  });
});
