import { beforeEach, describe, expect, it } from 'vitest';
import { importBookmarks } from '@/lib/bookmarks/import';
import { deleteTag, organiseBookmark, renameTag } from '@/lib/bookmarks/notes';
import { db } from '@/lib/db';
import { freshDb } from '../services/support';

/**
 * A stored note row of another shape (another version's, a write cut off, a store edited by hand) is read field by
 * field (lib/db/row-fields.ts `readNote`), as the Bookmarks tab draws it: its tags that are not a list of texts read
 * as none. Before, one such row stopped the person tagging any bookmark and every import ("tags is not iterable").
 */

const ADA = '1585841080431321088';
const NOW = Date.parse('2026-12-01T10:00:00.000Z');
const putOdd = (row: Record<string, unknown>) =>
  db().bookmarkNotes.put({ accountId: ADA, postId: '1', note: 'kept', read: false, updatedAt: '', ...row } as never);
const tagsOf = async (postId: string) => (await db().bookmarkNotes.get([ADA, postId]))?.tags;
const exported = (id: string, tags: string[]) => JSON.stringify({ exportedAt: '2026-12-01', bookmarks: [{ id, tags }] });

beforeEach(freshDb);

describe.each([
  ['missing', {}],
  ['a number', { tags: 7 }],
  ['null', { tags: null }],
  ['a text', { tags: 'rust' }],
])('beside a note row whose tags are %s', (_case, odd) => {
  beforeEach(() => putOdd(odd));

  it('another bookmark can still be tagged', async () => {
    await organiseBookmark({ accountId: ADA, postId: '2', tags: ['go'] }, NOW);
    expect(await tagsOf('2')).toEqual(['go']);
  });

  it('that bookmark itself can be tagged, keeping its note', async () => {
    await organiseBookmark({ accountId: ADA, postId: '1', tags: ['go'] }, NOW);
    expect(await db().bookmarkNotes.get([ADA, '1'])).toMatchObject({ tags: ['go'], note: 'kept' });
  });

  it('an import restores another bookmark', async () => {
    await expect(importBookmarks(ADA, exported('2', ['go']), NOW)).resolves.toMatchObject({ notOnX: 1 });
    expect(await tagsOf('2')).toEqual(['go']);
  });

  it('an import onto that bookmark gives it the file’s tags, never one a letter', async () => {
    await importBookmarks(ADA, exported('1', ['go']), NOW);
    expect(await tagsOf('1')).toEqual(['go']);
  });
});

describe('a note row whose tags are a text', () => {
  beforeEach(() => putOdd({ tags: 'rust' }));

  it('does not stop a tag being renamed', async () => {
    await organiseBookmark({ accountId: ADA, postId: '2', tags: ['rust'] }, NOW);
    await renameTag(ADA, 'rust', 'go', NOW);
    expect(await tagsOf('2')).toEqual(['go']);
  });

  it('does not stop a tag being deleted', async () => {
    await organiseBookmark({ accountId: ADA, postId: '2', tags: ['rust', 'go'] }, NOW);
    await deleteTag(ADA, 'rust', NOW);
    expect(await tagsOf('2')).toEqual(['go']);
  });
});
