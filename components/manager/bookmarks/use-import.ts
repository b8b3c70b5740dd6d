import { i18n } from '#i18n';
import { useState } from 'react';
import type { ImportResult } from '@/lib/bookmarks/import';
import { importText } from '@/lib/bookmarks/import-text';
import { TAGS_PER_BOOKMARK_MAX } from '@/lib/bookmarks/tag-limits';
import { joinSentences } from '@/lib/error-words';
import { IMPORT_MAX_CHARS } from '@/lib/limits';
import { sendMessage } from '@/lib/messaging';
import { thrownText } from '../../error-text';
import { num } from './BookmarkExport';

/** A result line under the Bookmarks toolbar: what an export or import did, or why it did not. */
export type ResultLine = { text: string; error?: boolean } | undefined;

/**
 * What an import did, in one line: the counts that are not zero, "none of your bookmarks changed" when none did. When
 * what it brought in is only bookmarks no longer on X, that is said first and alone, not after "none changed".
 */
export function importedWords({ matched, notOnX, unchanged, tagsLeftOut }: ImportResult): string {
  const brought =
    matched === 0 && notOnX > 0
      ? [i18n.t('import_only_not_on_x', notOnX, [num(notOnX)])]
      : [i18n.t('import_matched', matched, [num(matched)]), ...(notOnX ? [i18n.t('import_not_on_x', notOnX, [num(notOnX)])] : [])];
  return [
    ...brought,
    ...(unchanged ? [i18n.t('import_unchanged', unchanged, [num(unchanged)])] : []),
    ...(tagsLeftOut ? [i18n.t('import_tags_left_out', tagsLeftOut, [num(tagsLeftOut), num(TAGS_PER_BOOKMARK_MAX)])] : []),
  ].reduce(joinSentences);
}

/**
 * Reads a chosen file (by its byte order mark: lib/bookmarks/import-text.ts), has it imported, and says what came of
 * it; a refusal's reason is its own sentence after "Could not import the file."
 */
export async function importLine(file: File, importJson: (json: string) => Promise<ImportResult>): Promise<NonNullable<ResultLine>> {
  try {
    // Sent whole to the background, which refuses a file over IMPORT_MAX_CHARS: a far bigger one is not read at all.
    if (file.size > IMPORT_MAX_CHARS * 2) throw new Error(i18n.t('import_too_big', [file.name]));
    // The browser's own words for a file it can no longer read (moved, changed, no permission) are not Perch's.
    const text = await importText(file).catch(() => {
      throw new Error(i18n.t('import_unreadable', [file.name]));
    });
    return { text: importedWords(await importJson(text)) };
  } catch (e) {
    return { text: i18n.t('import_failed', [thrownText(e)]), error: true };
  }
}

/** Imports Perch's own JSON export: its tags, notes and read state onto the matching bookmarks; says what matched. */
export function useImport(accountId: string) {
  const [imported, setImported] = useState<ResultLine>();
  async function importFile(file: File) {
    setImported({ text: i18n.t('import_reading', [file.name]) });
    setImported(await importLine(file, (json) => sendMessage({ type: 'bookmarks.import', accountId, json })));
  }
  return { imported, importFile };
}
