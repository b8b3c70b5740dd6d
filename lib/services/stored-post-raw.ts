import { ACTIONS_BY_POST, ACTIONS_BY_USER, type ActionRow, type PostRow } from '../db';
import { ACTIONS_LOOKED_AT, type PostStateRows } from './post-state';

/**
 * The popup's first read of a post from the store (issue 13, "Speed"): the rows `storedPost` (./post-state.ts) reads
 * through Dexie, read here with IndexedDB itself, from the database Dexie opened, in one read-only transaction. Dexie
 * costs about 1 ms a read on the worker's one thread; IndexedDB gives the same rows, as Dexie stored them, in two
 * round trips: first the post and what its id alone names, then what its author's id names. The caller makes the
 * state from these rows with the same code as from Dexie's, so the answer is the same; anything unexpected (a key
 * IndexedDB refuses, a closed database) rejects, and the caller reads through Dexie instead.
 */

/** The tables read, by the names Dexie gave their object stores. */
const STORES = ['posts', 'users', 'engagements', 'bookmarks', 'syncState', 'following', 'muted', 'blocked', 'actions'];

export function readPostRaw(idb: IDBDatabase, accountId: string, postId: string): Promise<{ post: PostRow | undefined } & PostStateRows> {
  return new Promise((resolve, reject) => {
    const tx = idb.transaction(STORES, 'readonly');
    let waiting = 0;
    const fail = (error: unknown) => {
      reject(error instanceof Error || error instanceof DOMException ? error : new Error('the store could not be read'));
      try {
        tx.abort();
      } catch {
        // already finished
      }
    };
    tx.onabort = () => fail(tx.error);
    /** Asks one thing; `then` runs with its answer, and the read resolves once nothing is waiting. */
    const ask = <T>(request: IDBRequest, then: (value: T) => void) => {
      waiting++;
      request.onsuccess = () => {
        try {
          then(request.result as T);
        } catch (error) {
          fail(error);
          return;
        }
        if (--waiting === 0) done();
      };
    };
    const key = (id: unknown) => [accountId, id] as IDBValidKey;
    const get = <T>(store: string, id: unknown, then: (value: T | undefined) => void) =>
      ask<T | undefined>(tx.objectStore(store).get(key(id)), then);
    // The account's newest `ACTIONS_LOOKED_AT` actions on this id through the post and person indexes, newest first
    // (`seq` order, as Dexie's `reverse().limit()`): a cursor that stops there, however long the history.
    const actions = (id: string, then: (found: ActionRow[][]) => void) => {
      const found: ActionRow[][] = [[], []];
      [ACTIONS_BY_POST, ACTIONS_BY_USER].forEach((name, i) => {
        waiting++;
        const rows = found[i]!;
        const request = tx
          .objectStore('actions')
          .index(name)
          .openCursor(IDBKeyRange.only(key(id)), 'prev');
        request.onsuccess = () => {
          const cursor = request.result;
          if (cursor && rows.length < ACTIONS_LOOKED_AT) {
            rows.push(cursor.value as ActionRow);
            cursor.continue();
          } else if (--waiting === 0) done();
        };
      });
      then(found);
    };

    const rows = {} as { post: PostRow | undefined } & PostStateRows;
    let postActions: ActionRow[][] = [];
    let authorActions: ActionRow[][] | undefined;
    const relation: [unknown, unknown, unknown] = [undefined, undefined, undefined];
    const done = () => {
      const authorRow = rows.authorRow;
      resolve({
        ...rows,
        relation: authorRow ? (relation as PostStateRows['relation']) : undefined,
        actions: [...postActions, ...(authorRow && authorActions ? authorActions : [])],
      });
    };
    try {
      get<PostRow>('posts', postId, (post) => {
        rows.post = post;
        const authorId = post?.authorId;
        if (!authorId) {
          rows.authorRow = undefined;
          return;
        }
        // What the author's id names is asked at once; the relation and their actions count only when their row is there.
        get<PostStateRows['authorRow']>('users', authorId, (row) => (rows.authorRow = row));
        (['following', 'muted', 'blocked'] as const).forEach((store, i) => get(store, authorId, (row) => (relation[i] = row)));
        actions(authorId, (found) => (authorActions = found));
      });
      actions(postId, (found) => (postActions = found));
      get<PostStateRows['engagement']>('engagements', postId, (row) => (rows.engagement = row));
      get<PostStateRows['bookmark']>('bookmarks', postId, (row) => (rows.bookmark = row));
      get<PostStateRows['sync']>('syncState', 'bookmarks', (row) => (rows.sync = row));
    } catch (error) {
      fail(error);
    }
  });
}
