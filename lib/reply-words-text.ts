import { i18n } from '#i18n';
import { BOOKMARK_NOTE_MAX, IMPORT_MAX_ENTRIES } from './limits';
import { TAG_MAX, TAGS_PER_ACCOUNT_MAX, TAGS_PER_BOOKMARK_MAX } from './bookmarks/tag-limits';
import type { ReplyWords } from './reply-words';
import { joinSentences, unknownActionText } from './error-words';
import { listOf, numberOf } from './reader-locale';
import { isolateBidi } from './text/bidi';

/**
 * The sentence for a refusal the background answered by kind and facts (lib/reply-words.ts), in the language i18n
 * speaks when called: on a screen, the reader's. The switch is exhaustive: a new kind without its words is a type error.
 */
export function replyWordsText(words: ReplyWords): string {
  switch (words.kind) {
    case 'not-in-log':
      return i18n.t('outbox_not_in_log');
    case 'undo-not-done':
      return i18n.t('outbox_undo_not_done');
    case 'undo-already':
      return i18n.t('outbox_undo_already');
    case 'undo-impossible':
      return i18n.t('outbox_undo_impossible');
    case 'undo-reversed':
      return i18n.t('outbox_undo_reversed');
    case 'cancel-sending':
      return i18n.t('outbox_cancel_sending');
    case 'cancel-not-waiting':
      return i18n.t('outbox_cancel_not_waiting');
    case 'retry-not-passing':
      return i18n.t('outbox_retry_not_passing');
    case 'taken-over':
      return i18n.t('outbox_taken_over');
    case 'unknown-action':
      return unknownActionText(words.type);
    case 'draft-gone':
      return i18n.t('drafts_open_gone');
    case 'draft-not-listed':
      return i18n.t('drafts_open_not_listed');
    case 'post-not-found':
      return i18n.t('tab_post_not_found');
    case 'post-not-authorized':
      return i18n.t('tab_post_not_authorized');
    case 'post-unreadable':
      return i18n.t('tab_post_unreadable');
    case 'gate-refused':
      return i18n.t('gate_refused');
    case 'client-id-invalid':
      return i18n.t('settings_client_id_invalid');
    case 'import-not-export':
      return i18n.t('bookmarks_import_not_export');
    case 'import-too-big':
      return i18n.t('bookmarks_import_too_big');
    case 'import-too-many':
      return i18n.t('bookmarks_import_too_many', { count: num(words.count), max: num(IMPORT_MAX_ENTRIES) });
    case 'import-not-bookmark':
      return joinSentences(i18n.t('bookmarks_import_not_export'), i18n.t('bookmarks_import_not_bookmark', { n: num(words.entry) }));
    case 'import-bad-tag':
      return i18n.t('bookmarks_import_bad_tag', words.count ?? 1, { n: num(words.entry), tags: tagList(words) });
    case 'import-too-many-tags':
      return i18n.t('bookmarks_import_too_many_tags', { n: num(words.entry), count: num(words.count), max: num(TAGS_PER_BOOKMARK_MAX) });
    case 'import-long-note':
      return i18n.t('bookmarks_import_long_note', { n: num(words.entry), max: num(BOOKMARK_NOTE_MAX) });
    case 'tags-invalid':
      return i18n.t('bookmarks_tags_invalid', words.count ?? 1, { tags: tagList(words), max: num(TAG_MAX) });
    case 'tags-too-many':
      return i18n.t('bookmarks_tags_too_many', { max: num(TAGS_PER_BOOKMARK_MAX), count: num(words.count) });
    case 'tags-account-full':
      return i18n.t('bookmarks_tags_account_full', { count: num(words.count), max: num(TAGS_PER_ACCOUNT_MAX) });
    case 'note-too-long':
      return i18n.t('bookmarks_note_too_long', { max: num(BOOKMARK_NOTE_MAX), count: num(words.count) });
    case 'search-needs-name':
      return i18n.t('bookmarks_search_needs_name');
    case 'search-empty':
      return i18n.t('bookmarks_search_empty');
    default:
      return unknownWords(words.kind);
  }
}

/** A count the refusal may leave out reads as 0, in the reader's locale (`numberOf`). */
const num = (n: number | undefined): string => numberOf(n ?? 0);

/**
 * The tags a refusal names, each quoted the reader's way and isolated (FSI…PDI: a tag in Arabic or Hebrew cannot
 * rearrange the sentence), listed in the reader's language ("“a” and “b”", "「a」、「b」"), with how many more
 * there are when the refusal names only the first few.
 */
function tagList({ tags = [], count = tags.length }: ReplyWords): string {
  const quoted = tags.map((tag) => i18n.t('bookmarks_tag_quoted', { tag: isolateBidi(tag) }));
  const more = count - tags.length;
  return listOf(more > 0 ? [...quoted, i18n.t('bookmarks_tags_more', more, { count: num(more) })] : quoted);
}

/** Never reached for words lib/reply-words.ts `replyWordsOf` let through; anything else reads as any failure. */
function unknownWords(_kind: never): string {
  return i18n.t('error_generic');
}
