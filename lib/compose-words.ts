import { MAX_POSTS_IN_THREAD } from './limits';

/**
 * Perch's own words about a draft and its media (a refused image, a post that cannot go out, X's processing of a
 * video), as the background answers them: a kind and the facts the sentence names, never the sentence. The screen
 * words them in its reader's language (lib/error-words.ts `composeWordsText`); X's own words travel beside them, as
 * X wrote them, and are shown as a quote from X. Plain code (no zod): the background and the screens both read it.
 */

/** Each kind of sentence, with the facts it names. */
export const COMPOSE_WORD_KINDS = [
  // A file the person gave that X would not take (its `name`; `count`: a video's length in seconds).
  'image-type',
  'image-too-big',
  'gif-too-big',
  'video-type',
  'video-too-big',
  'video-length',
  'media-empty',
  'not-whole',
  // X's processing of a GIF or video (`name`; `count`: the seconds Perch waited).
  'processing-timeout',
  'processing-failed',
  'processing-failed-no-reason',
  // A post that cannot go out (`post`: which post of a thread; `count`: characters over; `name`: the image).
  'nothing-to-post',
  'too-long',
  'bad-character',
  'video-alone',
  'gif-alone',
  'alt-empty',
  'alt-over',
  // X refused it (X's words, when it gave any, beside), or Perch cannot tell what X did.
  'alt-refused',
  'reply-refused',
  'edit-refused',
  'outcome-unknown',
  // The draft itself.
  'no-draft',
  'edit-one-post',
  'media-gone',
] as const;
export type ComposeWordsKind = (typeof COMPOSE_WORD_KINDS)[number];

export interface ComposeWords {
  kind: ComposeWordsKind;
  /** The file's name as the person's file has it (isolated when worded). */
  name?: string;
  /** Which post of a thread, from 1; absent for a draft of one post. */
  post?: number;
  /** The one number the sentence names: characters over, or seconds. */
  count?: number;
}

/** Bounds of what a reply may carry: the contract's own for a file name (`draft.attachImage`), a thread, X's words. */
const NAME_MAX = 300;
export const SAID_MAX = 2000;

const KINDS: ReadonlySet<string> = new Set(COMPOSE_WORD_KINDS);

/**
 * The words when `raw` is a {@link ComposeWords} within bounds (a known kind, a name of at most 300 characters, a
 * post 1 to 25, a finite count), with nothing else in it; undefined otherwise. The background answers only these,
 * and a screen words only these.
 */
export function composeWordsOf(raw: unknown): ComposeWords | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { kind, name, post, count, ...rest } = raw as Record<string, unknown>;
  if (Object.keys(rest).length || typeof kind !== 'string' || !KINDS.has(kind)) return undefined;
  if (name !== undefined && (typeof name !== 'string' || name.length > NAME_MAX)) return undefined;
  if (post !== undefined && (typeof post !== 'number' || !Number.isInteger(post) || post < 1 || post > MAX_POSTS_IN_THREAD))
    return undefined;
  if (count !== undefined && (typeof count !== 'number' || !Number.isFinite(count))) return undefined;
  return {
    kind: kind as ComposeWordsKind,
    ...(name !== undefined ? { name } : {}),
    ...(post !== undefined ? { post } : {}),
    ...(count !== undefined ? { count } : {}),
  };
}

/** X's own words when they are a string within bounds, else undefined. */
export function saidOf(raw: unknown): string | undefined {
  return typeof raw === 'string' && raw.trim() && raw.length <= SAID_MAX ? raw : undefined;
}
