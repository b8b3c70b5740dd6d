import type { DraftView, EditView } from '@/lib/messaging';

/** A post of the signed-in person's that the composer tests publish or edit. */
export const OWN_POST = '1880028106020515840';

/** X's word on editing `OWN_POST`: editable, 20 minutes left of X's 30, as `post.editView` answers it. */
export function editableView(over: Partial<EditView> = {}): EditView {
  return {
    postId: OWN_POST,
    editable: true,
    eligible: true,
    editableUntil: new Date(Date.now() + 20 * 60_000).toISOString(),
    editsRemaining: 5,
    media: false,
    text: 'The first version',
    ...over,
  };
}

/** A new post's draft of one post (with `media`, if any), as `draft.get` answers it. */
export function composeDraft(text = 'Hello from Perch', media: DraftView['posts'][number]['media'] = []): DraftView {
  return {
    context: 'compose',
    posts: [{ text, media }],
    publishedIds: [],
    state: 'editing',
    seq: 1,
    updatedAt: '2026-12-03T03:00:00.000Z',
  };
}
