import { i18n } from '#i18n';
import { useState } from 'react';
import {
  bookmarksToCsv,
  bookmarksToJson,
  bookmarksToMarkdown,
  downloadFile,
  EXPORT_MIME,
  exportFileName,
  type ExportedBookmark,
  type ExportFormat,
} from '@/lib/export';
import { LiveLine, type LiveWords } from '@/components/LiveLine';
import { postTextSegments } from '@/lib/text/segments';
import { postUrl } from '@/lib/x-url';
import { numberOf } from '../format';
import type { BookmarkItem } from '../use-bookmarks';

/** A count as the person's locale writes it: "10,000". */
export const num = (n: number) => numberOf(n);

function toExported(b: BookmarkItem, folderNames: ReadonlyMap<string, string>): ExportedBookmark {
  const username = b.author?.username;
  return {
    id: b.postId,
    url: postUrl(b.postId, username),
    ...(b.post?.createdAt ? { createdAt: b.post.createdAt } : {}),
    ...(b.author ? { authorName: b.author.name, authorUsername: b.author.username } : {}),
    segments: b.post ? postTextSegments(b.post.text, b.post.urls) : [],
    mediaCount: b.post?.mediaCount ?? 0,
    ...(b.post?.quotedId ? { quotedId: b.post.quotedId } : {}),
    folders: b.folderIds.flatMap((id) => folderNames.get(id) ?? []),
    tags: b.tags,
    note: b.note,
    read: b.read,
  };
}

/** The file of the bookmarks shown, in one format. */
function exportText(format: ExportFormat, list: ExportedBookmark[], account: string): string {
  if (format === 'json') return bookmarksToJson(list, { account, exportedAt: new Date().toISOString() });
  if (format === 'csv') return bookmarksToCsv(list);
  return bookmarksToMarkdown(list, {
    title: i18n.t('export_title', [account]),
    openOnX: i18n.t('bookmarks_open_on_x'),
    quoted: i18n.t('export_quoted'),
    media: (n) => i18n.t('bookmarks_media', n),
  });
}

/**
 * Exports the bookmarks shown (all, or what the search and folder kept) as JSON, CSV or Markdown, and keeps the line
 * that says which file was saved (or why it was not).
 */
export function useBookmarkExport(shown: readonly BookmarkItem[], folderNames: ReadonlyMap<string, string>, account: string) {
  const [exported, setExported] = useState<{ text: string; error?: boolean }>();

  function exportAs(format: ExportFormat) {
    try {
      const list = shown.map((b) => toExported(b, folderNames));
      const name = exportFileName('bookmarks', format);
      downloadFile(name, EXPORT_MIME[format], exportText(format, list, account));
      setExported({ text: i18n.t('export_saved', [i18n.t('bookmarks_count', list.length, [num(list.length)]), name]) });
    } catch (e) {
      // The failure's own message is the browser's or a bug's English (a file too large to make, a TypeError): it is
      // logged, and the line says in the reader's language that the file was not saved.
      console.error('Perch: the bookmark export failed', e);
      setExported({ text: i18n.t('export_failed'), error: true });
    }
  }

  return { exported, exportAs };
}

/** The line that says what the last export or import did: its live regions are there, empty, before it speaks. */
export function ExportBookmarkStatus({ exported }: { exported: LiveWords | undefined }) {
  return <LiveLine said={exported} className="export-status" />;
}
