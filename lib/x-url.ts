import { isXId, USERNAME_PATTERN } from './limits';

// Recognises what an X (Twitter) web URL shows, so the popup can offer actions on the current tab.
// Deliberately conservative: anything not certainly a post or a profile is "other".

/** What an X web URL shows: a post (with the author's handle when the URL names one), a profile, a list, or anything else. */
export type XUrl =
  | { kind: 'post'; postId: string; username?: string }
  | { kind: 'profile'; username: string }
  | { kind: 'list'; listId: string }
  | { kind: 'other' };

const OTHER: XUrl = Object.freeze({ kind: 'other' });

/** Hosts serving the X web app (compared lower-case; `new URL` already lower-cases hosts). */
const HOSTS: ReadonlySet<string> = new Set(['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com', 'www.x.com', 'www.twitter.com']);

/** X handles: 1–15 ASCII letters, digits or underscores (lib/limits.ts). */
const USERNAME = USERNAME_PATTERN;

/**
 * First path segments that are X routes, never handles (compared lower-case). Includes the names X and
 * Twitter have reserved over the years; an unlucky real account among them only costs a profile read as "other".
 */
export const RESERVED_ROUTES: ReadonlySet<string> = new Set([
  // Routes of the current web app.
  'home',
  'explore',
  'notifications',
  'messages',
  'search',
  'search-advanced',
  'settings',
  'i',
  'compose',
  'intent',
  'share',
  'hashtag',
  'login',
  'logout',
  'signup',
  'signin',
  'tos',
  'privacy',
  'rules',
  'about',
  'account',
  'download',
  'jobs',
  'lists',
  'bookmarks',
  'communities',
  'premium',
  'premium_sign_up',
  'verified-choose',
  'topics',
  'moments',
  'who_to_follow',
  'connect_people',
  'following',
  'followers',
  'oauth',
  'oauth2',
  'flow',
  'onboarding',
  'display',
  'keyboard_shortcuts',
  'your_twitter_data',
  'personalization',
  'sessions',
  'session',
  'password_reset',
  'account_access',
  'jf',
  'spaces',
  'places',
  'trends',
  'tweetdeck',
  'status',
  'statuses',
  'web',
  'me',
  'help',
  'en',
  // Names Twitter reserved historically.
  'accounts',
  'activity',
  'all',
  'announcements',
  'anywhere',
  'api_rules',
  'api_terms',
  'apirules',
  'apps',
  'auth',
  'badges',
  'blog',
  'buttons',
  'contacts',
  'devices',
  'direct_messages',
  'downloads',
  'edit_announcements',
  'faq',
  'favorites',
  'find_sources',
  'find_users',
  'friend_request',
  'friendrequest',
  'friends',
  'goodies',
  'im_account',
  'inbox',
  'invitations',
  'invite',
  'join',
  'logo',
  'media_signup',
  'mentions',
  'mockview',
  'newtwitter',
  'nudge',
  'phoenix_search',
  'positions',
  'public_timeline',
  'related_tweets',
  'replies',
  'retweeted_of_mine',
  'retweets',
  'retweets_by_others',
  'saved_searches',
  'sent',
  'similar_to',
  'statistics',
  'terms',
  'translate',
  'tweetbutton',
  'twttr',
  'update_discoverability',
  'users',
  'welcome',
  'widgets',
  'zendesk_auth',
  // Files at the site root (never valid handles anyway, listed for completeness).
  'sw.js',
  'manifest.json',
  'robots.txt',
  'favicon.ico',
  'opensearch.xml',
  'sitemap.xml',
  'humans.txt',
]);

/** Second path segments that are tabs of a profile page (`/USER/TAB`). */
const PROFILE_TABS: ReadonlySet<string> = new Set([
  'with_replies',
  'media',
  'likes',
  'highlights',
  'articles',
  'followers',
  'following',
  'verified_followers',
  'followers_you_follow',
  'lists',
  'photo',
  'header_photo',
]);

/** Views of a post reached by one segment after its id (`/USER/status/ID/likes`). */
const POST_VIEWS: ReadonlySet<string> = new Set(['analytics', 'likes', 'retweets', 'quotes', 'history']);

/** Tabs of a list's page (`/i/lists/ID/members`). */
const LIST_TABS: ReadonlySet<string> = new Set(['members', 'followers', 'subscribers', 'info']);

const isListTail = (rest: readonly string[]): boolean => rest.length === 0 || (rest.length === 1 && LIST_TABS.has(rest[0]!));

const PHOTO_INDEXES: ReadonlySet<string> = new Set(['1', '2', '3', '4']);

function isHandle(segment: string | undefined): segment is string {
  return segment !== undefined && USERNAME.test(segment) && !RESERVED_ROUTES.has(segment.toLowerCase());
}

/** Whether what follows a post id still shows that post: nothing, or a known view (anything after it ignored). */
function isPostTail(rest: readonly string[]): boolean {
  const [view, index] = rest;
  if (view === undefined) return true;
  if (POST_VIEWS.has(view)) return true;
  if (view === 'photo') return index !== undefined && PHOTO_INDEXES.has(index);
  if (view === 'video') return index === '1';
  return false;
}

/** The post `postId` names when it is X's id (19 digits at most, lib/limits.ts `isXId`) and `rest` still shows it. */
function post(postId: string | undefined, rest: readonly string[], username?: string): XUrl {
  if (postId === undefined || !isXId(postId) || !isPostTail(rest)) return OTHER;
  return username === undefined ? { kind: 'post', postId } : { kind: 'post', postId, username };
}

/** Reads an absolute path (`/a/b/`) of the X web app. */
function parsePath(path: string): XUrl {
  if (!path.startsWith('/')) return OTHER;
  const segments = path.slice(1).split('/');
  // One trailing slash is harmless; `//` anywhere else is not a page we know.
  if (segments.length > 1 && segments[segments.length - 1] === '') segments.pop();
  const [first, second, ...rest] = segments;

  if (first === 'i') {
    if (second === 'status') return post(rest[0], rest.slice(1));
    if (second === 'web' && rest[0] === 'status') return post(rest[1], rest.slice(2));
    // A list's page (`/i/lists/ID`); its tabs (`/members`, `/followers`) still show that list. List ids are snowflakes too.
    if (second === 'lists' && rest[0] !== undefined && isXId(rest[0]) && isListTail(rest.slice(1)))
      return { kind: 'list', listId: rest[0] };
    return OTHER;
  }
  if (!isHandle(first)) return OTHER;
  if (second === 'status' || second === 'statuses') return post(rest[0], rest.slice(1), first);
  if (second === undefined || (PROFILE_TABS.has(second) && rest.length === 0)) return { kind: 'profile', username: first };
  return OTHER;
}

/**
 * Tells what an X web URL shows: a post (`/USER/status/ID`, `/i/web/status/ID`, legacy `/#!/USER/status/ID`, …),
 * a profile (`/USER` and its tabs), a list (`/i/lists/ID`), or `{ kind: 'other' }` for anything else — other hosts and look-alikes,
 * X routes such as `/home` or `/search`, malformed handles or ids, non-http(s) URLs and strings that are not URLs.
 *
 * Post ids are returned as the decimal strings found in the URL (never converted to numbers: they exceed 2^53);
 * handles keep the case they are written in. `username` is absent for posts addressed without one (`/i/status/ID`).
 *
 * Never throws, whatever the input.
 */
export function parseXUrl(url: string): XUrl {
  try {
    if (typeof url !== 'string') return OTHER;
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return OTHER;
    if (!HOSTS.has(parsed.hostname.toLowerCase()) || parsed.port !== '') return OTHER;
    if (parsed.pathname === '/' && parsed.hash.startsWith('#!/')) {
      // Legacy hashbang URLs: https://twitter.com/#!/USER/status/ID
      return parsePath(parsed.hash.slice(2).split(/[?#]/, 1)[0] ?? '');
    }
    return parsePath(parsed.pathname);
  } catch {
    return OTHER;
  }
}

export { listUrl, postUrl, profileUrl } from './x-links';
