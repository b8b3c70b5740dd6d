import { i18n } from '#i18n';
import type { FailureNote } from '@/lib/failed-actions';
import { hasBidiControls, isolateBidi } from '@/lib/text/bidi';
import { actionErrorText } from './error-text';
import { actionWhat, phaseSentence } from './manager/action-state';

/**
 * The words of a queued action that needs the person, shared by the popup's first line (FailedLine.tsx) and the
 * toolbar badge's title (entrypoints/background/failure-badge.ts): what the action was, in the Activity log's
 * vocabulary, and why it did not go, from what the outbox stored (components/error-text.ts).
 */

/** "Like a post by @grace: not done. X does not allow this. X said: “…”", or "…: waiting for you. <why>". */
export function failureSentence(note: FailureNote): string {
  const what = actionWhat(note);
  const message = actionErrorText(note.error);
  return note.waiting
    ? i18n.t('failed_waiting', { what, message })
    : phaseSentence(what, { kind: 'failed', errorKind: note.error.kind, message });
}

/** The first line for several: "3 actions failed". */
export function failureCount(count: number): string {
  return i18n.t('failed_count', [count]);
}

/**
 * The toolbar icon's title for these notes (every account's): "Perch: <the one failure>" or "Perch: 3 actions
 * failed"; plain text, so a sentence holding direction controls outside its isolates (an @username) is isolated
 * whole and cannot reverse "Perch:" around it.
 */
export function badgeTitle(notes: readonly FailureNote[]): string {
  const text = notes.length === 1 ? failureSentence(notes[0]!) : failureCount(notes.length);
  const outsideIsolates = text.replace(/\u2068[^\u2066-\u2069]*\u2069/g, '');
  return i18n.t('menu_title', [hasBidiControls(outsideIsolates) ? isolateBidi(text) : text]);
}
