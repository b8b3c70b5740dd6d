import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FailedLineView } from '@/components/FailedLine';
import { lineOf, type FailureNote } from '@/lib/failed-actions';
import { noFailedLineActions as nothing } from '../support/failed-line-actions';

const at = '2026-12-02T05:00:00.000Z';
const refusedLike: FailureNote = {
  seq: 1,
  type: 'like',
  params: { postId: '1', username: 'gracehop' },
  error: { kind: 'forbidden', said: 'You cannot like this post.' },
  at,
};
const waitingMute: FailureNote = {
  seq: 2,
  type: 'mute',
  params: { userId: '2', username: 'ewd' },
  error: { kind: 'usage-capped' },
  waiting: true,
  at,
};
const render = (notes: FailureNote[], expanded = false) =>
  renderToStaticMarkup(<FailedLineView notes={notes} expanded={expanded} on={nothing} />);
const buttons = (html: string) =>
  [...html.matchAll(/<button[^>]*aria-label="([^"]+)"[^>]*>([^<]+)<\/button>/g)].map((m) => `${m[2]} | ${m[1]}`);

describe('the popup’s first line for actions that failed with no screen open', () => {
  it('shows nothing when nothing failed', () => {
    expect(render([])).toBe('');
  });

  it('says what X refused and why, with Retry, Dismiss and the Activity tab', () => {
    const html = render([refusedLike]);
    expect(html).toContain('aria-label="Actions that need you"');
    expect(html).toContain('Like a post by @gracehop: not done. X does not allow this. X said: “\u2068You cannot like this post.\u2069”');
    expect(buttons(html)).toEqual(['Retry | Retry: Like a post by @gracehop', 'Dismiss | Dismiss: Like a post by @gracehop']);
    expect(html).toMatch(
      /<a href="[^"]*\/manager\.html#activity"[^>]*aria-label="Activity — everything Perch did on X"[^>]*>Activity<\/a>/,
    );
  });

  it('offers Undo for an action still waiting for the person (out of credits)', () => {
    const html = render([waitingMute]);
    expect(html).toContain('Mute @ewd: waiting for you. Your X app is out of credits');
    expect(buttons(html)).toEqual(['Retry | Retry: Mute @ewd', 'Undo | Undo: Mute @ewd']);
  });

  it('counts several, and shows each with its own choices once asked', () => {
    const folded = render([refusedLike, waitingMute]);
    expect(folded).toContain('2 actions failed');
    expect(folded).toContain('aria-expanded="false"');
    expect(folded).not.toContain('Like a post by @gracehop');
    const open = render([refusedLike, waitingMute], true);
    expect(open).toContain('aria-expanded="true"');
    expect(buttons(open)).toEqual([
      'Retry | Retry: Like a post by @gracehop',
      'Dismiss | Dismiss: Like a post by @gracehop',
      'Retry | Retry: Mute @ewd',
      'Undo | Undo: Mute @ewd',
    ]);
  });
});

describe('what the popup’s line does with the notes while in view', () => {
  it('shows each note, and tells the background which left the badge', () => {
    const { said, shown, seen } = lineOf([refusedLike, { ...waitingMute, shown: true }], () => false);
    expect(said.map((n) => n.seq)).toEqual([1, 2]);
    // The mute was shown in an earlier popup: the badge already left it.
    expect(shown).toEqual([1]);
    expect(seen).toEqual([]);
  });

  it('does not say again a failure this popup’s own button said as it happened, and has it seen', () => {
    const { said, shown, seen } = lineOf([refusedLike, waitingMute], (seq) => seq === 1);
    expect(said.map((n) => n.seq)).toEqual([2]);
    expect(shown).toEqual([2]);
    expect(seen).toEqual([1]);
  });
});
