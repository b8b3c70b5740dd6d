import { i18n } from '#i18n';
import { numberOf } from '@/lib/reader-locale';
import type { EditView } from '@/lib/views';
import { useEffect, useState } from 'react';
import { dateTimeOf, timeOf } from './manager/format';

/**
 * X's edit window as a person reads it (x-api--fundamentals--edit-posts: 30 minutes from the original, up to 5
 * edits): "12 min left", counted down from X's `editable_until`, and the edits left.
 */

/** Milliseconds left to edit at `now`, never below 0; 0 for a time X did not give as a date. */
export function editTimeLeft(editableUntil: string, now: number): number {
  const until = Date.parse(editableUntil);
  return Number.isFinite(until) ? Math.max(0, until - now) : 0;
}

/** "12 min left" (whole minutes, rounded up: 11 min 10 s is still "12 min left"), or "less than a minute left". */
export function timeLeftText(ms: number): string {
  if (ms < 60_000) return i18n.t('edit_under_a_minute');
  const minutes = Math.ceil(ms / 60_000);
  return i18n.t('edit_minutes_left', minutes, [numberOf(minutes)]);
}

/** "4 edits left". */
export function editsLeftText(editsRemaining: number): string {
  const left = Math.max(0, editsRemaining);
  return i18n.t('edit_edits_left', left, [numberOf(left)]);
}

/**
 * Why one's own post has no Edit, from X's `edit_controls` (x-api--fundamentals--edit-posts: `editable_until`, when
 * the window closes; `edits_remaining`, 0-5): "Editing ended at 14:32." (a day other than today named too) once
 * `editable_until` is past, "No edits left." when X says none remain. Undefined while X's window is open with edits
 * left (the post has some other bar, or may be edited), and when X said nothing (`edit` undefined): never a guess.
 * No ended window for a post X said is not `is_edit_eligible` (a poll post): it was never open.
 */
export function editEndedText(edit: EditView | undefined, now: number): string | undefined {
  if (!edit) return undefined;
  const until = Date.parse(edit.editableUntil);
  if (edit.eligible && Number.isFinite(until) && until <= now) {
    const today = new Date(until).toDateString() === new Date(now).toDateString();
    return i18n.t('edit_ended_at', [today ? timeOf(until) : dateTimeOf(edit.editableUntil)]);
  }
  return edit.editsRemaining <= 0 ? i18n.t('edit_none_left') : undefined;
}

/**
 * The time now, redrawn every few seconds while `until` is ahead (and once more when it passes), so a screen showing
 * the time left counts down; nothing ticks without an edit window to show.
 */
export function useEditClock(until: string | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!until) return;
    const end = Date.parse(until);
    if (!Number.isFinite(end) || end <= Date.now()) return;
    const timer = setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (t >= end) clearInterval(timer);
    }, 5_000);
    return () => clearInterval(timer);
  }, [until]);
  return now;
}
