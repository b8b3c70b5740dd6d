import { expandedPostText } from '../text/segments';
import type { XClient } from '../x/client';
import { EDIT_FIELDS, getPost } from '../x/posts';
import type { XPost } from '../x/schemas';
import type { EditView } from '../views';
import { ComposeError } from './compose';
import { wholePost } from './records';

export { EDIT_WINDOW_MS } from '../edit-context';

/**
 * Editing one's own post (x-api--fundamentals--edit-posts): within 30 minutes of the original, up to 5 edits, each
 * edit a new post (a new id) sent as `POST /2/tweets` with `edit_options.previous_post_id` (createPosts). X's docs
 * tie edits to no subscription: whether a post may be edited is X's `edit_controls.is_edit_eligible`, asked for by
 * name. Perch edits the text only: a post with media is not offered (its media would have to be sent again).
 */

/**
 * What X says of editing `post` for `accountId`, or undefined when it is not theirs or X did not send
 * `edit_controls`. Editable only as the latest version (the last of `edit_history_tweet_ids`, oldest first), without
 * media, with X's `is_edit_eligible` and edits remaining.
 */
export function editViewOf(post: XPost, accountId: string): EditView | undefined {
  const controls = post.edit_controls;
  if (!controls || post.author_id !== accountId) return undefined;
  const history = post.edit_history_tweet_ids ?? [post.id];
  const latest = history[history.length - 1] === post.id;
  const hasMedia = (post.attachments?.media_keys?.length ?? 0) > 0;
  const whole = wholePost(post);
  const urls = (whole.entities?.urls ?? []).map((u) => ({
    url: u.url,
    start: u.start,
    end: u.end,
    ...(u.expanded_url ? { expandedUrl: u.expanded_url } : {}),
  }));
  return {
    postId: post.id,
    editable: controls.is_edit_eligible && controls.edits_remaining > 0 && latest && !hasMedia,
    eligible: controls.is_edit_eligible,
    editableUntil: controls.editable_until,
    editsRemaining: Math.max(0, controls.edits_remaining),
    media: hasMedia,
    text: expandedPostText(whole.text, urls),
  };
}

/**
 * The edit view's read: the post with `edit_controls`, and no expansion. The view reads `author_id` as a field (the
 * post is the person's own), never its author's user object, which X would bill as a user read
 * (x-api--getting-started--pricing) on top of the post.
 */
const EDIT_READ = { 'tweet.fields': EDIT_FIELDS, expansions: [], 'user.fields': [] } as const;

/**
 * Asks X whether the person may edit their post now (one post lookup with `edit_controls`, billed as one post read).
 * @throws XApiError (as getPost); ComposeError 'invalid-post' (kind 'edit-unknown', worded by the screen in its
 *   reader's language) when the post is not the person's or X sent no `edit_controls`
 */
export async function readEditView(client: XClient, accountId: string, postId: string): Promise<EditView> {
  const post = await getPost(client, postId, { fields: EDIT_READ });
  const view = editViewOf(post, accountId);
  if (!view) throw new ComposeError('invalid-post', { kind: 'edit-unknown' });
  return view;
}
