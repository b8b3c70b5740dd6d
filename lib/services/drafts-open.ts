import { browser } from 'wxt/browser';
import { db } from '../db';
import { isUsername, storedAuthor } from '../db/draft-authors';
import { DRAFT_PARAM } from '../draft-param';
import { grantedPopupUrl } from '../popup-gate';
import { RefusedError } from '../refused-error';
import { postUrl } from '../x-url';
import { draftPlace } from './drafts';

/**
 * Where a draft is reopened, built from the stored draft (never from what a screen sent): a reply or quote on the
 * popup aimed at its post, opened on that composer; a shared page on the popup aimed at that page; a new post on the
 * popup's own composer. Named pages carry a one-time grant (lib/popup-gate.ts) so Perch's own window loads at once.
 * @throws RefusedError('no-draft') when the account has no such draft (words 'draft-gone'), or it has no place to
 *   reopen ('draft-not-listed').
 */
export async function draftWindowUrl(accountId: string, context: string): Promise<string> {
  const row = await db().drafts.get(`${accountId}|${context}`);
  if (!row) throw new RefusedError('no-draft', { kind: 'draft-gone' });
  const place = draftPlace(row.context);
  if (!place) throw new RefusedError('no-draft', { kind: 'draft-not-listed' });
  if ((place.kind === 'reply' || place.kind === 'quote' || place.kind === 'edit') && place.postId) {
    // The author the draft carries (what X said when it was saved), else the one the store has seen.
    const username = isUsername(row.authorUsername) ? row.authorUsername : await storedAuthor(db(), accountId, place.postId);
    const page = await grantedPopupUrl(postUrl(place.postId, username));
    // An edit opens on the post itself: its Edit post button (offered while X still allows the edit) brings the text back.
    return place.kind === 'edit' ? page : `${page}&${DRAFT_PARAM}=${place.kind}`;
  }
  if (place.kind === 'share' && place.url) return grantedPopupUrl(place.url);
  return browser.runtime.getURL('/popup.html');
}

/**
 * Reopens a draft in a Perch window, the size of the toolbar popup (as the context menus open it).
 * @throws RefusedError('no-draft') when the draft is gone.
 */
export async function openDraft(accountId: string, context: string): Promise<void> {
  await browser.windows.create({ url: await draftWindowUrl(accountId, context), type: 'popup', width: 400, height: 620 });
}
