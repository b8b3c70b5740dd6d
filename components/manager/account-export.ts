import { escapeMarkdown, markdownXLink, markdownXText, toCsv, toJsonDocument, toMarkdownList, type Column } from '@/lib/export';
import { profileUrl } from '@/lib/x-url';
import type { AccountEntry } from './accounts';

/** The Muted and Blocked tabs' exports: the accounts shown, as CSV, JSON or Markdown. */

const ACCOUNT_COLUMNS: readonly Column<AccountEntry>[] = [
  { header: 'id', value: (e) => e.id },
  { header: 'username', value: (e) => e.username },
  { header: 'name', value: (e) => e.name },
  { header: 'url', value: (e) => (e.username ? profileUrl(e.username) : '') },
];

/** Muted or blocked accounts as CSV (lib/export csvField: every text cell quoted, formulas neutralised, bidi isolated). */
export function accountsToCsv(entries: readonly AccountEntry[]): string {
  return toCsv(entries, ACCOUNT_COLUMNS);
}

/**
 * Muted or blocked accounts as JSON: which, when, how many, then each account, most recent first. Names are X's
 * raw text (no FSI/PDI): JSON is parsed, not rendered.
 */
export function accountsToJson(entries: readonly AccountEntry[], meta: { collection: 'muted' | 'blocked'; exportedAt: string }): string {
  return toJsonDocument({ collection: meta.collection, exportedAt: meta.exportedAt }, 'accounts', entries, (e) => ({
    id: e.id,
    username: e.username || null,
    name: e.name || null,
    url: e.username ? profileUrl(e.username) : null,
  }));
}

/**
 * Muted or blocked accounts as a Markdown list under a heading: name, then a link to the profile; the name and
 * @username are bidi-isolated (FSI…PDI) so that neither can reorder the other.
 */
export function accountsToMarkdown(entries: readonly AccountEntry[], title: string): string {
  const item = (e: AccountEntry) =>
    e.username
      ? `${e.name ? `**${markdownXText(e.name)}** ` : ''}${markdownXLink(`@${e.username}`, profileUrl(e.username))}`
      : escapeMarkdown(e.id);
  return `# ${escapeMarkdown(title)}\n\n${toMarkdownList(entries, item)}`;
}
