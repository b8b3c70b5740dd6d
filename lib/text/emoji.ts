// Emoji recognition for the weighted counter: every emoji counts as one unit of weight 2, however
// many code points it has.
//
// What counts as one emoji (the longest match at a position):
// - any RGI emoji of the runtime's own Unicode data (`\p{RGI_Emoji}`, so Emoji 12–17 sequences
//   such as 🫠 🐦‍🔥 🙂‍↕️ 🧑🏽‍💻 🏳️‍⚧️ count 2 without a data update here), and
// - the few non-RGI forms twitter-text's emoji parser (twemoji-parser 11) also counts as one:
//   keycaps without U+FE0F ("1⃣"), emoji-presentation characters followed by U+FE0F ("⌚️"),
//   U+FE0F between a modifier base and a skin tone ("✌️🏻"), "⛷🏻", "🕴🏻‍♀️" and "👁‍🗨".
//
// Single code points twemoji-parser counts but RGI does not (bare text-style symbols like "❤",
// lone regional indicators or U+FE0F) are left out on purpose: their default weight is already 2,
// so counting them as an emoji changes nothing. Text-style symbols in the weight-1 ranges ("©",
// "®", digits, "#", "*") are an emoji only with U+FE0F, as in twitter-text.
//
// A `\p{RGI_Emoji}` regex alone is far too slow here (V8 tries thousands of alternatives: ~20 µs
// to match one 😀), so sequences are parsed structurally with per-code-point properties, and only
// multi-code-point candidates (ZWJ, flag and tag sequences) are confirmed against the
// runtime's `\p{RGI_Emoji_*_Sequence}` sets, memoised per distinct sequence. The structural rules
// (a single code point is RGI iff Emoji_Presentation and not a regional indicator; "X U+FE0F" iff
// Emoji but not Emoji_Presentation, keycap bases aside) are checked against `\p{RGI_Emoji}` for
// every code point by test/unit/text/emoji.test.ts. Compiling those sets costs ~30 ms once per
// session (see prepareCounter). A runtime without `v`-flag regexes accepts every structurally
// well-formed ZWJ, flag or tag sequence instead of failing.

const ZWJ = 0x200d;
const VS16 = 0xfe0f;
const KEYCAP = 0x20e3;

const IS_EMOJI = 1;
const IS_PRESENTATION = 2;
const IS_MODIFIER_BASE = 4;
const COMPUTED = 8;

/** Lazily computed properties of BMP code points and of plane 1 (where all astral emoji live). */
const bmpProps = new Uint8Array(0x10000);
const plane1Props = new Uint8Array(0x10000);

let propertyRegexes: { emoji: RegExp; presentation: RegExp; base: RegExp } | null | undefined;

function compileProperties(): typeof propertyRegexes {
  try {
    return {
      emoji: new RegExp('\\p{Emoji}', 'u'),
      presentation: new RegExp('\\p{Emoji_Presentation}', 'u'),
      base: new RegExp('\\p{Emoji_Modifier_Base}', 'u'),
    };
  } catch {
    return null;
  }
}

function props(cp: number): number {
  let table: Uint8Array;
  let index: number;
  if (cp < 0x10000) {
    table = bmpProps;
    index = cp;
  } else if (cp < 0x20000) {
    table = plane1Props;
    index = cp - 0x10000;
  } else {
    return 0; // no emoji outside the BMP and plane 1 (asserted by a unit test)
  }
  const known = table[index] as number;
  if (known) return known;
  if (propertyRegexes === undefined) propertyRegexes = compileProperties();
  let flags = COMPUTED;
  if (propertyRegexes) {
    const ch = String.fromCodePoint(cp);
    if (propertyRegexes.emoji.test(ch)) flags |= IS_EMOJI;
    if (propertyRegexes.presentation.test(ch)) flags |= IS_PRESENTATION;
    if (propertyRegexes.base.test(ch)) flags |= IS_MODIFIER_BASE;
  }
  table[index] = flags;
  return flags;
}

// --- Membership in the runtime's RGI sequence sets, memoised -------------------------------------

type SetName = 'RGI_Emoji_ZWJ_Sequence' | 'RGI_Emoji_Flag_Sequence' | 'RGI_Emoji_Tag_Sequence' | 'RGI_Emoji_Modifier_Sequence';

interface RgiSet {
  regex: RegExp | null | undefined;
  memo: Map<string, boolean>;
}

const rgiSets = new Map<SetName, RgiSet>();
const MEMO_LIMIT = 1000;

/** Whether `sequence` is in the runtime's `\p{name}` set (memoised; true without `v` support). */
function inRgiSet(name: SetName, sequence: string): boolean {
  let set = rgiSets.get(name);
  if (!set) {
    set = { regex: undefined, memo: new Map() };
    rgiSets.set(name, set);
  }
  const memo = set.memo.get(sequence);
  if (memo !== undefined) return memo;
  if (set.regex === undefined) {
    try {
      set.regex = new RegExp(`^\\p{${name}}$`, 'v');
    } catch {
      set.regex = null; // runtime without `v`-flag support: trust the structural parse
    }
  }
  const result = set.regex ? set.regex.test(sequence) : true;
  if (set.memo.size >= MEMO_LIMIT) set.memo.clear();
  set.memo.set(sequence, result);
  return result;
}

/** Emoji modifier bases whose five skin-tone sequences are RGI (all but a few, e.g. 👪). */
const modifierSequenceOk = new Map<number, boolean>();

function takesSkinTone(cp: number): boolean {
  if (!(props(cp) & IS_MODIFIER_BASE)) return false;
  let ok = modifierSequenceOk.get(cp);
  if (ok === undefined) {
    ok = inRgiSet('RGI_Emoji_Modifier_Sequence', String.fromCodePoint(cp, 0x1f3fb));
    modifierSequenceOk.set(cp, ok);
  }
  return ok;
}

// --- twemoji-parser 11 forms that are not RGI -----------------------------------------------------

/** Emoji-presentation characters that twemoji-parser also accepts followed by U+FE0F. */
const PRESENTATION_WITH_VS16 = new Set([
  0x231a, 0x231b, 0x25fd, 0x25fe, 0x2614, 0x2615, 0x2648, 0x2649, 0x264a, 0x264b, 0x264c, 0x264d, 0x264e, 0x264f, 0x2650, 0x2651, 0x2652,
  0x2653, 0x267f, 0x2693, 0x26a1, 0x26aa, 0x26ab, 0x26bd, 0x26be, 0x26c4, 0x26c5, 0x26d4, 0x26ea, 0x26f2, 0x26f3, 0x26f5, 0x26fa, 0x26fd,
  0x2757, 0x2b1b, 0x2b1c, 0x2b50, 0x2b55, 0x1f004, 0x1f21a, 0x1f22f,
]);
/** Modifier bases that twemoji-parser accepts as base + U+FE0F + skin tone. */
const BASE_VS16_TONE = new Set([0x261d, 0x26f7, 0x26f9, 0x270c, 0x270d, 0x1f3cb, 0x1f3cc, 0x1f574, 0x1f575, 0x1f590]);
/** Bases of twemoji-parser's "(skin tone | U+FE0F) ZWJ ♀/♂ U+FE0F" sequences. */
const GENDERED_BASES = new Set([0x26f9, 0x1f3cb, 0x1f3cc, 0x1f574, 0x1f575]);

function isSkinTone(cp: number): boolean {
  return cp >= 0x1f3fb && cp <= 0x1f3ff;
}

function isRegionalIndicator(cp: number): boolean {
  return cp >= 0x1f1e6 && cp <= 0x1f1ff;
}

function isTag(cp: number): boolean {
  return cp >= 0xe0020 && cp <= 0xe007e;
}

function cpAt(text: string, i: number): number {
  return i < text.length ? (text.codePointAt(i) as number) : -1;
}

function cpLength(cp: number): number {
  return cp > 0xffff ? 2 : 1;
}

/** End of the ZWJ-sequence element at k: a code point, optionally with U+FE0F or a skin tone. */
function elementEnd(text: string, k: number, cp: number): number {
  const next = k + cpLength(cp);
  const after = cpAt(text, next);
  if (after === VS16) return next + 1;
  if (isSkinTone(after)) return next + 2;
  return next;
}

/** End of the longest RGI emoji at i (whose first code point is `cp`), or -1. */
function rgiEnd(text: string, i: number, cp: number, flags: number): number {
  const len = cpLength(cp);
  if (isRegionalIndicator(cp)) {
    return isRegionalIndicator(cpAt(text, i + 2)) && inRgiSet('RGI_Emoji_Flag_Sequence', text.slice(i, i + 4)) ? i + 4 : -1;
  }
  if (cp === 0x1f3f4 && isTag(cpAt(text, i + 2))) {
    let j = i + 2;
    while (isTag(cpAt(text, j))) j += 2;
    if (cpAt(text, j) === 0xe007f && inRgiSet('RGI_Emoji_Tag_Sequence', text.slice(i, j + 2))) return j + 2;
  }
  // ZWJ sequences: the longest prefix in the RGI set. A prefix ends after an element, with or
  // without the U+FE0F or skin tone that follows its code point in the text.
  const first = elementEnd(text, i, cp);
  if (text.charCodeAt(first) === ZWJ) {
    const ends: number[] = [];
    let j = first;
    while (text.charCodeAt(j) === ZWJ) {
      const next = cpAt(text, j + 1);
      if (next < 0 || !(props(next) & IS_EMOJI)) break;
      const bare = j + 1 + cpLength(next);
      j = elementEnd(text, j + 1, next);
      ends.push(bare);
      if (j !== bare) ends.push(j);
    }
    for (let k = ends.length - 1; k >= 0; k--) {
      const end = ends[k] as number;
      if (inRgiSet('RGI_Emoji_ZWJ_Sequence', text.slice(i, end))) return end;
    }
  }
  const after = cpAt(text, i + len);
  if (isSkinTone(after) && takesSkinTone(cp)) return i + len + 2;
  if (after === VS16 && !(flags & IS_PRESENTATION)) return i + len + 1; // Basic_Emoji "X FE0F"
  if (flags & IS_PRESENTATION) return i + len; // Basic_Emoji single code point (not RI: above)
  return -1;
}

/**
 * End (exclusive, UTF-16) of the emoji starting at index `i` of `text`, or -1 if none starts
 * there. Longest match over RGI emoji and twitter-text's extra forms (see the file comment).
 * Never throws.
 */
export function emojiEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) {
    // Keycaps, with or without U+FE0F (digits, '#', '*' are no emoji on their own).
    if (c === 0x23 || c === 0x2a || (c >= 0x30 && c <= 0x39)) {
      const next = text.charCodeAt(i + 1);
      if (next === KEYCAP) return i + 2;
      if (next === VS16 && text.charCodeAt(i + 2) === KEYCAP) return i + 3;
    }
    return -1;
  }
  if (c >= 0xdc00 && c <= 0xdfff) return -1;
  const cp = text.codePointAt(i) as number;
  const flags = props(cp);
  if (!(flags & IS_EMOJI)) return -1;
  // © and ® are no emoji without U+FE0F; with it they are Basic_Emoji (handled by rgiEnd).
  let best = rgiEnd(text, i, cp, flags);
  const q = i + cpLength(cp);
  const next = cpAt(text, q);
  if (next === VS16 && PRESENTATION_WITH_VS16.has(cp)) best = Math.max(best, q + 1);
  if (BASE_VS16_TONE.has(cp)) {
    if (next === VS16 && isSkinTone(cpAt(text, q + 1))) best = Math.max(best, q + 3);
    if (cp === 0x26f7 && isSkinTone(next)) best = Math.max(best, q + 2);
  }
  if (GENDERED_BASES.has(cp)) {
    const r = isSkinTone(next) ? q + 2 : next === VS16 ? q + 1 : -1;
    if (r > 0 && text.charCodeAt(r) === ZWJ) {
      const sign = text.charCodeAt(r + 1);
      if ((sign === 0x2640 || sign === 0x2642) && text.charCodeAt(r + 2) === VS16) best = Math.max(best, r + 3);
    }
  }
  if (cp === 0x1f441 && text.charCodeAt(q) === ZWJ && cpAt(text, q + 1) === 0x1f5e8) best = Math.max(best, q + 3);
  return best;
}

/**
 * Start of the first emoji at or after index `from` of `text`, scanning left to right like a
 * global regex (an emoji found is skipped whole), or -1. Its end is `emojiEnd(text, start)`.
 * Never throws.
 */
export function nextEmoji(text: string, from: number): number {
  for (let p = from; p < text.length; p++) {
    const c = text.charCodeAt(p);
    if (c < 0x80) {
      if (c !== 0x23 && c !== 0x2a && (c < 0x30 || c > 0x39)) continue;
    } else if (c < 0xd800 || c > 0xdbff) {
      if (c >= 0xdc00 && c <= 0xdfff) continue;
      if (!(props(c) & IS_EMOJI)) continue;
    }
    if (emojiEnd(text, p) > p) return p;
  }
  return -1;
}
