import { beforeEach, describe, expect, it } from 'vitest';
import { emptyText } from '@/components/manager/EmptyState';
import { db } from '@/lib/db';
import { freshDb } from '../services/support';

const ME = '1585841080431321088';
const KINDS = ['bookmarks', 'lists', 'muted', 'blocked'] as const;

beforeEach(freshDb);

/** What an empty tab says for the sync state stored for it. */
async function saysFor(kind: (typeof KINDS)[number]): Promise<string> {
  return emptyText(kind, await db().syncState.get([ME, kind]));
}

describe('an empty tab agrees with its sync line', () => {
  it('asks for Sync now only when the collection was never synced', async () => {
    for (const kind of KINDS) expect(await saysFor(kind)).toContain('Press Sync now');
  });

  it('says X is being read, not "press Sync now", while a sync runs (even after an earlier one)', async () => {
    for (const kind of KINDS) {
      await db().syncState.put({ accountId: ME, collection: kind, running: true, progress: { pages: 8, items: 800 } });
      expect(await saysFor(kind)).toMatch(/^Reading your .* from X…/);
      await db().syncState.put({ accountId: ME, collection: kind, running: true, lastSyncedAt: '2026-12-01T10:00:00Z' });
      expect(await saysFor(kind)).not.toContain('Sync now');
    }
  });

  it('says the account has none on X once a sync finished and found none', async () => {
    for (const kind of KINDS) await db().syncState.put({ accountId: ME, collection: kind, lastSyncedAt: '2026-12-01T10:00:00Z' });
    expect(await saysFor('bookmarks')).toBe('You have no bookmarks on X.');
    expect(await saysFor('lists')).toBe('You have no lists on X. Press New list to create one.');
    expect(await saysFor('muted')).toBe('You have muted no one on X.');
    expect(await saysFor('blocked')).toBe('You have blocked no one on X.');
  });

  it('reads each account’s own sync state', async () => {
    await db().syncState.put({ accountId: '2', collection: 'bookmarks', lastSyncedAt: '2026-12-01T10:00:00Z' });
    expect(await saysFor('bookmarks')).toContain('Press Sync now');
  });
});
