/**
 * A List with more members than one page of X's answer holds, for tests of "Load more members". X's List members
 * lookup (openapi.json operationId getListsMembers, GET /2/lists/{id}/members) answers at most `max_results` members
 * a page, 1 to 100 (default 100), and a `next_token` while there are more (x-api--lists--list-members--integrate,
 * "Pagination"); Perch asks for 100 a page (lib/services/lookups.ts), and the emulator pages them as X does (lists.ts).
 * So 205 members are three pages: 100, 100 and the last 5.
 */
import { SNOWFLAKE_EPOCH_MS } from './http';
import { DEMO_USER_ID, SECOND_USER_ID } from './seed';
import type { EmulatorState } from './state';

export const LONG_LIST_NAME = 'Many readers 📜';
export const LONG_LIST_MEMBERS = 205;

/** The n-th member as X lists them (1 first: the most recently added), by name and @username. */
export const longListReader = (n: number) => ({
  name: `Reader ${String(n).padStart(3, '0')}`,
  username: `reader_${String(n).padStart(3, '0')}`,
});

/**
 * Adds LONG_LIST_MEMBERS accounts and a public List of Grace's with all of them as members, which `followerId` (Ada
 * unless told) follows; answers the List's id. X lists a List's members most recently added first, so the accounts are
 * added from the last to the first, and X shows "Reader 001" first.
 */
export function seedLongList(state: EmulatorState, followerId = DEMO_USER_ID): string {
  const now = state.now();
  const members: string[] = [];
  for (let n = LONG_LIST_MEMBERS; n >= 1; n--) {
    const at = now - 86_400_000 - n * 60_000;
    const id = state.nextId(Math.max(at, SNOWFLAKE_EPOCH_MS + 1));
    state.addUser({
      id,
      ...longListReader(n),
      created_at: new Date(at).toISOString(),
      description: 'Reads long threads.',
      profile_image_url: `/profile_images/${id}/avatar_normal.png`,
      verified: false,
      protected: false,
      public_metrics: { followers_count: n, following_count: 10, tweet_count: 20, listed_count: 1 },
    });
    members.push(id);
  }
  const id = state.nextId(now - 3_600_000);
  state.lists.set(id, {
    id,
    ownerId: SECOND_USER_ID,
    name: LONG_LIST_NAME,
    description: 'More members than one page of X’s answer.',
    private: false,
    createdAt: now - 3_600_000,
    members,
  });
  state.relationList(state.followedLists, followerId).push(id);
  return id;
}
