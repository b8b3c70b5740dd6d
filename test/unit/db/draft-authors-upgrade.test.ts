import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, SCHEMA_V6_CHANGES, LIST_MEMBERS_V4, SCHEMA_V1, SCHEMA_V5_TABLES } from '@/lib/db';
import { draftContextText } from '@/components/manager/drafts/draft-words';
import { readDrafts } from '@/lib/services/drafts';
import { freshDb } from '../services/support';

/**
 * Version 7: a reply or quote draft carries its post's author, so the Drafts tab reads no table a sync writes. The
 * drafts a Perch before it kept get the author its store had seen for their post, and lose nothing else.
 */

const ME = '1';
const GRACE = '2';
const SEEN = '2026-01-01T00:00:00.000Z';

const draft = (context: string, extra: Record<string, unknown> = {}) => ({
  key: `${ME}|${context}`,
  accountId: ME,
  context,
  posts: [{ text: `text of ${context}`, mediaIds: [] }],
  publishedIds: [],
  state: 'editing',
  seq: 3,
  updatedAt: SEEN,
  ...extra,
});

const DAMAGED = { key: `${ME}|reply:12`, accountId: ME, context: 'reply:12', posts: 'not a list' };

/** The rows a version 6 store kept: Grace's post 10, a reply to it, a quote of a post never seen, a damaged draft. */
const KEPT = [draft('reply:10', { replyToId: '10' }), draft('quote:11', { quoteId: '11' }), draft('compose'), DAMAGED];

async function storeAtVersion6(): Promise<void> {
  const old = new Dexie('perch');
  old.version(6).stores({ ...SCHEMA_V1, listMembers: LIST_MEMBERS_V4, ...SCHEMA_V5_TABLES, ...SCHEMA_V6_CHANGES });
  await old.open();
  await old.table('users').put({ accountId: ME, id: GRACE, name: 'Grace', username: 'gracehop', seenAt: SEEN });
  await old.table('posts').bulkPut([
    { accountId: ME, id: '10', authorId: GRACE, text: 'COBOL', urls: [], mediaCount: 0, seenAt: SEEN },
    { accountId: ME, id: '12', authorId: GRACE, text: 'Ships', urls: [], mediaCount: 0, seenAt: SEEN },
  ]);
  await old.table('drafts').bulkPut(KEPT);
  old.close();
}

beforeEach(freshDb);

describe('a store kept before drafts carried their post’s author', () => {
  it('gives each reply and quote draft the author its store had seen, and keeps every draft', async () => {
    await storeAtVersion6();

    const drafts = await db().drafts.orderBy('key').toArray();
    expect(drafts).toEqual([
      draft('compose'),
      // Its post was never seen: no author to give it, and nothing else changes.
      draft('quote:11', { quoteId: '11' }),
      draft('reply:10', { replyToId: '10', authorUsername: 'gracehop' }),
      { ...DAMAGED, authorUsername: 'gracehop' },
    ]);
    const listed = (await readDrafts(ME)).drafts.map(draftContextText).sort();
    expect(listed).toEqual(['New post', 'Quote of a post', 'Reply to @gracehop', 'Reply to @gracehop']);
  });
});
