import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseXUrl, postUrl, profileUrl, RESERVED_ROUTES, type XUrl } from '@/lib/x-url';

/**
 * What Perch makes of x.com addresses beyond their kind: routes X reserves, ids, the properties that hold for any
 * address, and which addresses are on x.com. Lists, posts, profiles and anything else: x-url.test.ts.
 */

const OTHER: XUrl = { kind: 'other' };

describe('reserved routes', () => {
  // Named in the brief; RESERVED_ROUTES holds these and more.
  const named = [
    'home',
    'explore',
    'notifications',
    'messages',
    'search',
    'settings',
    'i',
    'compose',
    'intent',
    'share',
    'hashtag',
    'login',
    'logout',
    'signup',
    'tos',
    'privacy',
    'about',
    'account',
    'download',
    'jobs',
    'lists',
    'bookmarks',
    'communities',
    'premium',
    'verified-choose',
    'topics',
    'moments',
    'search-advanced',
    'who_to_follow',
    'connect_people',
    'following',
    'followers',
    'oauth',
    'oauth2',
    'sw.js',
    'manifest.json',
    'robots.txt',
  ];

  it.each(named)('lists %s as reserved', (route) => {
    expect(RESERVED_ROUTES.has(route)).toBe(true);
  });

  it.each([...RESERVED_ROUTES])('never reads /%s as a profile or a post author, in any case', (route) => {
    for (const written of [route, route.toUpperCase(), route[0]!.toUpperCase() + route.slice(1)]) {
      for (const path of [written, `${written}/`, `${written}/media`, `${written}/status/20`]) {
        const result = parseXUrl(`https://x.com/${path}`);
        // Only /i/status/ID is a post, and then one with no author.
        expect(result.kind === 'post' ? result : OTHER).not.toHaveProperty('username');
        if (path !== 'i/status/20') expect(result).toStrictEqual(OTHER);
      }
    }
  });

  it('keeps every reserved route in lower case', () => {
    for (const route of RESERVED_ROUTES) expect(route).toBe(route.toLowerCase());
  });
});

describe('ids', () => {
  it('keeps a 19-digit id beyond 2^53 exactly, as a string', () => {
    const id = '1234567890123456789';
    expect(String(Number(id))).not.toBe(id); // it would not survive a trip through a number
    const result = parseXUrl(`https://x.com/jack/status/${id}`);
    expect(result).toStrictEqual({ kind: 'post', postId: id, username: 'jack' });
    expect(result.kind === 'post' && typeof result.postId).toBe('string');
  });

  it.each(['1', '9', '10', '123456789012345678', '1000000000000000000'])('accepts id %s', (id) => {
    expect(parseXUrl(`https://x.com/jack/status/${id}`)).toStrictEqual({ kind: 'post', postId: id, username: 'jack' });
  });
});

// --- Properties ---------------------------------------------------------------------------------------------------

const HOSTS = ['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com', 'www.x.com', 'www.twitter.com'];
const username = fc.stringMatching(/^[A-Za-z0-9_]{1,15}$/).filter((u) => !RESERVED_ROUTES.has(u.toLowerCase()));
const postId = fc.stringMatching(/^[1-9][0-9]{0,18}$/);
const caseMix = (host: string) =>
  fc
    .array(fc.boolean(), { minLength: host.length, maxLength: host.length })
    .map((upper) => [...host].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(''));
const host = fc.constantFrom(...HOSTS).chain(caseMix);
const scheme = fc.constantFrom('https', 'http');
const postTail = fc.constantFrom(
  '',
  '/',
  '/photo/1',
  '/photo/4',
  '/video/1',
  '/analytics',
  '/likes',
  '/retweets',
  '/quotes',
  '/history',
  '/likes/more/stuff',
);
const query = fc.option(
  fc.webQueryParameters().map((q) => `?${q}`),
  { nil: '' },
);
const fragment = fc.option(
  fc.webFragments().map((f) => `#${f}`),
  { nil: '' },
);

function isWellFormed(result: XUrl): boolean {
  switch (result.kind) {
    case 'post':
      return /^[1-9][0-9]{0,18}$/.test(result.postId) && (result.username === undefined || /^[A-Za-z0-9_]{1,15}$/.test(result.username));
    case 'profile':
      return /^[A-Za-z0-9_]{1,15}$/.test(result.username);
    case 'list':
      return /^[1-9][0-9]{0,18}$/.test(result.listId);
    case 'other':
      return Object.keys(result).length === 1;
  }
}

describe('properties', () => {
  it('never throws on arbitrary strings, and always answers a well-formed result', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (s) => {
        expect(isWellFormed(parseXUrl(s))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary web URLs, nor on arbitrary paths of X hosts', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true, validSchemes: ['http', 'https', 'ftp'] }), (url) => {
        expect(isWellFormed(parseXUrl(url))).toBe(true);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(scheme, host, fc.webPath(), query, fragment, (s, h, path, q, f) => {
        expect(isWellFormed(parseXUrl(`${s}://${h}${path}${q}${f}`))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads other hosts as other, whatever the path', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        fc.pre(!HOSTS.includes(new URL(url).hostname));
        expect(parseXUrl(url)).toStrictEqual(OTHER);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips the id and username of generated post URLs exactly', () => {
    fc.assert(
      fc.property(
        scheme,
        host,
        username,
        fc.constantFrom('status', 'statuses'),
        postId,
        postTail,
        query,
        fragment,
        (s, h, user, keyword, id, tail, q, f) => {
          expect(parseXUrl(`${s}://${h}/${user}/${keyword}/${id}${tail}${q}${f}`)).toStrictEqual({
            kind: 'post',
            postId: id,
            username: user,
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('round-trips the id of generated author-less post URLs exactly', () => {
    fc.assert(
      fc.property(
        scheme,
        host,
        fc.constantFrom('/i/status/', '/i/web/status/'),
        postId,
        postTail,
        query,
        fragment,
        (s, h, p, id, tail, q, f) => {
          expect(parseXUrl(`${s}://${h}${p}${id}${tail}${q}${f}`)).toStrictEqual({ kind: 'post', postId: id });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('round-trips the username of generated profile URLs exactly', () => {
    const tab = fc.constantFrom('', '/', '/with_replies', '/media', '/likes', '/followers', '/following', '/lists', '/header_photo');
    fc.assert(
      fc.property(scheme, host, username, tab, query, fragment, (s, h, user, t, q, f) => {
        expect(parseXUrl(`${s}://${h}/${user}${t}${q}${f}`)).toStrictEqual({ kind: 'profile', username: user });
      }),
      { numRuns: 500 },
    );
  });

  it('rejects ids that are not 1–19 digits without a leading zero', () => {
    const badId = fc
      .oneof(fc.string({ minLength: 0, maxLength: 25 }), fc.stringMatching(/^[0-9]{20,30}$/), fc.stringMatching(/^0[0-9]{0,18}$/))
      // Characters the URL parser strips, or that end the path, would change what is tested.
      .filter((id) => !/^[1-9][0-9]{0,18}$/.test(id) && !/[\x00-\x20\x7f/?#\\]/.test(id));
    fc.assert(
      fc.property(username, badId, (user, id) => {
        expect(parseXUrl(`https://x.com/${user}/status/${id}`).kind).not.toBe('post');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('addresses on x.com', () => {
  it('gives a post’s address under its author, or under /i/ without one, and reads back as that post', () => {
    expect(postUrl('1460323737035677698', 'XDevelopers')).toBe('https://x.com/XDevelopers/status/1460323737035677698');
    expect(postUrl('1460323737035677698')).toBe('https://x.com/i/status/1460323737035677698');
    expect(parseXUrl(postUrl('123', 'gracehop'))).toEqual({ kind: 'post', postId: '123', username: 'gracehop' });
  });

  it('gives a profile’s address, which reads back as that profile', () => {
    expect(profileUrl('gracehop')).toBe('https://x.com/gracehop');
    expect(parseXUrl(profileUrl('gracehop'))).toEqual({ kind: 'profile', username: 'gracehop' });
  });
});
