import { i18n } from '#i18n';
import { numberOf } from '@/lib/reader-locale';
import { isolateBidi } from '@/lib/text/bidi';

/** Format characters (zero-width spaces and joiners, bidi controls, the BOM): nothing a person sees. */
const UNSEEN = /\p{Cf}/gu;

/**
 * What the folder picker shows for each of X's bookmark folders, by folder id, in the order given. X's folder name is
 * any string (openapi.json BookmarkFoldersResponse: `name` is a string, required by nothing, no minimum length), so
 * two folders may show the same name and one may show nothing at all. A name that shows nothing is said as "Folder
 * without a name"; a name another folder before it shows too gets a number ("Trips", "Trips (2)"), so each option a
 * person picks from can be told apart. The name itself is kept as X gave it, isolated so a right-to-left name does
 * not reorder the number beside it.
 */
export function folderLabels(folders: readonly { id: string; name: string }[]): Map<string, string> {
  const seen = new Map<string, number>();
  const labels = new Map<string, string>();
  for (const f of folders) {
    const name = typeof f.name === 'string' ? f.name : '';
    // What a person sees of the name: without its invisible characters and the spaces at its ends ("New York" and
    // "NewYork" look different; "Trips" and "Trips\u200B " do not).
    const shown = name.replace(UNSEEN, '').trim();
    const base = shown ? name : i18n.t('bookmarks_folder_unnamed');
    const key = shown || '\0unnamed';
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    labels.set(f.id, n === 1 ? base : i18n.t('bookmarks_folder_nth', [shown ? isolateBidi(name) : base, numberOf(n)]));
  }
  return labels;
}
