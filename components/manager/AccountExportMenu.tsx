import { useState } from 'react';
import { downloadFile, EXPORT_MIME, exportFileName, type ExportFormat } from '@/lib/export';
import { accountsToCsv, accountsToJson, accountsToMarkdown } from './account-export';
import type { AccountEntry } from './accounts';
import { ExportMenu } from './ExportMenu';

export interface ExportTexts {
  /** The Markdown document's title. */
  title: string;
  /** Said once the file is handed over. */
  done(file: string, count: number): string;
}

/**
 * Exports the accounts shown (all of them, or what the search kept) as JSON, CSV or Markdown, from the same Export
 * menu as the Bookmarks tab.
 */
export function AccountExportMenu({
  entries,
  texts,
  collection,
}: {
  entries: AccountEntry[];
  texts: ExportTexts;
  collection: 'muted' | 'blocked';
}) {
  const [done, setDone] = useState('');
  function save(format: ExportFormat) {
    const text =
      format === 'json'
        ? accountsToJson(entries, { collection, exportedAt: new Date().toISOString() })
        : format === 'csv'
          ? accountsToCsv(entries)
          : accountsToMarkdown(entries, texts.title);
    const name = exportFileName(collection, format);
    downloadFile(name, EXPORT_MIME[format], text);
    setDone(texts.done(name, entries.length));
  }
  return (
    <>
      <ExportMenu enabled canExport={entries.length > 0} exportAs={save} />
      <span className="visually-hidden" role="status">
        {done}
      </span>
    </>
  );
}
