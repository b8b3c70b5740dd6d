/**
 * The reader's time zone ("Asia/Tokyo"): the popup's head script keys its snapshot by it, since a post's date on
 * screen depends on it (entrypoints/popup/snapshot.ts). No imports, so the head script stays small; formatting
 * times stays in components/manager/format.ts and lib/reader-locale.ts.
 */
export function readerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
