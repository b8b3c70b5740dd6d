/**
 * Seed data. 'minimal' (default) is the demo user, a second account for multi-account work and a
 * handful of other users; 'demo' adds a few more people. Later resources (posts, bookmarks, lists…)
 * add their own `seedX(state, seed)` call to `applySeed`.
 */
import { solidPng, storeMedia } from './media';
import { insertPost } from './posts';
import { SNOWFLAKE_EPOCH_MS } from './http';
import type { EmulatorState, PostRecord, UserRecord } from './state';

export type SeedName = 'demo' | 'minimal';

export const DEMO_USER_ID = '1585841080431321088';
export const SECOND_USER_ID = '1452871219391512578';
export const SUSPENDED_USER_ID = '1311001200413843456';
/** spambot3000: blocked by Ada, muted by Grace, with nothing of its own the manager's tabs show. */
export const SPAMBOT_ID = '1359001784162672640';

function avatar(id: string): string {
  // Served by the emulator itself (no internet in tests); shaped like X's `_normal` avatar URLs.
  return `/profile_images/${id}/avatar_normal.png`;
}

const MINIMAL_USERS: UserRecord[] = [
  {
    id: DEMO_USER_ID,
    name: 'Ada Perch',
    username: 'adaperch',
    created_at: '2022-10-28T04:12:55.000Z',
    description: 'Trying out Perch. Bookmarks, lists and mutes from the toolbar.',
    location: 'London',
    url: 'https://t.co/perchdemo1',
    profile_image_url: avatar(DEMO_USER_ID),
    verified: false,
    protected: false,
    confirmed_email: 'ada@example.com',
    subscription_type: 'None',
    public_metrics: { followers_count: 128, following_count: 311, tweet_count: 1042, listed_count: 3, like_count: 2210 },
  },
  {
    id: SECOND_USER_ID,
    name: 'Grace Hopper',
    username: 'gracehop',
    created_at: '2021-11-26T09:30:00.000Z',
    description: 'It is easier to ask forgiveness than it is to get permission.',
    profile_image_url: avatar(SECOND_USER_ID),
    verified: true,
    verified_type: 'blue',
    protected: false,
    confirmed_email: 'grace@example.com',
    // Premium: posts up to 25,000 characters (long posts, text.ts maxWeightedLengthFor); Ada (None) keeps 280.
    subscription_type: 'Premium',
    public_metrics: { followers_count: 5821, following_count: 97, tweet_count: 3344, listed_count: 41, like_count: 120 },
  },
  {
    id: '2244994945',
    name: 'X Developers',
    username: 'XDevelopers',
    created_at: '2013-12-14T04:35:55.000Z',
    description: 'The voice of the X developer community',
    profile_image_url: avatar('2244994945'),
    verified: true,
    verified_type: 'business',
    protected: false,
    public_metrics: { followers_count: 583423, following_count: 2048, tweet_count: 14052, listed_count: 1672 },
  },
  {
    id: '1097398373457707008',
    name: 'Alan Turing',
    username: 'alanturing_',
    created_at: '2019-02-18T07:01:11.000Z',
    description: 'Can machines think?',
    profile_image_url: avatar('1097398373457707008'),
    verified: false,
    protected: false,
    public_metrics: { followers_count: 912, following_count: 12, tweet_count: 77, listed_count: 9 },
  },
  {
    id: '1268291573458292736',
    name: 'Katherine Johnson',
    username: 'kjohnson',
    created_at: '2020-06-03T21:44:02.000Z',
    description: 'Trajectories, mostly.',
    profile_image_url: avatar('1268291573458292736'),
    verified: false,
    protected: true,
    public_metrics: { followers_count: 44, following_count: 51, tweet_count: 230, listed_count: 0 },
  },
  {
    id: SPAMBOT_ID,
    name: 'Spam Bot 3000',
    username: 'spambot3000',
    created_at: '2021-02-09T05:06:07.000Z',
    description: 'Click here!!!',
    profile_image_url: avatar(SPAMBOT_ID),
    verified: false,
    protected: false,
    public_metrics: { followers_count: 2, following_count: 4999, tweet_count: 88000, listed_count: 0 },
  },
  {
    id: SUSPENDED_USER_ID,
    name: 'Suspended Account',
    username: 'suspendedacct',
    created_at: '2020-09-30T10:00:00.000Z',
    verified: false,
    protected: false,
    public_metrics: { followers_count: 0, following_count: 0, tweet_count: 0, listed_count: 0 },
    status: 'suspended',
  },
];

const DEMO_EXTRA_USERS: UserRecord[] = [
  {
    id: '1502336677889900112',
    name: 'Margaret Hamilton',
    username: 'mhamilton',
    created_at: '2022-03-11T13:13:13.000Z',
    description: 'Software engineering, before it had a name.',
    profile_image_url: avatar('1502336677889900112'),
    verified: true,
    verified_type: 'blue',
    protected: false,
    public_metrics: { followers_count: 20411, following_count: 180, tweet_count: 901, listed_count: 210 },
  },
  {
    id: '1423109876543210987',
    name: 'Edsger Dijkstra',
    username: 'ewd',
    created_at: '2021-08-05T08:00:00.000Z',
    description: 'Simplicity is prerequisite for reliability.',
    profile_image_url: avatar('1423109876543210987'),
    verified: false,
    protected: false,
    public_metrics: { followers_count: 7702, following_count: 3, tweet_count: 1340, listed_count: 88 },
  },
];

// More accounts, for mutes, blocks and list members: names with diacritics, CJK, RTL scripts and emoji; the last
// 32 are spam-like accounts (the kind people mute). Ids are snowflakes of their creation time (x-ids), fixed.
const CROWD_PEOPLE: [name: string, username: string][] = [
  ['Zoë Ångström 🌿', 'zoe_angstrom'],
  ['山田 花子', 'hanako_yamada'],
  ['李小龙 🐉', 'xiaolong_li'],
  ['김민준', 'minjun_kim'],
  ['José Martínez', 'jose_mtz'],
  ['Ólafur Þórsson', 'olafur_th'],
  ['Łukasz Żółć', 'lukasz_zolc'],
  ['Nguyễn Văn An', 'nguyen_van_an'],
  ['François Müller 🇫🇷', 'fmuller'],
  ['Søren Kierkegård', 'soren_k'],
  ['Ana Luísa Gonçalves', 'analuisa_g'],
  ['Ayşe Yılmaz', 'ayse_yilmaz'],
  ['Antonín Dvořák 🎻', 'dvorak_a'],
  ['Иван Петров', 'ivan_petrov'],
  ['Γιώργος Παπαδόπουλος', 'giorgos_pap'],
  ['محمد العلي', 'm_alali'],
  ['שרה כהן', 'sarah_cohen'],
  ['佐藤 健 🍣', 'ken_sato'],
  ['王芳', 'wang_fang'],
  ['박지성 ⚽', 'jisung_park'],
  ['Renée Zellweger-Smith', 'renee_zs'],
  ['Björk Guðmundsdóttir', 'bjork_g'],
  ['Chloé Dubois ☕', 'chloe_dubois'],
  ['Mikołaj Kopernik 🔭', 'mkopernik'],
  ['Ngozi Okonkwo 👩🏿‍💻', 'ngozi_codes'],
  ['Priya Raman 🪔', 'priya_raman'],
  ['Tomás Ó Súilleabháin', 'tomas_os'],
  ['Émile Zola 📖', 'emile_z'],
  ['Hiroshi 🤖 Bot', 'hiroshi_bot'],
  ['Ingrid Bergström', 'ingrid_b'],
  // A display name ending in U+202E (RIGHT-TO-LEFT OVERRIDE): unless Perch isolates it, it reverses whatever is drawn
  // after it on the line ("@kwame_m", a date). X's name is free text (x-api--fundamentals--data-dictionary; OpenAPI
  // User.name: "The friendly name of this User"). Kwame's posts are among Ada's archive bookmarks.
  ['Kwame Mensah\u202E', 'kwame_m'],
  ['Mei Lin 林美', 'meilin_lin'],
];
const SPAM_NAMES = [
  'Crypto Giveaway 🚀',
  'FREE Followers 💯',
  'Daily Deals 💰',
  'Hot Takes 🔥',
  'Reply Guy 🙋‍♂️',
  '副業で月100万 💴',
  '每日赚钱 💸',
  'Engagement Pod 🤝',
];

/**
 * The spam-like account (muted by Ada) whose display name is "Evil" followed by U+202E, so that the Muted tab and
 * its exports show a name that would reverse the @username beside it if Perch did not isolate it.
 */
export const SPOOF_SPAM_INDEX = 7;

/** Protected among the crowd (follows of it are pending). */
export const CROWD_PROTECTED_INDEX = 29;

function crowdUsers(): UserRecord[] {
  const out: UserRecord[] = [];
  const base = Date.parse('2012-03-01T00:00:00.000Z');
  const span = Date.parse('2024-12-01T00:00:00.000Z') - base;
  for (let i = 0; i < CROWD_PEOPLE.length + 32; i++) {
    const person = CROWD_PEOPLE[i];
    const spam = i - CROWD_PEOPLE.length;
    const createdAt = base + Math.floor((((i * 7919) % 64) / 64) * span) + i * 3_600_000;
    const id = snowflake(createdAt, 6000 + i);
    const name = person ? person[0] : spam === SPOOF_SPAM_INDEX ? 'Evil\u202E' : `${SPAM_NAMES[spam % SPAM_NAMES.length]} #${spam + 1}`;
    const username = person ? person[1] : `promo_acct_${String(spam + 1).padStart(2, '0')}`;
    out.push({
      id,
      name,
      username,
      created_at: new Date(createdAt).toISOString(),
      description: person ? `Hi, I'm ${name.split(' ')[0]}.` : 'DM for promo 💸 link in bio',
      profile_image_url: avatar(id),
      verified: !person && spam % 3 === 0,
      ...(!person && spam % 3 === 0 ? { verified_type: 'blue' } : {}),
      protected: i === CROWD_PROTECTED_INDEX,
      public_metrics: person
        ? { followers_count: 40 + ((i * 37) % 900), following_count: 20 + ((i * 13) % 400), tweet_count: 100 + i * 17, listed_count: i % 5 }
        : { followers_count: 3 + spam, following_count: 4900 + spam, tweet_count: 20000 + spam * 311, listed_count: 0 },
    });
  }
  return out;
}

/** 32 people (CJK, diacritics, RTL, emoji) then 32 spam-like accounts; in both seeds. */
export const CROWD_USERS: readonly UserRecord[] = crowdUsers();
export const CROWD_USER_IDS: readonly string[] = CROWD_USERS.map((u) => u.id);

export function applySeed(state: EmulatorState, seed: SeedName): void {
  const users = seed === 'demo' ? [...MINIMAL_USERS, ...DEMO_EXTRA_USERS] : MINIMAL_USERS;
  for (const u of [...users, ...CROWD_USERS]) state.addUser(structuredClone(u));
  state.sessionUserId = DEMO_USER_ID;
  seedPosts(state, seed);
  seedSocial(state);
}

// ---------------------------------------------------------------------------------------------------------------
// Posts
// ---------------------------------------------------------------------------------------------------------------
// A few hundred posts with emoji, CJK and URLs, generated from a fixed PRNG seed so ids, texts and times are the
// same on every run (later resources such as bookmarks and lists can refer to them). Ids are snowflakes of their
// `created_at` (all before SEED_ANCHOR), so posts created while the emulator runs always have larger ids.

/** Every seeded post is older than this instant. */
export const SEED_ANCHOR_MS = Date.parse('2025-09-01T12:00:00.000Z');
/** Generated posts in the 'minimal' seed (plus the named ones in SEED_POSTS); 'demo' adds DEMO_GENERATED_POSTS. */
export const MINIMAL_GENERATED_POSTS = 300;
export const DEMO_GENERATED_POSTS = 60;

const XDEV_ID = '2244994945';
const TURING_ID = '1097398373457707008';
const KJOHNSON_ID = '1268291573458292736';
const HAMILTON_ID = '1502336677889900112';
const DIJKSTRA_ID = '1423109876543210987';

interface SeedMedia {
  id: string;
  width: number;
  height: number;
  rgb: [number, number, number];
  /** Media `alt_text` (x-api--fundamentals--data-dictionary): the named photo has one, generated ones none. */
  altText?: string;
}

export interface SeedPostSpec {
  id: string;
  authorId: string;
  text: string;
  createdAt: number;
  inReplyTo?: string;
  quoteOf?: string;
  media?: SeedMedia;
  lang?: string;
  source: string;
  metrics: PostRecord['publicMetrics'];
}

/** mulberry32: a tiny deterministic PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function snowflake(at: number, seq: number): string {
  return ((BigInt(at - SNOWFLAKE_EPOCH_MS) << 22n) | BigInt(seq & 0x3fffff)).toString();
}

const EMOJI = ['🎉', '🚀', '👾', '🙋🏽', '👨‍🎤', '👨‍👩‍👧‍👦', '🐦', '☕', '✅', '🔥', '🤖', '📚', '🗼', '🌸', '❤️', '🇯🇵', '🧪', '🛠️'];
const URLS = [
  'https://example.com/posts/{n}',
  'https://docs.x.com/x-api/introduction',
  'https://github.com/twitter/twitter-text',
  'https://en.wikipedia.org/wiki/Grace_Hopper',
  'example.org/a/very/long/path/that/keeps/going?with=query&and=more',
  'https://example.com/日本語/ページ',
];
const TOPICS = ['compilers', 'type systems', 'testing', 'OAuth', 'rate limits', 'browser extensions', 'orbital mechanics', 'Unicode'];
const TAGS = ['dev', 'XAPI', 'testing', 'unicode', 'buildinpublic'];
const JA_TOPICS = ['コンパイラ', 'テスト', '型システム', 'ブラウザ拡張'];
const ZH_TOPICS = ['编译器', '测试', '类型系统'];
const KO_TOPICS = ['컴파일러', '테스트', '유니코드'];

const COMMON_TEMPLATES = [
  'Shipping a small fix today {emoji}',
  'Reading {url} this morning. Good stuff {emoji}',
  'Coffee, code, and a clean test run {emoji}{emoji}',
  'Hot take: {topic} is underrated. #{tag}',
  'New post on {topic}: {url}',
  '{n} days without a flaky test {emoji}',
  'Anyone else thinking about {topic} today? {emoji}',
  'Notes from the {topic} meetup {url} #{tag}',
  'Tiny {topic} tip: write the test first {emoji}',
  '{mention} what do you think about {topic}? {emoji}',
  '今日は{ja}の勉強をしました {emoji}',
  '新しいブログ記事を書きました {url}',
  '{zh}真有意思 {emoji}',
  '오늘은 {ko} 공부했어요 {emoji}',
  '週末は{ja}について考えていた。{emoji} #{tag}',
  '我们今天发布了新版本 🎉 {url}',
  'Tokyo trip 東京 🗼 day {n}',
  '{emoji} 안녕하세요 from Seoul {url}',
  'Family photo night 👨‍👩‍👧‍👦 and {topic} after {emoji}',
];

const AUTHOR_TEMPLATES: Record<string, string[]> = {
  [DEMO_USER_ID]: ['Trying out Perch for {topic} {emoji}', 'Bookmarked {url} for later 📚', 'Perch test post #{n} {emoji}'],
  [SECOND_USER_ID]: [
    'Nanoseconds, anyone? {emoji}',
    'It is easier to ask forgiveness than permission {emoji}',
    '{mention} the compiler works! {emoji}',
  ],
  [XDEV_ID]: [
    '📣 {topic} update for the X API v2: {url} #XAPI',
    'Office hours today, session {n} {emoji}',
    'Markets talk with $XYZ builders {url}',
  ],
  [TURING_ID]: ['Can machines think? {emoji}', 'Computing Machinery and Intelligence {url}', 'The imitation game, round {n} {emoji}'],
  [KJOHNSON_ID]: ['Trajectory check {n} ✅', 'Orbital mechanics notes for {topic} 🚀'],
  [SPAMBOT_ID]: ['Click here!!! {url} 🤑🤑🤑', 'FREE followers {n} {url}'],
  [HAMILTON_ID]: ['Apollo guidance memories, part {n} 🚀', 'Software engineering is engineering {emoji} {url}'],
  [DIJKSTRA_ID]: ['Simplicity is prerequisite for reliability. {emoji}', 'EWD{n}: on {topic} {url}'],
};

const MENTIONABLE = ['adaperch', 'gracehop', 'XDevelopers', 'alanturing_', 'adaperch'];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

function fill(rand: () => number, template: string, self: string): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    switch (key) {
      case 'emoji':
        return pick(rand, EMOJI);
      case 'url':
        return pick(rand, URLS).replace('{n}', String(1 + Math.floor(rand() * 999)));
      case 'topic':
        return pick(rand, TOPICS);
      case 'tag':
        return pick(rand, TAGS);
      case 'n':
        return String(1 + Math.floor(rand() * 99));
      case 'ja':
        return pick(rand, JA_TOPICS);
      case 'zh':
        return pick(rand, ZH_TOPICS);
      case 'ko':
        return pick(rand, KO_TOPICS);
      case 'mention':
        return `@${pick(
          rand,
          MENTIONABLE.filter((u) => u !== self),
        )}`;
      default:
        return key;
    }
  });
}

function metrics(rand: () => number, scale: number): PostRecord['publicMetrics'] {
  const n = (k: number) => Math.floor(rand() * k * scale);
  return { retweet_count: n(20), reply_count: 0, like_count: n(120), quote_count: 0, bookmark_count: n(10), impression_count: n(5000) };
}

const USERNAMES: Record<string, string> = Object.fromEntries(
  [...MINIMAL_USERS, ...DEMO_EXTRA_USERS, ...CROWD_USERS].map((u) => [u.id, u.username]),
);

interface GenerateOptions {
  seed: number;
  count: number;
  authors: { id: string; weight: number }[];
  from: number;
  to: number;
  /** Low bits of the generated snowflakes, so two generated lists never share an id. */
  seqBase: number;
  /** Earlier posts replies and quotes may point at. */
  earlier?: SeedPostSpec[];
}

/** Generates `count` posts between `from` and `to` (ascending), deterministically from `seed`. */
export function generatePosts(o: GenerateOptions): SeedPostSpec[] {
  const rand = prng(o.seed);
  const total = o.authors.reduce((s, a) => s + a.weight, 0);
  const out: SeedPostSpec[] = [];
  const step = (o.to - o.from) / Math.max(1, o.count);
  for (let i = 0; i < o.count; i++) {
    let r = rand() * total;
    const author = o.authors.find((a) => (r -= a.weight) < 0) ?? o.authors[0]!;
    const createdAt = Math.floor((o.from + i * step + rand() * step * 0.5) / 1000) * 1000;
    const templates = [...COMMON_TEMPLATES, ...(AUTHOR_TEMPLATES[author.id] ?? []), ...(AUTHOR_TEMPLATES[author.id] ?? [])];
    let text = fill(rand, pick(rand, templates), USERNAMES[author.id] ?? '');
    const spec: SeedPostSpec = {
      id: snowflake(createdAt, o.seqBase + i),
      authorId: author.id,
      text,
      createdAt,
      source: rand() < 0.5 ? 'Twitter Web App' : 'X for iPhone',
      metrics: metrics(rand, author.id === XDEV_ID ? 10 : 1),
    };
    const pool = [...(o.earlier ?? []), ...out];
    const roll = rand();
    if (pool.length && roll < 0.15) {
      const parent = pick(rand, pool);
      spec.inReplyTo = parent.id;
      if (parent.authorId !== author.id) text = `@${USERNAMES[parent.authorId]} ${text}`;
      spec.text = text;
    } else if (pool.length && roll < 0.2) {
      spec.quoteOf = pick(rand, pool).id;
    } else if (roll > 0.94) {
      spec.media = {
        id: snowflake(createdAt - 60_000, o.seqBase + i),
        width: 16 + Math.floor(rand() * 48),
        height: 9 + Math.floor(rand() * 27),
        rgb: [Math.floor(rand() * 256), Math.floor(rand() * 256), Math.floor(rand() * 256)],
      };
    }
    out.push(spec);
  }
  return out;
}

const DAY = 24 * 60 * 60 * 1000;
const at = (daysBefore: number) => SEED_ANCHOR_MS - daysBefore * DAY;
const zero = { retweet_count: 0, reply_count: 0, like_count: 0, quote_count: 0, bookmark_count: 0, impression_count: 0 };

/** The alt text of the photo of `SEED_POSTS.gracePhoto`. */
export const GRACE_PHOTO_ALT = 'A moth taped into a logbook page, labelled “first actual case of bug being found”';

/** Hand-written posts with stable ids, for tests and later resources. */
type NamedSpec = Omit<SeedPostSpec, 'id' | 'metrics' | 'source' | 'inReplyTo' | 'quoteOf'> & {
  seq: number;
  inReplyTo?: NamedPost;
  quoteOf?: NamedPost;
};
type NamedPost =
  | 'adaHello'
  | 'graceMentionsAda'
  | 'xdevAnnouncement'
  | 'turingCjk'
  | 'kjohnsonProtected'
  | 'gracePhoto'
  | 'adaReplyToGrace'
  | 'graceQuotesXdev'
  | 'turingLong';
const NAMED: Record<NamedPost, NamedSpec> = {
  adaHello: { seq: 4001, authorId: DEMO_USER_ID, createdAt: at(5), text: 'Hello from Perch! 🐦 Posting from the toolbar.' },
  graceMentionsAda: {
    seq: 4002,
    authorId: SECOND_USER_ID,
    createdAt: at(4),
    text: '@adaperch the compiler is ready for review 🛠️ https://example.com/compiler',
  },
  xdevAnnouncement: {
    seq: 4003,
    authorId: XDEV_ID,
    createdAt: at(3.5),
    text: 'Manage Posts with the X API v2 👉 https://docs.x.com/x-api/posts/manage-tweets/introduction #XAPI',
  },
  turingCjk: {
    seq: 4004,
    authorId: TURING_ID,
    createdAt: at(3),
    text: '機械は考えることができるか？ Can machines think? 🤖 机器能思考吗？',
    lang: 'ja',
  },
  kjohnsonProtected: {
    seq: 4005,
    authorId: KJOHNSON_ID,
    createdAt: at(2.5),
    text: 'Orbital mechanics notes for Tuesday 🚀 (followers only)',
  },
  gracePhoto: {
    seq: 4006,
    authorId: SECOND_USER_ID,
    createdAt: at(2),
    text: 'First actual case of bug being found 🐛',
    media: { id: snowflake(at(2) - 60_000, 4006), width: 64, height: 36, rgb: [120, 90, 40], altText: GRACE_PHOTO_ALT },
  },
  adaReplyToGrace: { seq: 4007, authorId: DEMO_USER_ID, createdAt: at(1.5), text: '@gracehop on it! ✅', inReplyTo: 'graceMentionsAda' },
  graceQuotesXdev: { seq: 4008, authorId: SECOND_USER_ID, createdAt: at(1), text: 'Worth a read 📚', quoteOf: 'xdevAnnouncement' },
  // A long post (532 weighted characters): `text` holds only its start, `note_tweet` all of it. LONG_POST_WORD,
  // a mention and a link come after character 280. Ada bookmarks it; Turing is on her lists, so their posts show it.
  turingLong: {
    seq: 4009,
    authorId: TURING_ID,
    createdAt: at(0.4),
    text:
      'On computable numbers, revisited 🧵 A machine reads one square of tape at a time, writes a symbol, moves left or ' +
      'right, and changes its state. That is all. Yet from these few rules follows every calculation a clerk could do ' +
      'with pencil and paper, given time and tape enough. The hard question was never whether such a machine can ' +
      'compute, but which questions it can settle at all. Hilbert asked for a method that decides every statement of ' +
      'logic: the Entscheidungsproblem. There is none. Notes for @gracehop: https://example.com/on-computable-numbers',
  },
};

/** A word only the seeded long post (`SEED_POSTS.turingLong`) holds, after its first 280 characters. */
export const LONG_POST_WORD = 'Entscheidungsproblem';

/** Stable ids of the hand-written seed posts (present in both seeds). */
export const SEED_POSTS = Object.fromEntries(Object.entries(NAMED).map(([k, v]) => [k, snowflake(v.createdAt, v.seq)])) as Record<
  NamedPost,
  string
>;

function namedSpecs(): SeedPostSpec[] {
  return (Object.entries(NAMED) as [NamedPost, NamedSpec][]).map(([key, v]) => {
    const { inReplyTo, quoteOf, authorId, createdAt, text, media, lang } = v;
    return {
      authorId,
      createdAt,
      text,
      ...(media ? { media } : {}),
      ...(lang ? { lang } : {}),
      id: SEED_POSTS[key],
      source: 'Twitter Web App',
      metrics: { ...zero, like_count: 3, impression_count: 140 },
      ...(inReplyTo ? { inReplyTo: SEED_POSTS[inReplyTo] } : {}),
      ...(quoteOf ? { quoteOf: SEED_POSTS[quoteOf] } : {}),
    };
  });
}

const MINIMAL_AUTHORS = [
  { id: DEMO_USER_ID, weight: 4 },
  { id: SECOND_USER_ID, weight: 4 },
  { id: XDEV_ID, weight: 3 },
  { id: TURING_ID, weight: 2 },
  { id: KJOHNSON_ID, weight: 1 },
  { id: SPAMBOT_ID, weight: 1 },
];

/** The seed's posts in creation order (pure: same result on every call). */
export function seedPostSpecs(seed: SeedName): SeedPostSpec[] {
  const generated = generatePosts({
    seed: 20250901,
    count: MINIMAL_GENERATED_POSTS,
    authors: MINIMAL_AUTHORS,
    from: at(90),
    to: at(0.5),
    seqBase: 0,
  });
  const specs = [...generated, ...namedSpecs()];
  if (seed === 'demo') {
    specs.push(
      ...generatePosts({
        seed: 19690720,
        count: DEMO_GENERATED_POSTS,
        authors: [
          { id: HAMILTON_ID, weight: 1 },
          { id: DIJKSTRA_ID, weight: 1 },
        ],
        from: at(60),
        to: at(0.25),
        seqBase: 2048,
      }),
    );
  }
  return specs.sort((a, b) => a.createdAt - b.createdAt);
}

function applySpecs(state: EmulatorState, specs: SeedPostSpec[]): PostRecord[] {
  return specs.map((s) => {
    const media = s.media
      ? storeMedia(state, {
          id: s.media.id,
          ownerId: s.authorId,
          bytes: solidPng(s.media.width, s.media.height, s.media.rgb),
          mimeType: 'image/png',
          createdAt: s.createdAt - 60_000,
          width: s.media.width,
          height: s.media.height,
          ...(s.media.altText ? { altText: s.media.altText } : {}),
        })
      : undefined;
    return insertPost(state, {
      id: s.id,
      authorId: s.authorId,
      text: s.text,
      createdAt: s.createdAt,
      source: s.source,
      publicMetrics: s.metrics,
      ...(s.lang ? { lang: s.lang } : {}),
      ...(s.inReplyTo ? { inReplyToTweetId: s.inReplyTo } : {}),
      ...(s.quoteOf ? { quoteTweetId: s.quoteOf } : {}),
      ...(media ? { mediaIds: [media.id] } : {}),
    });
  });
}

export function seedPosts(state: EmulatorState, seed: SeedName): void {
  applySpecs(state, seedPostSpecs(seed));
}

/**
 * Adds `count` more generated posts (same generator, its own PRNG seed) between `from` and `to` on the emulator
 * clock (default: the last 7 days), by `authorIds` (default: the minimal seed's authors). Returns them oldest first.
 */
export function seedMorePosts(
  state: EmulatorState,
  o: { count: number; authorIds?: string[]; seed?: number; from?: number; to?: number },
): PostRecord[] {
  const to = o.to ?? state.now() - 60_000;
  const from = o.from ?? to - 7 * DAY;
  const specs = generatePosts({
    seed: o.seed ?? 7,
    count: o.count,
    authors: o.authorIds ? o.authorIds.map((id) => ({ id, weight: 1 })) : MINIMAL_AUTHORS,
    from,
    to,
    seqBase: 0,
    earlier: [],
  });
  // Fresh ids from the state (never reusing seeded ones); replies/quotes re-pointed to the new ids.
  const ids = new Map<string, string>();
  for (const s of specs) {
    const id = state.nextId(s.createdAt);
    ids.set(s.id, id);
    s.id = id;
    if (s.media) s.media.id = state.nextId(s.createdAt);
    // A reply or quote of a post outside this batch loses its link (it has no new id to point to).
    const replyTo = s.inReplyTo && ids.get(s.inReplyTo);
    if (replyTo) s.inReplyTo = replyTo;
    else delete s.inReplyTo;
    const quoteOf = s.quoteOf && ids.get(s.quoteOf);
    if (quoteOf) s.quoteOf = quoteOf;
    else delete s.quoteOf;
  }
  return applySpecs(state, specs);
}

// ---------------------------------------------------------------------------------------------------------------
// Follows, mutes, blocks, likes, reposts, lists and bookmarks
// ---------------------------------------------------------------------------------------------------------------
// Ada's account as the extension sees it: people she follows and who follow her, 41 muted and 9 blocked accounts,
// lists she owns (one private), follows, pinned and is a member of, and 1,050 bookmarks of which X returns only
// the newest 800 (x-api--posts--bookmarks--integrate). 1,000 of the bookmarks point at an archive of old posts
// that is only generated when something first reads Ada's bookmarks (`state.deferSeed`), so `reset()` stays cheap.

const crowd = (i: number) => CROWD_USER_IDS[i]!;
const person = (i: number) => crowd(i);
const spam = (i: number) => crowd(CROWD_PEOPLE.length + i);
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);

/** Ada's muted accounts in the order she muted them (41: 26 spam-like, 15 people). */
export const SEED_MUTED_IDS: readonly string[] = [...range(0, 26).map(spam), ...range(12, 27).map(person)].sort((a, b) =>
  // deterministic interleaving: by the last digits of the id
  a.slice(-6) < b.slice(-6) ? -1 : a.slice(-6) > b.slice(-6) ? 1 : 0,
);
/** Ada's blocked accounts in the order she blocked them (9). */
export const SEED_BLOCKED_IDS: readonly string[] = [SPAMBOT_ID, ...range(26, 32).map(spam), person(27), person(28)];
/** Whom Ada follows (oldest first) and who follows her. */
export const SEED_ADA_FOLLOWING: readonly string[] = [SECOND_USER_ID, XDEV_ID, TURING_ID, ...range(0, 10).map(person)];
const ADA_FOLLOWERS = [SECOND_USER_ID, ...range(0, 20).map(person)];

interface SeedList {
  key: string;
  seq: number;
  daysBefore: number;
  ownerId: string;
  name: string;
  description: string;
  private: boolean;
  members: string[];
}

const SEED_LIST_SPECS: SeedList[] = [
  {
    key: 'adaCompilers',
    seq: 7001,
    daysBefore: 400,
    ownerId: DEMO_USER_ID,
    name: 'Compiler folks 🛠️',
    description: 'People who write compilers and the tools around them.',
    private: false,
    members: [SECOND_USER_ID, TURING_ID, XDEV_ID, ...range(0, 6).map(person)],
  },
  {
    key: 'adaJapanese',
    seq: 7002,
    daysBefore: 300,
    ownerId: DEMO_USER_ID,
    name: '日本語 tech 🗾',
    description: '日本語で書く開発者たち — developers writing in Japanese, Chinese and Korean.',
    private: false,
    members: [person(1), person(17), person(2), person(3), person(18), person(19), person(31)],
  },
  {
    key: 'adaClose',
    seq: 7003,
    daysBefore: 200,
    ownerId: DEMO_USER_ID,
    name: 'Close friends 🔒',
    description: 'Just us.',
    private: true,
    members: [SECOND_USER_ID, KJOHNSON_ID],
  },
  {
    key: 'adaReading',
    seq: 7004,
    daysBefore: 120,
    ownerId: DEMO_USER_ID,
    name: 'Reading list 📚',
    description: 'Long threads worth the time, e.g. https://example.com/threads',
    private: false,
    members: [TURING_ID, person(7), person(8), person(9)],
  },
  {
    key: 'graceNavy',
    seq: 7005,
    daysBefore: 500,
    ownerId: SECOND_USER_ID,
    name: 'Navy computing ⚓',
    description: 'COBOL, nanoseconds and the Mark I.',
    private: false,
    members: [DEMO_USER_ID, TURING_ID, person(4), person(5), person(10)],
  },
  {
    key: 'graceDrafts',
    seq: 7006,
    daysBefore: 90,
    ownerId: SECOND_USER_ID,
    name: "Grace's drafts",
    description: 'Not ready yet.',
    private: true,
    members: [TURING_ID],
  },
  {
    key: 'xdevBuilders',
    seq: 7007,
    daysBefore: 700,
    ownerId: XDEV_ID,
    name: 'X API builders',
    description: 'Developers building on the X API v2.',
    private: false,
    members: [DEMO_USER_ID, SECOND_USER_ID, ...range(0, 12).map(person)],
  },
  {
    key: 'turingBletchley',
    seq: 7008,
    daysBefore: 250,
    ownerId: TURING_ID,
    name: 'Bletchley 🔐',
    description: 'Hut 8 alumni.',
    private: true,
    members: [DEMO_USER_ID, SECOND_USER_ID],
  },
  {
    key: 'zoePlants',
    seq: 7009,
    daysBefore: 150,
    ownerId: person(0),
    name: 'Plant people 🌿',
    description: 'Ferns, moss and the people who love them.',
    private: false,
    members: [person(0), person(9), person(21), person(22)],
  },
];

export type SeedListKey =
  | 'adaCompilers'
  | 'adaJapanese'
  | 'adaClose'
  | 'adaReading'
  | 'graceNavy'
  | 'graceDrafts'
  | 'xdevBuilders'
  | 'turingBletchley'
  | 'zoePlants';

/** Stable ids of the seeded lists (both seeds). */
export const SEED_LISTS = Object.fromEntries(SEED_LIST_SPECS.map((l) => [l.key, snowflake(at(l.daysBefore), l.seq)])) as Record<
  SeedListKey,
  string
>;
/** Lists Ada follows (oldest first) and pins (oldest first; X lets one pin lists one owns or follows). */
export const SEED_ADA_FOLLOWED_LISTS: readonly string[] = [SEED_LISTS.graceNavy, SEED_LISTS.xdevBuilders, SEED_LISTS.zoePlants];
export const SEED_ADA_PINNED_LISTS: readonly string[] = [SEED_LISTS.adaCompilers, SEED_LISTS.xdevBuilders];

/** Ada's eagerly seeded bookmarks (the newest 50) and the deferred archive (1,000 older ones). */
export const SEED_RECENT_BOOKMARKS = 50;
export const SEED_ARCHIVE_BOOKMARKS = 1000;

export interface SeedFolder {
  key: string;
  name: string;
  seq: number;
}
const SEED_FOLDER_SPECS: SeedFolder[] = [
  { key: 'readLater', name: 'Read later 📚', seq: 7201 },
  { key: 'recipes', name: 'レシピ 🍳', seq: 7202 },
  { key: 'perchWork', name: 'Perch / work', seq: 7203 },
  { key: 'travel', name: 'Travel ✈️', seq: 7204 },
];
export const SEED_FOLDERS = Object.fromEntries(SEED_FOLDER_SPECS.map((f, i) => [f.key, snowflake(at(200 - i * 20), f.seq)])) as Record<
  'readLater' | 'recipes' | 'perchWork' | 'travel',
  string
>;

function visibleSeedAuthor(state: EmulatorState, id: string): boolean {
  const u = state.users.get(id);
  return !!u && !u.protected && u.status !== 'suspended' && u.status !== 'deleted';
}

/** The named posts among Ada's recent bookmarks. */
function namedBookmarks(): string[] {
  return [SEED_POSTS.turingCjk, SEED_POSTS.xdevAnnouncement, SEED_POSTS.gracePhoto, SEED_POSTS.graceMentionsAda, SEED_POSTS.turingLong];
}

/** The seed's 50 recent bookmarks of Ada: five named posts plus every sixth visible seeded post. */
function recentBookmarkIds(state: EmulatorState): string[] {
  const named = namedBookmarks();
  const pool = [...state.posts.values()]
    .filter((p) => !p.deleted && visibleSeedAuthor(state, p.authorId) && !named.includes(p.id))
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  const picked = pool.filter((_, i) => i % 6 === 0).slice(0, SEED_RECENT_BOOKMARKS - named.length);
  return [...picked.map((p) => p.id), ...named];
}

function seedSocial(state: EmulatorState): void {
  // Follows (Grace follows Ada; 20 of the crowd follow Ada; Ada follows 13 accounts, none protected).
  const adaFollowing = state.relation(state.following, DEMO_USER_ID);
  for (const id of SEED_ADA_FOLLOWING) adaFollowing.add(id);
  for (const id of ADA_FOLLOWERS) state.relation(state.following, id).add(DEMO_USER_ID);
  state.relation(state.following, SECOND_USER_ID).add(TURING_ID);
  const muting = state.relation(state.muting, DEMO_USER_ID);
  for (const id of SEED_MUTED_IDS) muting.add(id);
  const blocking = state.relation(state.blocking, DEMO_USER_ID);
  for (const id of SEED_BLOCKED_IDS) blocking.add(id);
  state.relation(state.muting, SECOND_USER_ID).add(SPAMBOT_ID);

  // Likes and reposts of Ada (a few named posts).
  const likes = state.relation(state.likes, DEMO_USER_ID);
  for (const id of [SEED_POSTS.graceMentionsAda, SEED_POSTS.xdevAnnouncement, SEED_POSTS.turingCjk, SEED_POSTS.gracePhoto]) likes.add(id);
  const reposts = state.relation(state.reposts, DEMO_USER_ID);
  for (const id of [SEED_POSTS.xdevAnnouncement, SEED_POSTS.turingCjk]) reposts.add(id);

  // Lists.
  for (const l of SEED_LIST_SPECS) {
    state.lists.set(SEED_LISTS[l.key as SeedListKey], {
      id: SEED_LISTS[l.key as SeedListKey],
      ownerId: l.ownerId,
      name: l.name,
      description: l.description,
      private: l.private,
      createdAt: at(l.daysBefore),
      members: [...l.members],
    });
  }
  state.followedLists.set(DEMO_USER_ID, [...SEED_ADA_FOLLOWED_LISTS]);
  state.followedLists.set(SECOND_USER_ID, [SEED_LISTS.xdevBuilders, SEED_LISTS.adaCompilers]);
  for (const i of range(0, 6)) state.relationList(state.followedLists, person(i)).push(SEED_LISTS.xdevBuilders);
  state.pinnedLists.set(DEMO_USER_ID, [...SEED_ADA_PINNED_LISTS]);

  // Bookmarks: 50 recent ones now, the 1,000-post archive on first use.
  const bookmarks = state.bookmarksOf(DEMO_USER_ID);
  recentBookmarkIds(state).forEach((id, i) => {
    const post = state.posts.get(id)!;
    bookmarks.set(id, Math.min(post.createdAt + ((i * 2_654_435) % (12 * 3_600_000)) + 60_000, SEED_ANCHOR_MS - (i + 1) * 1000));
  });
  // Folders hold bookmarks, each in at most one folder.
  const byNewest = state.bookmarkIds(DEMO_USER_ID);
  const named = namedBookmarks();
  const rest = byNewest.filter((id) => !named.includes(id));
  const folderPosts: Record<string, string[]> = {
    readLater: rest.filter((_, i) => i % 7 === 1).slice(0, 6),
    recipes: [SEED_POSTS.turingCjk, ...rest.filter((_, i) => i % 7 === 4).slice(0, 2)],
    perchWork: [SEED_POSTS.xdevAnnouncement, SEED_POSTS.gracePhoto, SEED_POSTS.graceMentionsAda, rest[12]!],
    travel: [],
  };
  state.bookmarkFolders.set(
    DEMO_USER_ID,
    SEED_FOLDER_SPECS.map((f) => ({
      id: SEED_FOLDERS[f.key as keyof typeof SEED_FOLDERS],
      name: f.name,
      postIds: byNewest.filter((id) => folderPosts[f.key]!.includes(id)),
    })),
  );
  state.deferSeed(`bookmarks:${DEMO_USER_ID}`, () => seedBookmarkArchive(state));
}

/** Authors of the archive posts: public accounts of the minimal seed and the crowd's people. */
function archiveAuthors(): { id: string; weight: number }[] {
  return [
    { id: SECOND_USER_ID, weight: 4 },
    { id: XDEV_ID, weight: 4 },
    { id: TURING_ID, weight: 3 },
    { id: DEMO_USER_ID, weight: 1 },
    ...range(0, CROWD_PEOPLE.length)
      .filter((i) => i !== CROWD_PROTECTED_INDEX)
      .map((i) => ({ id: person(i), weight: 1 })),
  ];
}

/** 1,000 posts from 2.5 years to 3 months before the anchor, each bookmarked by Ada a little after it was posted. */
function seedBookmarkArchive(state: EmulatorState): void {
  const specs = generatePosts({
    seed: 18151210,
    count: SEED_ARCHIVE_BOOKMARKS,
    authors: archiveAuthors(),
    from: at(900),
    to: at(91),
    seqBase: 8192,
  });
  const posts = applySpecs(state, specs);
  const bookmarks = state.bookmarks.get(DEMO_USER_ID) ?? new Map<string, number>();
  state.bookmarks.set(DEMO_USER_ID, bookmarks);
  posts.forEach((p, i) => {
    if (!bookmarks.has(p.id)) bookmarks.set(p.id, p.createdAt + 60_000 + ((i * 7_368_787) % (24 * 3_600_000)));
  });
}

/**
 * Adds `count` bookmarks for `userId` (default Ada) on freshly generated posts (the last 7 days on the emulator
 * clock, by public authors), bookmarked just now, the last one newest. For tests and benchmarks. Returns the post
 * ids, oldest bookmark first.
 */
export function seedBookmarks(state: EmulatorState, count: number, opts: { userId?: string; seed?: number } = {}): string[] {
  const userId = opts.userId ?? DEMO_USER_ID;
  const bookmarks = state.bookmarksOf(userId);
  const posts = seedMorePosts(state, {
    count,
    seed: opts.seed ?? 1815,
    authorIds: [SECOND_USER_ID, XDEV_ID, TURING_ID, ...range(0, 12).map(person)],
  });
  const now = state.now();
  posts.forEach((p, i) => bookmarks.set(p.id, now - (count - i)));
  return posts.map((p) => p.id);
}
