import { browser } from 'wxt/browser';

/**
 * The reader's locale for `Intl`: the browser's UI language (`i18n.getUILanguage()`, "ja", "en-US"), so dates and
 * numbers follow the language Perch speaks; undefined (the runtime's default) when the browser gives none usable.
 * Here in lib/ because the background words times too (the badge's title); the screens reach it through
 * components/manager/format.ts.
 */
export function readerLocale(): string | undefined {
  try {
    const tag = browser.i18n.getUILanguage();
    return tag ? Intl.getCanonicalLocales(tag.replace('_', '-'))[0] : undefined;
  } catch {
    return undefined;
  }
}

/** A count in the reader's locale: "1,234" in English and in Japanese, "1.234" in German. */
export function numberOf(n: number): string {
  return new Intl.NumberFormat(readerLocale()).format(n);
}

/**
 * Items as one list in a sentence, in the reader's language (`Intl.ListFormat`): "“a”, “b”, and “c”" in English,
 * "「a」、「b」、「c」" in Japanese — never a comma-joined English list in a Japanese sentence.
 */
export function listOf(items: readonly string[]): string {
  return new Intl.ListFormat(readerLocale(), { type: 'conjunction' }).format(items);
}

/**
 * "14:05" in the person's time zone (a 24-hour clock, in the reader's digits), for "queued until HH:MM"; a time on a
 * later day than today names its day, "Dec 6, 14:05" ("12月6日 14:05"): X's daily caps reset up to a day ahead, and
 * "until 14:05" alone reads as today's 14:05, an hour off when it is tomorrow's.
 */
export function timeOf(epochMs: number): string {
  // A moment no Date holds (a stored row edited by hand, a reset from X thousands of years ahead): said as no time,
  // rather than a RangeError that would blank the screen or leave a message unanswered.
  if (Number.isNaN(new Date(epochMs).getTime())) return '—';
  const now = Date.now();
  const laterDay = epochMs > now && new Date(epochMs).toDateString() !== new Date(now).toDateString();
  return new Intl.DateTimeFormat(readerLocale(), {
    ...(laterDay ? { month: 'short', day: 'numeric' } : {}),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(epochMs);
}
