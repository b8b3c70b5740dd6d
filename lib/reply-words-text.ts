import { i18n } from '#i18n';
import type { ReplyWords } from './reply-words';
import { unknownActionText } from './error-words';

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
    case 'unknown-action':
      return unknownActionText(words.type);
    case 'draft-gone':
      return i18n.t('drafts_open_gone');
    case 'draft-not-listed':
      return i18n.t('drafts_open_not_listed');
    case 'post-not-found':
      return i18n.t('tab_post_not_found');
    case 'gate-refused':
      return i18n.t('gate_refused');
    case 'client-id-invalid':
      return i18n.t('settings_client_id_invalid');
    default:
      return unknownWords(words.kind);
  }
}

/** Never reached for words lib/reply-words.ts `replyWordsOf` let through; anything else reads as any failure. */
function unknownWords(_kind: never): string {
  return i18n.t('error_generic');
}
