import { describe, expect, it } from 'vitest';
import {
  actionPhase,
  actionWhat,
  canUndo,
  phaseNote,
  phaseSentence,
  phaseWords,
  reversedSince,
  type ActionPhase,
} from '@/components/manager/action-state';
import type { ActionRow } from '@/lib/db';
import { AWAITING_PERSON } from '@/lib/db/rows';

const now = Date.parse('2026-03-01T12:00:00Z');
const row = (state: ActionRow['state'], extra: Partial<ActionRow> = {}) => ({ state, notBefore: 0, ...extra });
const action = (type: string, state: ActionRow['state'], extra: Partial<ActionRow> = {}): ActionRow => ({
  seq: 1,
  accountId: '1',
  type,
  params: { userId: '2', username: 'gracehop' },
  label: 'label from the background',
  createdAt: '2026-03-01T11:00:00.000Z',
  updatedAt: '2026-03-01T11:00:00.000Z',
  attempts: 0,
  ...row(state),
  ...extra,
});

describe('what an action is doing, in one vocabulary', () => {
  it.each([
    ['queued and due', row('queued'), undefined, { kind: 'queued' }],
    ['queued behind a rate limit', row('queued', { notBefore: now + 60_000 }), undefined, { kind: 'queued', until: now + 60_000 }],
    ['queued with a wait already over', row('queued', { notBefore: now - 1 }), undefined, { kind: 'queued' }],
    [
      'queued for the person (out of credits), with X’s reason',
      row('queued', { notBefore: AWAITING_PERSON, error: { kind: 'usage-capped', message: 'Out of credits.' } }),
      undefined,
      { kind: 'queued', awaitingPerson: true, reason: 'Out of credits.', reasonKind: 'usage-capped' },
    ],
    ['sending', row('sending'), undefined, { kind: 'sending' }],
    ['done', row('done'), undefined, { kind: 'done' }],
    ['done and undone since (the Activity tab)', row('done', { undoneBy: 2 }), undefined, { kind: 'undone' }],
    [
      'refused as Enterprise-only',
      row('failed', { error: { kind: 'enterprise-only', message: 'X allows this only for apps on the Enterprise plan.' } }),
      undefined,
      { kind: 'failed', errorKind: 'enterprise-only', message: 'X allows this only for apps on the Enterprise plan.' },
    ],
    ['being undone', row('done'), row('queued'), { kind: 'undoing' }],
    ['undone', row('done'), row('done'), { kind: 'undone' }],
    [
      'an undo X refused',
      row('done'),
      row('failed', { error: { kind: 'forbidden', message: 'No.' } }),
      { kind: 'undo-failed', errorKind: 'forbidden', message: 'No.' },
    ],
  ])('%s', (_case, a, undo, phase) => {
    expect(actionPhase(a, undo, now)).toEqual(phase);
  });
});

describe('the words of an action and its phase', () => {
  it('names an action from its declaration, with whom or which list it is about', () => {
    expect(actionWhat(action('block', 'done'))).toBe('Block @gracehop');
    expect(actionWhat(action('list.addMember', 'done', { params: { listId: '9', listName: 'Cobol fans', username: 'ada' } }))).toBe(
      'Add @ada to “Cobol fans”',
    );
    expect(actionWhat(action('list.create', 'done', { params: { name: 'New' } }))).toBe('Create the list “New”');
    expect(actionWhat(action('unmute', 'done', { params: { userId: '2' } }))).toBe('Unmute an account');
    expect(actionWhat(action('something.old', 'done'))).toBe('label from the background');
  });

  it.each<[ActionPhase, string]>([
    [{ kind: 'queued' }, 'Mute @ewd: waiting to be sent to X.'],
    [{ kind: 'sending' }, 'Mute @ewd: sending to X…'],
    [{ kind: 'done' }, 'Mute @ewd: done.'],
    [{ kind: 'failed', errorKind: 'forbidden', message: 'X said no.' }, 'Mute @ewd: not done. X said no.'],
    [{ kind: 'undoing' }, 'Mute @ewd: undoing…'],
    [{ kind: 'undone' }, 'Mute @ewd: undone.'],
    [{ kind: 'undo-failed', errorKind: 'forbidden', message: 'X said no.' }, 'Mute @ewd: could not be undone. X said no.'],
  ])('says %j as a status line', (phase, sentence) => {
    expect(phaseSentence('Mute @ewd', phase)).toBe(sentence);
  });

  it('says a rate-limited wait with its time, in the status line and in the Activity tab', () => {
    const until = new Date(2026, 2, 1, 14, 5).getTime();
    expect(phaseSentence('Mute @ewd', { kind: 'queued', until, reasonKind: 'rate-limited' })).toBe(
      'Mute @ewd: queued until 14:05 (X’s rate limit).',
    );
    expect(phaseWords({ kind: 'queued', until, reason: 'X’s limit is used up.' })).toBe('Queued until 14:05: X’s limit is used up.');
    expect(phaseWords({ kind: 'undone' })).toBe('Done, then undone');
  });

  it('says the time a rate-limited action waits for once in the Activity tab', () => {
    const until = new Date(2026, 2, 1, 14, 5).getTime();
    const reset = Math.floor(until / 1000);
    const waiting = actionPhase(row('queued', { notBefore: until, error: { kind: 'rate-limited', reset } }), undefined, until - 60_000);
    const words = phaseWords(waiting);
    expect(words).toBe('Queued until 14:05: X’s limit for this is used up.');
    expect(words.match(/14:05/g)).toHaveLength(1);
  });
});

describe('why a queued action waits, as X answered', () => {
  const until = new Date(2026, 2, 1, 14, 5).getTime();
  const waiting = (kind: string, message: string) =>
    actionPhase(row('queued', { notBefore: until, error: { kind, message } }), undefined, until - 60_000);

  it.each([
    ['X answered 503', 'unavailable', 'Like a post: X is not answering; Perch tries again at 14:05.'],
    ['the connection was lost', 'offline', 'Like a post: Perch could not reach X; it tries again at 14:05.'],
    ['X’s answer could not be read', 'malformed', 'Like a post: queued until 14:05.'],
    ['X’s rate limit', 'rate-limited', 'Like a post: queued until 14:05 (X’s rate limit).'],
  ])('names the reason in the status line when %s, and a limit only when X said so', (_case, kind, sentence) => {
    expect(phaseSentence('Like a post', waiting(kind, 'X’s words.'))).toBe(sentence);
  });

  it('says under a popup button and in the Activity tab that X is not answering, and that Perch tries again itself', () => {
    const phase = waiting('unavailable', 'X is not answering right now. Try again in a moment.');
    expect(phaseNote(phase)).toBe('Queued until 14:05 (X is not answering).');
    expect(phaseWords(phase)).toBe('Queued until 14:05: X is not answering right now; Perch tries again then.');
    expect(phaseNote({ kind: 'queued', reasonKind: 'unavailable', reason: 'X is not answering.' })).toBe('Queued (X is not answering).');
  });

  it('says why an action waits for the person in the status line (out of credits)', () => {
    const phase = actionPhase(
      row('queued', { notBefore: AWAITING_PERSON, error: { kind: 'usage-capped', message: 'Add credits, then press Retry.' } }),
      undefined,
      now,
    );
    expect(phaseSentence('Like a post', phase)).toBe('Like a post: not sent yet. Add credits, then press Retry.');
  });
});

describe('when Undo is offered', () => {
  it.each([
    ['a done mute', action('mute', 'done'), true],
    ['a done block', action('block', 'done'), true],
    ['a mute already undone', action('mute', 'done', { undoneBy: 2 }), false],
    ['a mute still sending', action('mute', 'sending'), false],
    ['a deleted post (X cannot bring it back)', action('post.delete', 'done'), false],
    ['a changed list (its old name is not kept)', action('list.update', 'done'), false],
    ['a follow request X left pending', action('follow', 'done', { result: { pendingFollow: true } }), false],
    [
      'a follow X did not say was a request or not',
      action('follow', 'done', { result: { following: true, pendingFollow: false, unsaid: true } }),
      false,
    ],
    ['a follow X said it made', action('follow', 'done', { result: { following: true, pendingFollow: false } }), true],
  ])('%s: %s', (_case, a, offered) => {
    expect(canUndo(a)).toBe(offered);
  });

  it('is offered again after X refused the undo', () => {
    const a = action('mute', 'done');
    expect(canUndo(a, actionPhase(a, row('failed', { error: { kind: 'forbidden', message: 'No.' } }), now))).toBe(true);
    expect(canUndo(a, actionPhase(a, row('queued'), now))).toBe(false);
  });
});

describe('Undo only where it reverses something', () => {
  it('offers no Undo on "Create the list" once that list was deleted, and keeps it while the list is there', () => {
    const created = action('list.create', 'done', { seq: 1, params: { name: 'New' }, result: { id: '77' } });
    const other = action('list.create', 'done', { seq: 2, params: { name: 'Other' }, result: { id: '78' } });
    const deleted = action('list.delete', 'done', { seq: 3, params: { listId: '77', listName: 'New' } });
    const refused = action('list.delete', 'failed', { seq: 4, params: { listId: '78', listName: 'Other' } });
    const reversed = reversedSince([deleted, refused, other, created]);
    expect(canUndo(created, actionPhase(created, undefined, now), reversed)).toBe(false);
    expect(canUndo(other, actionPhase(other, undefined, now), reversed)).toBe(true);
    expect(canUndo(created, actionPhase(created, undefined, now))).toBe(true);
  });
});
