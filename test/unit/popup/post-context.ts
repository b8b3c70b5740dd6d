import type { PostContext } from '@/lib/messaging';

/** The post the popup's unit tests open on. */
export const POST_ID = '1460323737035677698';

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
