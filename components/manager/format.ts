/**
 * Every time a screen shows goes through this module (test/unit/components/time-style.test.ts checks it), so each
 * screen keeps one style:
 * - the manager (side panel and tab) says a past moment in words, "5 minutes ago", with the exact date and time on
 *   hover (`title`) and in `<time datetime>`: `pastTime`, rendered by `When.tsx`;
 * - a wait in the future is a clock time, "until 14:32" (`timeOf`): "in 23 minutes" would go stale on a screen left
 *   open and needs the same minute arithmetic from the person, while X's reset is a moment on the clock;
 * - the settings and the popup, which show one or two moments each, use the absolute `dateTimeOf` / `dateOf`.
 * Every date, time and number is in the reader's locale: the browser's UI language, the one Perch's words are in
 * (`readerLocale`), not the page's default.
 */
import { readerLocale } from '@/lib/reader-locale';

export { listOf, numberOf, readerLocale, timeOf } from '@/lib/reader-locale';

/** A short, locale-aware date: "23 Nov 2026". */
export function dateOf(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleDateString(readerLocale(), { day: 'numeric', month: 'short', year: 'numeric' });
}

/** A locale-aware date and time, "23 Nov 2026, 14:05"; text that is not a date is shown as it is. */
export function dateTimeOf(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(readerLocale(), { dateStyle: 'medium', timeStyle: 'short' });
}

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
];

/**
 * How long ago, in words: "now", "5 minutes ago", "yesterday", "3 days ago"; a week or more back, the date. The
 * manager shows this with the exact time on hover (`title`) and in `<time datetime>` (`pastTime`).
 */
export function relativeTimeOf(iso: string, now: number): string {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return iso;
  const rtf = new Intl.RelativeTimeFormat(readerLocale(), { numeric: 'auto' });
  let amount = Math.max(0, Math.round((now - then) / 1000));
  if (amount < 45) return rtf.format(0, 'second');
  for (const [unit, next] of STEPS) {
    if (amount < next) return rtf.format(-amount, unit);
    amount = Math.round(amount / next);
  }
  return dateOf(iso);
}

/** A past moment as the manager shows it: words, the exact date and time for `title`, the instant for `datetime`. */
export function pastTime(iso: string, now: number): { text: string; title: string; dateTime: string } {
  return { text: relativeTimeOf(iso, now), title: dateTimeOf(iso), dateTime: iso };
}
