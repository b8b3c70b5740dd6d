import { pastTime } from './format';
import { useNow } from './use-now';

/**
 * A past moment on a manager screen, in its one style (format.ts): "5 minutes ago", the exact date and time on
 * hover and in `datetime`, kept current as time passes. `quiet` inside a status line: the words change every
 * minute, and a screen reader should not announce "6 minutes ago" each time (aria-live off for this part only).
 */
export function When({ iso, className, quiet }: { iso: string; className?: string; quiet?: boolean }) {
  const shown = pastTime(iso, useNow());
  return (
    <time className={className} dateTime={shown.dateTime} title={shown.title} aria-live={quiet ? 'off' : undefined}>
      {shown.text}
    </time>
  );
}
