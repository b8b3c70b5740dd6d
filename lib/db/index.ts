import Dexie, { type Table } from 'dexie';

/**
 * Perch's local store. Only the background writes it; schema versions are append-only (never edit a
 * version that has shipped: add `this.version(n + 1)` with the change and an upgrade if data must move).
 */

/** One post of a draft (a thread has several). */
export interface DraftPost {
  text: string;
  /** Images attached to this post, by id in the `draftMedia` table, in order. */
  mediaIds: string[];
}

/** Where a draft was started: a plain post, a reply, a quote, or sharing a page. One draft per account and context. */
export type DraftContext = string;

export interface DraftRow {
  /** `${accountId}|${context}` */
  key: string;
  accountId: string;
  context: DraftContext;
  replyToId?: string;
  quoteId?: string;
  posts: DraftPost[];
  /** Ids X gave the posts already published from this draft, by index: a thread resumes after them. */
  publishedIds: string[];
  /**
   * 'editing' normally; 'unknown' when the connection dropped while X was publishing post `publishedIds.length`,
   * so nobody can tell whether it went out: Perch never re-sends it without the person saying so.
   */
  state: 'editing' | 'unknown';
  /** The last `seq` written: out-of-order saves from the same screen are ignored. */
  seq: number;
  updatedAt: string;
}

export interface DraftMediaRow {
  id: string;
  draftKey: string;
  name: string;
  type: string;
  size: number;
  blob: Blob;
}

export class PerchDb extends Dexie {
  drafts!: Table<DraftRow, string>;
  draftMedia!: Table<DraftMediaRow, string>;

  constructor(name = 'perch') {
    super(name);
    this.version(1).stores({
      drafts: 'key, accountId, updatedAt',
      draftMedia: 'id, draftKey',
    });
  }
}

let instance: PerchDb | undefined;

/** The store, opened on first use. */
export function db(): PerchDb {
  instance ??= new PerchDb();
  return instance;
}

/** Closes and forgets the store (tests). */
export function resetDb(): void {
  instance?.close();
  instance = undefined;
}
