/**
 * The popup page's parameter that reopens a saved reply or quote on its post (`popup.html?url=…&draft=reply`): the
 * background writes it when the Drafts tab reopens a draft (lib/services/drafts-open.ts), the popup reads it to open
 * that composer at once rather than the post's actions. A plain page: the popup carries no store.
 */
export const DRAFT_PARAM = 'draft';

/** The composer a popup address asks to reopen: 'reply' or 'quote', or undefined for none (or anything else). */
export function reopenedComposer(search: string): 'reply' | 'quote' | undefined {
  const value = new URLSearchParams(search).get(DRAFT_PARAM);
  return value === 'reply' || value === 'quote' ? value : undefined;
}
