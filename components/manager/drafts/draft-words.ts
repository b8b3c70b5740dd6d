import { i18n } from '#i18n';
import type { DraftSummary } from '@/lib/messaging';

/** What a draft was started on, in the reader's words: "Reply to @grace", "Quote of @x", "Sharing example.com", "New post". */
export function draftContextText(draft: Pick<DraftSummary, 'kind' | 'username' | 'host'>): string {
  switch (draft.kind) {
    case 'reply':
      return draft.username ? i18n.t('drafts_context_reply', [draft.username]) : i18n.t('drafts_context_reply_unknown');
    case 'quote':
      return draft.username ? i18n.t('drafts_context_quote', [draft.username]) : i18n.t('drafts_context_quote_unknown');
    case 'share':
      return draft.host ? i18n.t('drafts_context_share', [draft.host]) : i18n.t('drafts_context_share_unknown');
    case 'compose':
      return i18n.t('drafts_context_compose');
    case 'edit':
      return i18n.t('drafts_context_edit');
  }
}

/** The draft's facts after its text: "3 posts, a thread · 2 images or videos"; empty for one post without media. */
export function draftFacts(draft: Pick<DraftSummary, 'postCount' | 'mediaCount'>): string {
  return [
    draft.postCount > 1 ? i18n.t('drafts_posts', draft.postCount) : '',
    draft.mediaCount ? i18n.t('drafts_media', draft.mediaCount) : '',
  ]
    .filter(Boolean)
    .join(i18n.t('popup_meta_separator'));
}
