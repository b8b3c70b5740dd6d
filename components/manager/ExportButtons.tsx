import { useState } from 'react';
import { downloadFile, EXPORT_MIME, exportFileName, type ExportFormat } from '@/lib/export';
import { accountsToCsv, accountsToJson, accountsToMarkdown } from './account-export';
import type { AccountEntry } from './accounts';

export interface ExportTexts {
  /** The group's name ("Export muted accounts"). */
  group: string;
  /** Each button's accessible name ("Export the 41 muted accounts shown as CSV"). */
  button(format: string, count: number): string;
  /** The Markdown document's title. */
  title: string;
  /** Said once the file is handed over. */
  done(file: string, count: number): string;
}

const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'json', label: 'JSON' },
  { format: 'csv', label: 'CSV' },
  { format: 'md', label: 'Markdown' },
];

/** Exports the accounts shown (all of them, or what the search kept) as JSON, CSV or Markdown. */
export function ExportButtons({
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
    <div className="mgr-export" role="group" aria-label={texts.group}>
      {FORMATS.map(({ format, label }) => (
        <button key={format} type="button" aria-label={texts.button(label, entries.length)} onClick={() => save(format)}>
          {label}
        </button>
      ))}
      <span className="visually-hidden" role="status">
        {done}
      </span>
    </div>
  );
}
