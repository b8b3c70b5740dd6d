/** Perch's store emptied for each test: no bookmarks, actions, drafts or images left from another test. */
import Dexie from 'dexie';
import { afterEach, beforeEach } from 'vitest';
import { resetDb } from '@/lib/db';

/** Closes Perch's store and deletes the 'perch' database; the next `db()` opens it empty, at the current version. */
export async function freshDb(): Promise<void> {
  resetDb();
  await Dexie.delete('perch');
}

/**
 * Registers the hooks: the store empty before each test, closed after it (so a test's open store cannot block the
 * next test's delete). Call once at the top of a file (or a `describe`).
 */
export function withEmptyStore(): void {
  beforeEach(freshDb);
  afterEach(() => resetDb());
}
