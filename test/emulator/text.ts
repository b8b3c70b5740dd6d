/**
 * Post text as X stores it, computed with the `twitter-text` package (the library fundamentals--counting-characters
 * points to), independently of the extension's own counter in lib/text:
 * - `weightedLength`: 280 weighted characters max (URLs 23, emoji and CJK 2, NFC first).
 * - `buildPostText`: URLs replaced by 23-character t.co links, a `pic.x.com` link appended for attached media,
 *   and `entities` (urls, mentions, hashtags, cashtags) with code-point indices into the stored text
 *   (x-api--fundamentals--data-dictionary, Post `entities`; start inclusive, end exclusive).
 * - `longPostText`: a long post (over 280 weighted characters) keeps its whole text in `note_tweet` and only its
 *   start in `text`.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { EmulatorState, MediaType, PostEntities } from './state';

interface TwitterTextEntity {
  indices: [number, number];
  url?: string;
  hashtag?: string;
  cashtag?: string;
  screenName?: string;
  listSlug?: string;
}
interface TwitterText {
  parseTweet(text: string): { weightedLength: number; valid: boolean };
  extractEntitiesWithIndices(text: string): TwitterTextEntity[];
  extractCashtags(text: string): string[];
}

// Loaded with require() so the emulator needs no ambient type declaration for the untyped CommonJS package.
const twitterText = createRequire(import.meta.url)('twitter-text') as TwitterText;

export const MAX_WEIGHTED_LENGTH = 280;

/**
 * The most a post weighs for an author whose X Premium subscription allows long posts. `subscription_type` is one of
 * Basic, Premium, PremiumPlus or None (openapi.json `User.subscription_type`, getUsersMe; data dictionary, User);
 * posts over 280 carry their whole text in `note_tweet` (data dictionary, Post). The tiers and the 25,000 are X's
 * outside the API docs (help.x.com, "About X Premium": every paid tier posts up to 25,000 characters).
 */
export const LONG_POST_MAX_WEIGHTED_LENGTH = 25_000;

/** The most a post by an author with this `subscription_type` weighs: 25,000 for a paid tier, else 280. */
export function maxWeightedLengthFor(subscriptionType: string | undefined): number {
  return subscriptionType === 'Basic' || subscriptionType === 'Premium' || subscriptionType === 'PremiumPlus'
    ? LONG_POST_MAX_WEIGHTED_LENGTH
    : MAX_WEIGHTED_LENGTH;
}

export function weightedLength(text: string): number {
  return twitterText.parseTweet(text).weightedLength;
}

export function cashtagCount(text: string): number {
  return twitterText.extractCashtags(text).length;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A deterministic 10-character t.co code (https://t.co/ + 10 = 23 characters, the weight of any URL). */
export function tcoCode(seed: string): string {
  const digest = createHash('sha256').update(seed).digest();
  let out = '';
  for (let i = 0; i < 10; i++) out += BASE62[digest[i]! % 62];
  return out;
}

function displayUrl(url: string): string {
  const bare = url.replace(/^https?:\/\//i, '');
  return bare.length > 26 ? `${bare.slice(0, 25)}…` : bare;
}

function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export interface BuiltText {
  text: string;
  entities: PostEntities;
  displayTextRange: [number, number];
}

/**
 * The stored text and entities of a new post `postId` by `username`. `media` (first attached media) adds the
 * trailing `https://t.co/…` link X appends, with `expanded_url` …/photo/1 or …/video/1 and the `media_key`.
 */
export function buildPostText(
  state: EmulatorState,
  postId: string,
  username: string,
  source: string,
  media?: { mediaKey: string; type: MediaType },
): BuiltText {
  const found = twitterText.extractEntitiesWithIndices(source).sort((a, b) => a.indices[0] - b.indices[0]);
  let text = '';
  let cursor = 0;
  const entities: Required<PostEntities> = { urls: [], mentions: [], hashtags: [], cashtags: [] };
  found.forEach((e, i) => {
    const [from, to] = e.indices;
    text += source.slice(cursor, from);
    cursor = to;
    const start = codePoints(text);
    if (e.url !== undefined) {
      const tco = `https://t.co/${tcoCode(`${postId}:${i}:${e.url}`)}`;
      text += tco;
      const expanded = /^https?:\/\//i.test(e.url) ? e.url : `http://${e.url}`;
      entities.urls.push({ start, end: start + codePoints(tco), url: tco, expanded_url: expanded, display_url: displayUrl(e.url) });
      return;
    }
    const raw = source.slice(from, to);
    text += raw;
    const end = start + codePoints(raw);
    if (e.screenName !== undefined && !e.listSlug) {
      const user = state.findUserByUsername(e.screenName);
      entities.mentions.push({ start, end, username: e.screenName, ...(user ? { id: user.id } : {}) });
    } else if (e.hashtag !== undefined) {
      entities.hashtags.push({ start, end, tag: e.hashtag });
    } else if (e.cashtag !== undefined) {
      entities.cashtags.push({ start, end, tag: e.cashtag });
    }
  });
  text += source.slice(cursor);
  const displayEnd = codePoints(text);
  if (media) {
    const code = tcoCode(`${postId}:media:${media.mediaKey}`);
    const tco = `https://t.co/${code}`;
    if (text.length > 0) text += ' ';
    const start = codePoints(text);
    text += tco;
    const kind = media.type === 'video' ? 'video' : 'photo';
    entities.urls.push({
      start,
      end: start + codePoints(tco),
      url: tco,
      expanded_url: `https://x.com/${username}/status/${postId}/${kind}/1`,
      display_url: `pic.x.com/${code}`,
      media_key: media.mediaKey,
    });
  }
  const out: PostEntities = {};
  for (const key of ['urls', 'mentions', 'hashtags', 'cashtags'] as const)
    if (entities[key].length) Object.assign(out, { [key]: entities[key] });
  return { text, entities: out, displayTextRange: [0, displayEnd] };
}

/** A rough language guess for `lang` (X detects it; the emulator only tells scripts apart). */
export function guessLang(text: string): string {
  const letters = text.replace(/https?:\/\/\S+|[@#$][\p{L}\p{N}_]+/gu, '');
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(letters)) return 'ja';
  if (/\p{Script=Hangul}/u.test(letters)) return 'ko';
  if (/\p{Script=Han}/u.test(letters)) return 'zh';
  if (/\p{L}/u.test(letters)) return 'en';
  return 'zxx';
}

/** The stored form of a long post: `text` and its entities hold only the start, `note` the whole post. */
export interface LongText extends BuiltText {
  note: { text: string; entities: PostEntities };
}

/**
 * A long post as X serves it (x-api--fundamentals--data-dictionary, Post fields: `note_tweet` "Contains the full
 * text of a Post for long-form Posts (>280 characters)"; `display_text_range` "which portion of text is displayed
 * by default for long posts"). The description's `Tweet.note_tweet` is `{text, entities}`; its `TweetText`
 * example shows what `text` holds instead: the start of the post, cut between words, then `…` and a t.co link to
 * the post itself ("…explore Tweet\u2026 https://t.co/56a0vZUx7i"), within 280 weighted characters. `entities`
 * keep what lies in that start, plus the self link (expanded to x.com/i/web/status/<id>); `note.entities` index
 * the whole text. (X has also been seen cutting at a word near 270 characters without the link — Perch reads
 * `note_tweet` and never depends on either form.)
 */
export function longPostText(postId: string, built: BuiltText): LongText {
  const full = built.text;
  const selfUrl = `https://t.co/${tcoCode(`${postId}:note`)}`;
  const tail = `\u2026 ${selfUrl}`;
  // The last break between words where the start, the ellipsis and the link still fit in 280.
  let cut = 0;
  for (const m of full.matchAll(/\s+/g)) {
    const head = full.slice(0, m.index).trimEnd();
    if (weightedLength(head + tail) > MAX_WEIGHTED_LENGTH) break;
    cut = m.index;
  }
  const head = full.slice(0, cut).trimEnd() || [...full].slice(0, 200).join('');
  const headEnd = codePoints(head);
  const start = headEnd + 2;
  const entities: PostEntities = {};
  for (const key of ['urls', 'mentions', 'hashtags', 'cashtags'] as const) {
    const kept = (built.entities[key] ?? []).filter((e) => e.end <= headEnd);
    if (kept.length) Object.assign(entities, { [key]: structuredClone(kept) });
  }
  const self = {
    start,
    end: start + codePoints(selfUrl),
    url: selfUrl,
    expanded_url: `https://x.com/i/web/status/${postId}`,
    display_url: displayUrl(`https://x.com/i/web/status/${postId}`),
  };
  entities.urls = [...(entities.urls ?? []), self];
  return {
    text: head + tail,
    entities,
    displayTextRange: [0, headEnd + 1],
    note: { text: full, entities: structuredClone(built.entities) },
  };
}
