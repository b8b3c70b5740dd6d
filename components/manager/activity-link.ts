import type { ActionRow } from '@/lib/db';
import { postUrl, profileUrl } from '@/lib/x-url';

/** Where on x.com the thing an action was about is: the post (bookmark, like, repost…) or the profile (mute, follow…). */
export function actedOnLink(a: Pick<ActionRow, 'params'>): { href: string; kind: 'post' | 'profile' } | undefined {
  const { postId, username } = a.params;
  const name = typeof username === 'string' && username ? username : undefined;
  if (typeof postId === 'string' && /^\d{1,19}$/.test(postId)) return { href: postUrl(postId, name), kind: 'post' };
  if (name) return { href: profileUrl(name), kind: 'profile' };
  return undefined;
}
