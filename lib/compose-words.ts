import { MAX_POSTS_IN_THREAD } from './limits';

/**
 * Perch's own words about a draft and its media (a refused image, a post that cannot go out, X's processing of a
 * video), as the background answers them: a kind and the facts the sentence names, never the sentence. The screen
 * words them in its reader's language (lib/error-words.ts `composeWordsText`); X's own words travel beside them, as
 * X wrote them, and are shown as a quote from X. Plain code (no zod): the background and the screens both read it.
 */

/**
 * Each kind of sentence, with the facts it names, declared once: `file` for a sentence that names the person's file
 * (without its `name` it would say “” where the name goes), `count` for one that names a number (characters over: a
 * whole number, at least 1; or seconds: at least 0). The kinds' type, and every check below, are read from it (and
 * the guard that every kind goes to a screen as words: test/unit/locales/background-words-replies.test.ts).
 */
export const FACTS_OF = {
  // A file the person gave that X would not take (its `name`; `count`: a video's length in seconds).
  'image-type': { file: true },
  'image-too-big': { file: true },
  'gif-too-big': { file: true },
  'video-type': { file: true },
  'video-too-big': { file: true },
  'video-length': { file: true, count: 'seconds' },
  'media-empty': { file: true },
  'not-whole': { file: true },
  // X's processing of a GIF or video (`name`; `count`: the seconds Perch waited, or for 'processing-wait-long', when X
  // asked to be checked on later than Perch waits, the seconds Perch waits in all).
  'processing-timeout': { file: true, count: 'seconds' },
  'processing-wait-long': { file: true, count: 'seconds' },
  'processing-failed': { file: true },
  'processing-failed-no-reason': { file: true },
  // A post that cannot go out (`post`: which post of a thread; `count`: characters over; `name`: the image).
  'nothing-to-post': {},
  'too-long': { count: 'characters' },
  'bad-character': {},
  'video-alone': {},
  'gif-alone': {},
  // A quote post carrying media: X takes `media` or `quote_tweet_id`, never both (createPosts, TweetCreateRequest.media).
  'quote-media': {},
  'alt-empty': { file: true },
  'alt-over': { file: true, count: 'characters' },
  // X refused it (X's words, when it gave any, beside), or Perch cannot tell what X did.
  'alt-refused': { file: true },
  'reply-refused': {},
  'edit-refused': {},
  'outcome-unknown': {},
  // The draft itself.
  'no-draft': {},
  'edit-one-post': {},
  'media-gone': {},
  // A post X said nothing of editing: not the person's, or X sent no `edit_controls` (lib/services/post-edit.ts).
  'edit-unknown': {},
} as const satisfies Record<string, { file?: true; count?: 'characters' | 'seconds' }>;

/** Each kind of sentence (see {@link FACTS_OF}). */
export type ComposeWordsKind = keyof typeof FACTS_OF;

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

/** The facts the kind's sentence names, for a known kind; undefined for any other string. */
const factsOf = (kind: string): { file?: true; count?: 'characters' | 'seconds' } | undefined =>
  Object.hasOwn(FACTS_OF, kind) ? FACTS_OF[kind as ComposeWordsKind] : undefined;

/** Whether `count` is one the kind's sentence can say: present when it names one, and a number it can name. */
function countFits(says: 'characters' | 'seconds' | undefined, count: unknown): boolean {
  if (count === undefined) return says === undefined;
  if (typeof count !== 'number' || !Number.isFinite(count) || count < 0) return false;
  return says !== 'characters' || (Number.isInteger(count) && count >= 1);
}

/**
 * The words when `raw` is a {@link ComposeWords} within bounds, with nothing else in it; undefined otherwise. Within
 * bounds: a known kind; a name of at most 300 characters, present for a kind that names a file; a post 1 to 25, and 2
 * or later for a refused reply (the post before it is on X); a count of 0 or more, present for a kind that says one,
 * and a whole number of characters over. The background answers only these, and a screen words only these.
 */
export function composeWordsOf(raw: unknown): ComposeWords | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { kind, name, post, count, ...rest } = raw as Record<string, unknown>;
  const facts = typeof kind === 'string' ? factsOf(kind) : undefined;
  if (Object.keys(rest).length || !facts) return undefined;
  if (name === undefined ? facts.file === true : typeof name !== 'string' || name.length > NAME_MAX) return undefined;
  if (!countFits(facts.count, count)) return undefined;
  if (post !== undefined && (typeof post !== 'number' || !Number.isInteger(post) || post < 1 || post > MAX_POSTS_IN_THREAD))
    return undefined;
  if (kind === 'reply-refused' && (post === undefined || post < 2)) return undefined;
  return {
    kind: kind as ComposeWordsKind,
    ...(typeof name === 'string' ? { name } : {}),
    ...(post !== undefined ? { post } : {}),
    ...(typeof count === 'number' ? { count } : {}),
  };
}

/**
 * X's own words when they are a string with something in it, else undefined. Words longer than {@link SAID_MAX}
 * UTF-16 units are shortened, not dropped, so the person still reads X's reason: the first ones that fit, cut between
 * two code points (never inside a surrogate pair), ending with “…”.
 */
export function saidOf(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || !raw.trim()) return undefined;
  if (raw.length <= SAID_MAX) return raw;
  let cut = SAID_MAX - 1;
  const last = raw.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return `${raw.slice(0, cut)}…`;
}
