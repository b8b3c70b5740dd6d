import { beforeEach, describe, expect, it } from 'vitest';
import { db, type DraftMediaRow } from '@/lib/db';
import { getDraft } from '@/lib/services/compose';
import { freshDb } from './support';

/**
 * A draft's picture stored in another shape (a store edited by hand, a write of another version) is read field by
 * field, as the draft itself is (lib/services/draft-row.ts): the composer opens on the draft and its picture, each
 * field that is not of its shape read as none, rather than failing to draw ("type.startsWith is not a function").
 */

const ADA = '1585841080431321088';
const KEY = `${ADA}|compose`;

beforeEach(freshDb);

describe('a stored draft picture of another shape', () => {
  it('opens with the draft, each field read as what it holds of its shape', async () => {
    await db().drafts.put({
      key: KEY,
      accountId: ADA,
      context: 'compose',
      posts: [{ text: 'Look at this', mediaIds: ['m1', 'm2'] }],
      publishedIds: [],
      state: 'editing',
      seq: 1,
      updatedAt: '2026-12-07T11:00:00.000Z',
    });
    const odd = { id: 'm1', draftKey: KEY, name: { html: '<b>' }, type: 7, size: 'big', alt: ['x'], durationSecs: 'long' };
    const good = { id: 'm2', draftKey: KEY, name: 'owl.png', type: 'image/png', size: 2048, alt: 'An owl' };
    await db().draftMedia.bulkPut([odd, good] as unknown as DraftMediaRow[]);
    const draft = await getDraft(ADA, 'compose');
    expect(draft?.posts[0]?.text).toBe('Look at this');
    expect(draft?.posts[0]?.media).toStrictEqual([
      { id: 'm1', name: '', type: '', size: 0 },
      { id: 'm2', name: 'owl.png', type: 'image/png', size: 2048, alt: 'An owl' },
    ]);
  });
});
