// Linear-time URL extraction with exactly the results of twitter-text 3.1.0's
// extractUrlsWithIndices (default options: URLs without a protocol are extracted).
//
// twitter-text finds URLs with one big backtracking regex (extractUrl.js) and post-processes each
// match. Every piece of that regex is reproduced here by a forward scan, relying on these
// properties of it (each derived from the regex source and checked by the conformance tests and
// the property test against twitter-text):
//
// - A match starts right after a "preceding" code unit (anything but [A-Za-z0-9@＠$#＃] and the
//   invalid characters), or at index 0 if that fails. The regex engine tries positions left to
//   right; the first position with any match wins and the next search resumes where it ended.
// - Host labels are maximal runs of domain characters, '_' and '-' ended by '.', so a label is fixed
//   by its start. The greedy `subdomain*` then backtracks to the DEEPEST label after which a TLD
//   matches. That depends only on the chain of labels to the right, so it is computed once per label
//   and memoised (twitter-text recomputes it from every start position: quadratic on 'a.a.a.…').
// - A TLD is followed by a lookahead (?=[^0-9a-zA-Z@+-]|$). Of two TLDs that both match at one
//   place, twitter-text's alternation lists the longer first, so "longest TLD" is equivalent.
// - The path (see pathEnd) is a deterministic function of one forward scan of path characters and
//   balanced parentheses.
// - Port, query and t.co slug are simple greedy runs with a last-allowed-character backtrack.
// - A host needs a '.' after its first label, so the search skips ahead to the label before the
//   next '.', and text without any '.' returns at once (as twitter-text does).
// - Post-processing (isValidUrl's punycode label lengths and 4096 cap, ASCII-only domains for URLs
//   without protocol, t.co trimming) follows extractUrlsWithIndices.js line by line, including the
//   indexOf() it uses to place ASCII domains.
//
// Character classes are built from twitter-text's own class sources and evaluated with the same
// flags (case-insensitive, not unicode), once per code unit, so case-folding quirks stay identical.

import { tldList } from './tld-list';

/** A URL found in text, as twitter-text's extractUrlsWithIndices reports it. */
export interface ExtractedUrl {
  /** The URL as twitter-text reports it (for t.co links, without trailing path characters). */
  url: string;
  /** UTF-16 start (inclusive) and end (exclusive) of the URL in the text. */
  indices: [number, number];
}

// ---------------------------------------------------------------------------------------------
// Character classes (sources copied from twitter-text 3.1.0's regexp/*.js)

const PUNCT = "\\!'#%&'\\(\\)*\\+,\\\\\\-\\.\\/:;<=>\\?@\\[\\]\\^_{|}~\\$";
const SPACES = '\\x09-\\x0D\\x20\\x85\\xA0\\u1680\\u180E\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000';
const INVALID = '\\uFFFE\\uFEFF\\uFFFF';
const DIRECTIONAL = '\\u202A-\\u202E\\u061C\\u200E\\u200F\\u2066\\u2067\\u2068\\u2069';
const CYRILLIC = '\\u0400-\\u04FF';
const LATIN_ACCENTS =
  '\\xC0-\\xD6\\xD8-\\xF6\\xF8-\\xFF\\u0100-\\u024F\\u0253\\u0254\\u0256\\u0257\\u0259\\u025B\\u0263' +
  '\\u0268\\u026F\\u0272\\u0289\\u028B\\u02BB\\u0300-\\u036F\\u1E00-\\u1EFF';

/** Bit flags per UTF-16 code unit; `COMPUTED` marks a filled table entry. */
const PRECEDING = 1; // may precede a URL (validUrlPrecedingChars)
const DOMAIN = 2; // validDomainChars
const TLD_STOP = 4; // fails the TLD lookahead: [0-9a-zA-Z@+-]
const ASCII_LABEL = 8; // label character of validAsciiDomain: [-a-z0-9 latin accents]
const PATH = 16; // validGeneralUrlPathChars
const PATH_END = 32; // single-character validUrlPathEndingChars
const QUERY = 64; // validUrlQueryChars
const QUERY_END = 128; // validUrlQueryEndingChars
const COMPUTED = 256;

const CLASS_SOURCES: [number, string][] = [
  [PRECEDING, `[^A-Za-z0-9@＠$#＃${INVALID}]`],
  [DOMAIN, `[^${PUNCT}${SPACES}${INVALID}${DIRECTIONAL}]`],
  [TLD_STOP, '[0-9a-zA-Z@+-]'],
  [ASCII_LABEL, `[\\-a-z0-9${LATIN_ACCENTS}]`],
  [PATH, `[a-z${CYRILLIC}0-9!\\*';:=\\+,\\.\\$\\/%#\\[\\]\\-\\u2013_~@\\|&${LATIN_ACCENTS}]`],
  [PATH_END, `[\\+\\-a-z${CYRILLIC}0-9=_#\\/${LATIN_ACCENTS}]`],
  [QUERY, "[a-z0-9!?\\*'@\\(\\);:&=\\+\\$\\/%#\\[\\]\\-_\\.,~|]"],
  [QUERY_END, '[a-z0-9\\-_&=#\\/]'],
];

let classRegexes: [number, RegExp][] | undefined;
const classTable = new Uint16Array(0x10000);

function computeClass(unit: number): number {
  classRegexes ??= CLASS_SOURCES.map(([bit, source]) => [bit, new RegExp(source, 'i')]);
  const ch = String.fromCharCode(unit);
  let flags = COMPUTED;
  for (const [bit, re] of classRegexes) if (re.test(ch)) flags |= bit;
  classTable[unit] = flags;
  return flags;
}

/** Class flags of the code unit at `i` (0 past the end). */
function cls(text: string, i: number): number {
  if (i >= text.length) return 0;
  const unit = text.charCodeAt(i);
  const flags = classTable[unit] as number;
  return flags === 0 ? computeClass(unit) : flags;
}

// ---------------------------------------------------------------------------------------------
// TLDs

let tldSet: Set<string> | undefined;
/** Bit L set in tldLengths.get(first unit's canonical code) when some TLD of length L starts so. */
const tldLengths = new Map<number, number>();
let maxTldLength = 0;
const canonicalUnits = new Uint16Array(0x10000);

/** Canonicalize() of twitter-text's case-insensitive, non-unicode regexes: upper-case one unit. */
function canonicalUnit(unit: number): number {
  let canonical = canonicalUnits[unit] as number;
  if (canonical === 0) {
    const upper = String.fromCharCode(unit).toUpperCase();
    canonical = upper.length === 1 && !(unit >= 128 && upper.charCodeAt(0) < 128) ? upper.charCodeAt(0) : unit;
    canonicalUnits[unit] = canonical;
  }
  return canonical;
}

/** The string twitter-text's TLD alternatives compare case-insensitively: each unit canonical. */
function canonicalKey(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(canonicalUnit(s.charCodeAt(i)));
  return out;
}

function tlds(): Set<string> {
  if (!tldSet) {
    // tldList() throws in the background until its list is loaded (./tld-list.ts): take the list before keeping a set.
    const list = tldList();
    tldSet = new Set();
    for (const tld of list) {
      const key = canonicalKey(tld);
      tldSet.add(key);
      const first = key.charCodeAt(0);
      tldLengths.set(first, (tldLengths.get(first) ?? 0) | (2 ** tld.length));
      if (tld.length > maxTldLength) maxTldLength = tld.length;
    }
  }
  return tldSet;
}

/**
 * End of the TLD alternative of validDomain/validAsciiDomain matching at `t` (generic or
 * country TLD followed by the lookahead, else punycode `xn--[-0-9a-z]+`), or -1. `limit` is where
 * the string ends for the lookahead's `$`.
 */
function tldEnd(text: string, t: number, limit: number): number {
  const set = tlds();
  const lengths = t < limit ? tldLengths.get(canonicalUnit(text.charCodeAt(t))) : undefined;
  if (lengths !== undefined) {
    let j = t;
    let ascii = true;
    const max = Math.min(limit, t + maxTldLength);
    // TLDs consist of letters: ASCII letters or non-ASCII characters.
    while (j < max) {
      const c = text.charCodeAt(j);
      if (c >= 128) ascii = false;
      else if ((c | 32) < 97 || (c | 32) > 122) break;
      j++;
    }
    for (let end = j; end > t; end--) {
      if (!(Math.floor(lengths / 2 ** (end - t)) & 1)) continue;
      if (end < limit && cls(text, end) & TLD_STOP) continue;
      const candidate = text.slice(t, end);
      if (set.has(ascii ? candidate.toUpperCase() : canonicalKey(candidate))) return end;
    }
  }
  // validPunycode: xn--[\-0-9a-z]+ (case-insensitive, no lookahead)
  if (
    t + 4 < limit &&
    (text.charCodeAt(t) | 32) === 120 /* x */ &&
    (text.charCodeAt(t + 1) | 32) === 110 /* n */ &&
    text.charCodeAt(t + 2) === 45 &&
    text.charCodeAt(t + 3) === 45
  ) {
    let k = t + 4;
    while (k < limit && isPunycodeChar(text.charCodeAt(k))) k++;
    if (k > t + 4) return k;
  }
  return -1;
}

function isPunycodeChar(c: number): boolean {
  const l = c | 32;
  return c === 45 || (c >= 48 && c <= 57) || (l >= 97 && l <= 122);
}

// ---------------------------------------------------------------------------------------------
// Hosts (validDomain) with memoised label chains

/** Per-call scratch state for the host scan. */
interface Scan {
  text: string;
  /** runEnd[i] = 1 + end of the maximal [domain char, '_', '-'] run containing i; 0 = unknown. */
  runEnd: Int32Array;
  /** firstUnderscore[i] = first '_' at or after i within its run (or the run's end). */
  firstUnderscore: Int32Array;
  /** host[i]: 0 unknown, 1 no host starts at i, else 2 + end of the host starting at i. */
  host: Int32Array;
  /** Stack of label starts while a chain of labels is walked. */
  chain: Int32Array;
}

let scratchSize = 0;
let runEndBuffer = new Int32Array(0);
let firstUnderscoreBuffer = new Int32Array(0);
let hostBuffer = new Int32Array(0);
let chainBuffer = new Int32Array(0);

const MAX_KEPT_SCRATCH = 1 << 16;

/** Zeroed memo arrays for `text`, reusing module-level buffers (up to 64K units) across calls. */
function scratch(text: string): Scan {
  const size = text.length + 1;
  if (size > MAX_KEPT_SCRATCH) {
    const fresh = () => new Int32Array(size);
    return { text, runEnd: fresh(), firstUnderscore: fresh(), host: fresh(), chain: fresh() };
  }
  if (size > scratchSize) {
    scratchSize = Math.max(size, 512);
    runEndBuffer = new Int32Array(scratchSize);
    firstUnderscoreBuffer = new Int32Array(scratchSize);
    hostBuffer = new Int32Array(scratchSize);
    chainBuffer = new Int32Array(scratchSize);
  } else {
    runEndBuffer.fill(0, 0, size);
    firstUnderscoreBuffer.fill(0, 0, size);
    hostBuffer.fill(0, 0, size);
  }
  return { text, runEnd: runEndBuffer, firstUnderscore: firstUnderscoreBuffer, host: hostBuffer, chain: chainBuffer };
}

function isLabelUnit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 95 || c === 45 || (cls(text, i) & DOMAIN) !== 0;
}

/** End of the label run starting at `q` (memoised per position, linear overall). */
function labelRunEnd(scan: Scan, q: number): number {
  const { text, runEnd, firstUnderscore } = scan;
  const known = runEnd[q] as number;
  if (known) return known - 1;
  const n = text.length;
  let j = q;
  while (j < n && runEnd[j] === 0 && isLabelUnit(text, j)) j++;
  let end = j;
  let underscore = j;
  if (j < n && runEnd[j] !== 0) {
    end = (runEnd[j] as number) - 1;
    underscore = firstUnderscore[j] as number;
  }
  for (let k = j - 1; k >= q; k--) {
    if (text.charCodeAt(k) === 95) underscore = k;
    runEnd[k] = end + 1;
    firstUnderscore[k] = underscore;
  }
  return end;
}

/**
 * End of the host (validDomain) starting at `q`, or -1. Labels are walked rightwards once; the
 * deepest label that is followed by a TLD wins, exactly like the greedy `subdomain*` backtracking.
 */
function hostEnd(scan: Scan, q0: number): number {
  const { text, host } = scan;
  const first = host[q0] as number;
  if (first !== 0) return first - 2;
  if (!(cls(text, q0) & DOMAIN)) {
    host[q0] = 1;
    return -1;
  }
  const n = text.length;
  const chain = scan.chain;
  let depth = 0;
  let q = q0;
  let deeper = -1;
  for (;;) {
    const memo = host[q] as number;
    if (memo !== 0) {
      deeper = memo - 2;
      break;
    }
    if (!(cls(text, q) & DOMAIN)) {
      host[q] = 1;
      break;
    }
    const e = labelRunEnd(scan, q);
    if (e >= n || text.charCodeAt(e) !== 46 || !(cls(text, e - 1) & DOMAIN)) {
      host[q] = 1;
      break;
    }
    chain[depth++] = q;
    q = e + 1;
    if (q >= n) break;
  }
  for (let k = depth - 1; k >= 0; k--) {
    const start = chain[k] as number;
    if (deeper < 0) {
      const e = labelRunEnd(scan, start);
      // As the last label before the TLD (validDomainName) it may not contain '_'.
      if ((scan.firstUnderscore[start] as number) >= e) deeper = tldEnd(text, e + 1, n);
    }
    host[start] = deeper + 2;
  }
  return deeper;
}

// ---------------------------------------------------------------------------------------------
// validAsciiDomain (global) inside a host string

/** All matches of twitter-text's validAsciiDomain regex in `domain`, as [start, end) pairs. */
function asciiDomains(domain: string): [number, number][] {
  const out: [number, number][] = [];
  const m = domain.length;
  let p = 0;
  while (p < m) {
    if (!(cls(domain, p) & ASCII_LABEL)) {
      p++;
      continue;
    }
    // Chain of (ASCII label '.') from p; a TLD may start after any of those dots, deepest first.
    const dots: number[] = [];
    let j = p;
    let k = p;
    for (;;) {
      k = j;
      while (k < m && cls(domain, k) & ASCII_LABEL) k++;
      if (k > j && k < m && domain.charCodeAt(k) === 46) {
        dots.push(k + 1);
        j = k + 1;
        continue;
      }
      break;
    }
    let found = -1;
    for (let d = dots.length - 1; d >= 0 && found < 0; d--) found = tldEnd(domain, dots[d] as number, m);
    if (found >= 0) {
      out.push([p, found]);
      p = found;
    } else {
      // Every start inside this chain sees a suffix of the same chain: none can match either.
      p = Math.max(k, p + 1);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Punycode length (isValidUrl's DNS label check)

const PUNYCODE_SEPARATORS = /[\x2E\u3002\uFF0E\uFF61]/g;
const NON_ASCII_PRINTABLE = /[^\x20-\x7E]/;

/** Length of punycode.toASCII(label) (punycode.js 1.4.1 / 2.x algorithm). Never throws. */
function punycodeAsciiLength(label: string): number {
  const parts = label.replace(PUNYCODE_SEPARATORS, '.').split('.');
  let total = parts.length - 1;
  for (const part of parts) total += NON_ASCII_PRINTABLE.test(part) ? 4 + punycodeEncodedLength(part) : part.length;
  return total;
}

/** Length of punycode.encode(input); labels too long for DNS anyway report 64 instead of overflowing. */
function punycodeEncodedLength(input: string): number {
  const codePoints: number[] = [];
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    const next = input.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      codePoints.push(((c & 0x3ff) << 10) + (next & 0x3ff) + 0x10000);
      i++;
    } else codePoints.push(c);
  }
  // Every code point yields at least one output character: > 63 can never be a valid label.
  if (codePoints.length > 63) return 64;
  const base = 36;
  const tMin = 1;
  const tMax = 26;
  let n = 128;
  let delta = 0;
  let bias = 72;
  let length = 0;
  for (const cp of codePoints) if (cp < 0x80) length++;
  const basicLength = length;
  let handled = basicLength;
  if (basicLength) length++;
  while (handled < codePoints.length) {
    let m = Infinity;
    for (const cp of codePoints) if (cp >= n && cp < m) m = cp;
    delta += (m - n) * (handled + 1);
    n = m;
    for (const cp of codePoints) {
      if (cp < n) delta++;
      if (cp === n) {
        let q = delta;
        for (let k = base; ; k += base) {
          const t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias;
          if (q < t) break;
          length++;
          q = Math.floor((q - t) / (base - t));
        }
        length++;
        // adapt()
        let d = handled === basicLength ? Math.floor(delta / 700) : delta >> 1;
        d += Math.floor(d / (handled + 1));
        let k = 0;
        while (d > ((base - tMin) * tMax) >> 1) {
          d = Math.floor(d / (base - tMin));
          k += base;
        }
        bias = Math.floor(k + ((base - tMin + 1) * d) / (d + 38));
        delta = 0;
        handled++;
      }
    }
    delta++;
    n++;
  }
  return length;
}

/** twitter-text's isValidUrl: DNS label lengths after punycode, and the 4096 URL length cap. */
function isValidUrl(url: string, protocol: string, domain: string): boolean {
  if (domain.substring(0, 4) === 'xn--' && asciiDomains(domain).length === 0) return false;
  if (NON_ASCII_PRINTABLE.test(domain)) {
    for (const label of domain.split('.')) {
      const length = punycodeAsciiLength(label);
      if (length < 1 || length > 63) return false;
    }
  } else {
    // Printable ASCII: punycode leaves every label as it is.
    let labelStart = 0;
    for (let i = 0; i <= domain.length; i++) {
      if (i === domain.length || domain.charCodeAt(i) === 46) {
        if (i === labelStart || i - labelStart > 63) return false;
        labelStart = i + 1;
      }
    }
  }
  return protocol.length + url.length <= 4096;
}

// ---------------------------------------------------------------------------------------------
// Path, query, t.co

function pathRunEnd(text: string, j: number): number {
  while (cls(text, j) & PATH) j++;
  return j;
}

/** End of validUrlBalancedParens at e (text[e] === '('), or -1. */
function balancedParensEnd(text: string, e: number): number {
  const g1 = pathRunEnd(text, e + 1);
  const c1 = text.charCodeAt(g1);
  if (c1 === 41 /* ) */) return g1 > e + 1 ? g1 + 1 : -1;
  if (c1 !== 40 /* ( */) return -1;
  const g2 = pathRunEnd(text, g1 + 1);
  if (g2 === g1 + 1 || text.charCodeAt(g2) !== 41) return -1;
  const g3 = pathRunEnd(text, g2 + 1);
  return text.charCodeAt(g3) === 41 ? g3 + 1 : -1;
}

/**
 * End of the URL path whose '/' is at x - 1.
 *
 * twitter-text splices validUrlPathEndingChars (`[E]|(?:B)`) into validUrlPath unparenthesised,
 * so one path segment is `G*(?:BG*)*[E]` | `B` | `@G+/` (the last never applies), repeated. From
 * x the text is G-runs separated by balanced groups: g0 b1 g1 … bm gm. The first segment ends after
 * the last E character of any g-run; further segments can only be balanced groups that follow
 * immediately. Without any E character, only balanced groups starting right at x count.
 */
function pathEnd(text: string, x: number): number {
  let lastEnd = -1;
  let j = x;
  for (;;) {
    for (;;) {
      const f = cls(text, j);
      if (!(f & PATH)) break;
      if (f & PATH_END) lastEnd = j;
      j++;
    }
    if (text.charCodeAt(j) !== 40) break;
    const b = balancedParensEnd(text, j);
    if (b < 0) break;
    j = b;
  }
  let y = lastEnd >= 0 ? lastEnd + 1 : x;
  while (text.charCodeAt(y) === 40) {
    const b = balancedParensEnd(text, y);
    if (b < 0) break;
    y = b;
  }
  return y;
}

/** End of a query string `?Q*QE` whose '?' is at y - 1, or -1. */
function queryEnd(text: string, y: number, limit: number): number {
  let last = -1;
  for (let j = y; j < limit; j++) {
    const f = cls(text, j);
    if (!(f & QUERY)) break;
    if (f & QUERY_END) last = j;
  }
  return last >= 0 ? last + 1 : -1;
}

function isAsciiAlnum(c: number): boolean {
  const l = c | 32;
  return (c >= 48 && c <= 57) || (l >= 97 && l <= 122);
}

/**
 * validTcoUrl applied to a URL with protocol: the t.co URL without trailing path characters,
 * `null` for a slug over 40 characters (twitter-text then drops the URL), or the URL unchanged.
 */
function trimTco(url: string, protocolLength: number): string | null {
  if (url.slice(protocolLength, protocolLength + 5).toLowerCase() !== 't.co/') return url;
  const slugStart = protocolLength + 5;
  let j = slugStart;
  while (j < url.length && isAsciiAlnum(url.charCodeAt(j))) j++;
  if (j === slugStart) return url;
  if (j - slugStart > 40) return null;
  if (url.charCodeAt(j) === 63 /* ? */) {
    const q = queryEnd(url, j + 1, url.length);
    if (q > 0) j = q;
  }
  return url.slice(0, j);
}

/** Length of a case-insensitive `https?://` at s, or 0. */
function protocolLength(text: string, s: number): number {
  if ((text.charCodeAt(s) | 32) !== 104 /* h */) return 0;
  const head = text.slice(s, s + 8).toLowerCase();
  if (head.startsWith('http://')) return 7;
  if (head === 'https://') return 8;
  return 0;
}

// ---------------------------------------------------------------------------------------------

/**
 * Finds the URLs X would link in `text`, with exactly the results of twitter-text 3.1.0's
 * `extractUrlsWithIndices(text)`: URLs with http(s) protocol, and URLs without a protocol whose
 * host is ASCII and ends in a known TLD; t.co links lose trailing path characters; hosts with a
 * DNS label longer than 63 characters (after punycode) and URLs over 4096 characters are skipped.
 *
 * Runs in time linear in `text.length` (twitter-text's regex is quadratic on inputs such as
 * 'a.' repeated). Indices are UTF-16 code unit offsets into `text` as given (not normalised).
 *
 * @param text Any string.
 * @returns The URLs in order of appearance; empty when there are none.
 * @throws Never, for any string.
 */
export function extractUrls(text: string): ExtractedUrl[] {
  const n = text.length;
  const out: ExtractedUrl[] = [];
  if (!n || text.indexOf('.') < 0) return out;
  const scan = scratch(text);
  let from = 0;
  while (from < n) {
    // Leftmost match: (preceding char)(URL) or, at index 0 only, ^(URL).
    let start = -1;
    let proto = 0;
    let domainEnd = -1;
    let windowEnd = -1;
    for (let p = from; p < n; p++) {
      if (p > windowEnd) {
        // A host needs a '.' after its first label: skip to the label run before the next '.'
        // (less 9 for a preceding character and "https://"). Earlier starts cannot match.
        const dot = text.indexOf('.', p + 1);
        if (dot < 0) break;
        let runStart = dot;
        while (runStart > p && isLabelUnit(text, runStart - 1)) runStart--;
        if (runStart - 9 > p) p = runStart - 9;
        windowEnd = dot;
      }
      if (cls(text, p) & PRECEDING) {
        const s = p + 1;
        proto = protocolLength(text, s);
        domainEnd = proto ? hostEnd(scan, s + proto) : -1;
        if (domainEnd < 0) {
          proto = 0;
          domainEnd = hostEnd(scan, s);
        }
        if (domainEnd >= 0) {
          start = s;
          break;
        }
      }
      if (p === 0) {
        proto = protocolLength(text, 0);
        domainEnd = proto ? hostEnd(scan, proto) : -1;
        if (domainEnd < 0) {
          proto = 0;
          domainEnd = hostEnd(scan, 0);
        }
        if (domainEnd >= 0) {
          start = 0;
          break;
        }
      }
    }
    if (start < 0) break;

    // Port, path, query.
    let end = domainEnd;
    if (text.charCodeAt(end) === 58 /* : */ && isDigit(text.charCodeAt(end + 1))) {
      end += 2;
      while (isDigit(text.charCodeAt(end))) end++;
    }
    const hasPath = text.charCodeAt(end) === 47; /* / */
    if (hasPath) end = pathEnd(text, end + 1);
    if (text.charCodeAt(end) === 63 /* ? */) {
      const q = queryEnd(text, end + 1, n);
      if (q > 0) end = q;
    }
    from = end;

    const url = text.slice(start, end);
    const domainStart = start + proto;
    const domain = text.slice(domainStart, domainEnd);
    if (!isValidUrl(url, proto ? url.slice(0, proto) : 'https://', domain)) continue;

    if (!proto) {
      const before = start > 0 ? text.charCodeAt(start - 1) : -1;
      // invalidUrlWithoutProtocolPrecedingChars: [-_./]
      if (before === 45 || before === 95 || before === 46 || before === 47) continue;
      let last: ExtractedUrl | undefined;
      let asciiEnd = 0;
      for (const [a, b] of asciiDomains(domain)) {
        // twitter-text locates each match with indexOf from the previous one, which can find an
        // earlier copy of the same text (e.g. "bit.ly1…bit.ly"): reproduce its indices.
        const found = domain.slice(a, b);
        const at = domain.indexOf(found, asciiEnd);
        asciiEnd = at + found.length;
        last = { url: found, indices: [domainStart + at, domainStart + asciiEnd] };
        out.push(last);
      }
      if (last && hasPath) {
        last.url += url.slice(domain.length);
        last.indices[1] = end;
      }
    } else {
      const trimmed = trimTco(url, proto);
      if (trimmed === null) continue;
      out.push({ url: trimmed, indices: [start, start + trimmed.length] });
    }
  }
  return out;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
