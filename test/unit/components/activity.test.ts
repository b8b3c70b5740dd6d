import { describe, expect, it } from 'vitest';
import { actedOnLink } from '@/components/manager/activity-link';
import { dateOf, relativeTimeOf } from '@/components/manager/format';

const now = Date.parse('2026-03-01T12:00:00Z');
const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();

describe('Activity times read as how long ago', () => {
  it.each([
    [10, 'now'],
    [5 * 60, '5 minutes ago'],
    [3 * 3600, '3 hours ago'],
    [26 * 3600, 'yesterday'],
    [3 * 86400, '3 days ago'],
  ])('%i seconds back reads "%s"', (seconds, words) => {
    expect(relativeTimeOf(ago(seconds), now)).toBe(words);
  });

  it('gives the date from a week back, and text that is not a date as it is', () => {
    expect(relativeTimeOf(ago(30 * 86400), now)).toBe(dateOf(ago(30 * 86400)));
    expect(relativeTimeOf('not a date', now)).toBe('not a date');
  });
});

describe('Activity links to what was acted on', () => {
  it('links a post action to the post, a person action to the profile, and a List action to the List', () => {
    expect(actedOnLink({ params: { postId: '1460323737035677698', username: 'gracehop' } })).toEqual({
      href: 'https://x.com/gracehop/status/1460323737035677698',
      kind: 'post',
    });
    expect(actedOnLink({ params: { userId: '2', username: 'gracehop' } })).toEqual({ href: 'https://x.com/gracehop', kind: 'profile' });
    expect(actedOnLink({ type: 'list.update', params: { listId: '9', name: 'Cobol fans' } })).toEqual({
      href: 'https://x.com/i/lists/9',
      kind: 'list',
    });
    // A List member's action links to the member, as the Activity row names them ("Add @gracehop to “Cobol fans”").
    expect(actedOnLink({ type: 'list.addMember', params: { listId: '9', userId: '2', username: 'gracehop' } })).toEqual({
      href: 'https://x.com/gracehop',
      kind: 'profile',
    });
  });

  it('links a List made with Perch by the id X gave it, and a deleted List or one X has not made yet to nothing', () => {
    expect(actedOnLink({ type: 'list.create', params: { tempId: 'tmp-1', name: 'Cobol fans' }, result: { id: '9' } })).toEqual({
      href: 'https://x.com/i/lists/9',
      kind: 'list',
    });
    expect(actedOnLink({ type: 'list.create', params: { tempId: 'tmp-1', name: 'Cobol fans' } })).toBeUndefined();
    expect(actedOnLink({ type: 'list.delete', params: { listId: '9', listName: 'Cobol fans' } })).toBeUndefined();
    expect(actedOnLink({ params: { listId: '9', name: 'Cobol fans' } })).toBeUndefined();
  });
});
