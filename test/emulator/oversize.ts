/**
 * Oversize rows for layout tests (`POST /__emulator/oversize`): names, texts and links as long as X allows or longer,
 * words with no spaces, CJK and emoji. X's own limits: a display name ≤ 50 characters, an @username ≤ 15, a List's
 * name ≤ 25 and its description ≤ 100, a post ≤ 280 weighted; but X's odd data or rows from another version can be
 * longer, so the bio here is one 160-character word and one name is longer than 50.
 */
import { insertPost } from './posts';
import { SECOND_USER_ID } from './seed';
import type { EmulatorState, UserRecord } from './state';

export const OVERSIZE_LATIN_ID = '1790000000000000001';
export const OVERSIZE_CJK_ID = '1790000000000000002';

/** 50 characters with no spaces: as long as X lets a display name be. */
export const OVERSIZE_LATIN_NAME = 'Maximiliana'.repeat(5).slice(0, 50);
/** 15 characters: as long as X lets an @username be. */
export const OVERSIZE_LATIN_USERNAME = 'abcdefghijklmno';
/** CJK and emoji with no spaces, longer than 50 (as from another version or X's odd data). */
export const OVERSIZE_CJK_NAME = `${'長い名前の東京アカウント'.repeat(5)}🦜🦜🦜🌸🌸🌸`;
export const OVERSIZE_CJK_USERNAME = 'tokyo_longname1';
/** A bio of one 160-character word. */
export const OVERSIZE_BIO = 'Supercalifragilistic'.repeat(8);
/** A post of one 280-character word. */
export const OVERSIZE_WORD = 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(7).slice(0, 280);
/** A 200-character URL. */
export const OVERSIZE_URL = `https://example.com/${'a-very-long-path-segment/'.repeat(8)}`.padEnd(200, 'x');
/** A List name of 25 characters with no spaces, and a description of 100 with none either. */
export const OVERSIZE_LIST_NAME = 'Computationalcomplexities';
export const OVERSIZE_LIST_DESCRIPTION = 'Nondeterministicpolynomialtime'.repeat(4).slice(0, 100);
/** A List name in CJK and emoji, 25 characters with no spaces. */
export const OVERSIZE_CJK_LIST_NAME = `${'東京の長いリスト名前'.repeat(2)}🦜🌸🦜🌸🦜`;

export interface OversizeSeed {
  users: { latin: string; cjk: string };
  posts: { word: string; url: string; cjk: string };
  lists: { latin: string; cjk: string };
}

function user(id: string, name: string, username: string, description: string): UserRecord {
  return {
    id,
    name,
    username,
    created_at: '2020-02-02T02:02:02.000Z',
    description,
    profile_image_url: `/profile_images/${id}/avatar_normal.png`,
    verified: false,
    protected: false,
    public_metrics: { followers_count: 12, following_count: 34, tweet_count: 3, listed_count: 1 },
  };
}

/**
 * Adds two oversize accounts (Latin and CJK), three of their posts (one 280-character word; a 200-character link; CJK),
 * bookmarked by `userId` newest of all, two Lists `userId` owns with both accounts as members, and mutes the Latin
 * account and blocks the CJK one for `userId`. Idempotent for the accounts and Lists.
 */
export function seedOversize(state: EmulatorState, userId: string): OversizeSeed {
  if (!state.users.has(OVERSIZE_LATIN_ID)) {
    state.addUser(user(OVERSIZE_LATIN_ID, OVERSIZE_LATIN_NAME, OVERSIZE_LATIN_USERNAME, OVERSIZE_BIO));
    state.addUser(user(OVERSIZE_CJK_ID, OVERSIZE_CJK_NAME, OVERSIZE_CJK_USERNAME, `${'東京'.repeat(60)}🦜`));
  }
  const now = state.now();
  const word = insertPost(state, { authorId: OVERSIZE_LATIN_ID, text: OVERSIZE_WORD, createdAt: now - 3000 });
  const url = insertPost(state, { authorId: OVERSIZE_LATIN_ID, text: `Read ${OVERSIZE_URL}`, createdAt: now - 2000 });
  const cjk = insertPost(state, { authorId: OVERSIZE_CJK_ID, text: '東京'.repeat(70), createdAt: now - 1000 });
  const bookmarks = state.bookmarksOf(userId);
  [word, url, cjk].forEach((p, i) => bookmarks.set(p.id, now - 3 + i));
  const list = (name: string, description: string, at: number) => {
    const found = [...state.lists.values()].find((l) => l.ownerId === userId && l.name === name);
    if (found) return found.id;
    const id = state.nextId(at);
    state.lists.set(id, {
      id,
      ownerId: userId,
      name,
      description,
      private: false,
      createdAt: at,
      members: [OVERSIZE_LATIN_ID, OVERSIZE_CJK_ID, SECOND_USER_ID],
    });
    return id;
  };
  const latinList = list(OVERSIZE_LIST_NAME, OVERSIZE_LIST_DESCRIPTION, now - 5000);
  const cjkList = list(OVERSIZE_CJK_LIST_NAME, `${'東京'.repeat(49)}🦜`, now - 4000);
  state.relation(state.muting, userId).add(OVERSIZE_LATIN_ID);
  state.relation(state.blocking, userId).add(OVERSIZE_CJK_ID);
  return {
    users: { latin: OVERSIZE_LATIN_ID, cjk: OVERSIZE_CJK_ID },
    posts: { word: word.id, url: url.id, cjk: cjk.id },
    lists: { latin: latinList, cjk: cjkList },
  };
}
