/**
 * Editing one's own post (x-api--fundamentals--edit-posts, "Edit rules"): 30 minutes from the original, up to 5
 * edits, each edit a new post with a new id. Shared by the background and the screens: an edit's draft has its own
 * context, apart from a reply to or a quote of the same post.
 */

/** X lets a post be edited for 30 minutes from the original. */
export const EDIT_WINDOW_MS = 30 * 60 * 1000;

/** The draft context of an edit of `postId`. */
export const editContext = (postId: string) => `edit:${postId}`;

/** The post a draft context edits, or undefined for any other draft. */
export function editedPostId(context: string): string | undefined {
  return /^edit:(\d{1,19})$/.exec(context)?.[1];
}
