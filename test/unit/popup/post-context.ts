import type { PostContext, ProfileContext } from '@/lib/messaging';

/** The post the popup's unit tests open on. */
export const POST_ID = '1460323737035677698';

/** The account whose profile the popup's unit tests open on. */
export const GRACE = { id: '2244994945', name: 'Grace Hopper', username: 'gracehop' };

/**
 * The background's `tab.post` answer as the popup gets it: a plain post whose author X did not give, not bookmarked,
 * liked or reposted, no action on it yet, Reply, Quote and Block through Perch; `overrides` for what a test is about.
 */
export function postContext(overrides: Partial<PostContext> = {}): PostContext {
  return {
    kind: 'post',
    post: { id: POST_ID, text: 'Hello', mediaCount: 0, quoted: false },
    author: null,
    bookmarked: false,
    liked: false,
    reposted: false,
    actions: [],
    rules: { reply: 'perch', quote: 'perch', block: 'perch' },
    ...overrides,
  };
}

/** Grace as X tells the account of her: not followed, requested, muted or blocked; `overrides` for what a test is about. */
export function profileUser(overrides: Partial<NonNullable<ProfileContext['user']>> = {}): NonNullable<ProfileContext['user']> {
  return { ...GRACE, following: false, followRequested: false, muted: false, blocked: false, ...overrides };
}

/**
 * The background's `tab.profile` answer as the popup gets it: Grace's profile (`profileUser()`), no action on her yet,
 * Block through Perch; `overrides` for what a test is about.
 */
export function profileContext(overrides: Partial<ProfileContext> = {}): ProfileContext {
  return { kind: 'profile', user: profileUser(), actions: [], rules: { block: 'perch' }, ...overrides };
}
