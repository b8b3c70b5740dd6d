import { i18n } from '#i18n';
import { act, createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { confirmationOf } from '@/components/action-confirm';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { LiveLine } from '@/components/LiveLine';
import { SignOutDialog } from '@/components/SignOutDialog';
import { bookmarkSyncTexts } from '@/components/manager/bookmarks/texts';
import { SyncBar } from '@/components/manager/SyncBar';
import { db } from '@/lib/db';
import { ActionNotes } from '@/entrypoints/popup/ActionButton';
import { EnterpriseNote } from '@/entrypoints/popup/EnterpriseNote';
import { PostUnavailable } from '@/entrypoints/popup/PostUnavailable';
import { readInJapanese } from '../locales/in-japanese';
import { renderInPage } from '../support/react-page';
import { withEmptyStore } from '../support/store';

/**
 * Firefox has no phrase breaking, and components/base.css lets Perch's Japanese break there only at a space, after
 * punctuation, or anywhere once a run is longer than its line (「ブロッ」 / 「ク」, a ー at a line's start). The long
 * sentences of the popup's alerts, the confirmation dialogs and the manager's sync line come through <Phrases>: a
 * <wbr> before each phrase, and the same words (a copy, a screen reader, the dialog's name read them as they are).
 */

withEmptyStore();

const ADA = '2244994945';

/** The words of some HTML, as a copy or a screen reader gets them (entities as the locale wrote them). */
const words = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replaceAll('&amp;', '&')
    .replaceAll('&quot;', '"')
    .replaceAll('&#x27;', "'");

/** The inner HTML of every `<tag …>` in `html`. */
const inner = (html: string, tag: string) => [...html.matchAll(new RegExp(`<${tag}(?: [^>]*)?>(.*?)</${tag}>`, 'gs'))].map((m) => m[1]!);

/** In Japanese, in Firefox: the page's language is Japanese and CSS has no `word-break: auto-phrase`. */
function inJapaneseFirefox(): void {
  readInJapanese();
  vi.stubGlobal('CSS', { supports: () => false });
}

/** The element's HTML on a Japanese page (Firefox-like, as inJapaneseFirefox). */
function html(element: ReactElement): string {
  vi.stubGlobal('document', { documentElement: { lang: 'ja' } });
  return renderToStaticMarkup(element);
}

/** Each piece has a place to break and the locale's words unchanged. */
function expectBreaks(pieces: string[], texts: string[]): void {
  expect(pieces.map(words)).toEqual(texts);
  for (const piece of pieces) expect(piece, words(piece)).toMatch(/<wbr\/?>/);
}

beforeEach(inJapaneseFirefox);
afterEach(() => vi.unstubAllGlobals());

describe('Perch’s long Japanese sentences in Firefox', () => {
  it('break between phrases in the Block question, its name and words unchanged', () => {
    const request = confirmationOf({ type: 'block', params: { userId: ADA, username: 'gracehop' } } as never, { following: true })!;
    const page = html(<ConfirmDialog request={request} onClose={() => undefined} />);
    expectBreaks(inner(page, 'h2'), ['@gracehopさんをブロックしますか？']);
    expectBreaks(inner(page, 'p'), [i18n.t('block_confirm_unfollows', { username: 'gracehop' }), i18n.t('block_confirm_body')]);
  });

  it('break between phrases in the Delete question (a sentence given as words)', () => {
    const request = { title: '', body: i18n.t('popup_delete_body'), confirm: 'x', cancel: 'y' };
    expectBreaks(inner(html(<ConfirmDialog request={request} onClose={() => undefined} />), 'p'), [i18n.t('popup_delete_body')]);
  });

  it('break between phrases in the Sign out question, its checkboxes’ names unchanged', () => {
    const account = { id: ADA, username: 'gracehop', name: 'Grace' } as never;
    const page = html(<SignOutDialog account={account} loss={{ queued: 0, drafts: 0 }} onClose={() => undefined} />);
    expectBreaks(inner(page, 'p').slice(0, 1), [i18n.t('sign_out_body')]);
    expectBreaks(inner(page, 'label'), [i18n.t('sign_out_keep_bookmark_notes'), i18n.t('sign_out_keep_drafts')]);
  });

  it('break between phrases in the popup’s alerts: a post not found, a refusal, Block on Enterprise only', () => {
    const notFound = { kind: 'not-found', message: '', replyWords: { kind: 'post-not-found' as const } };
    const post = html(<PostUnavailable postId="1460323737035677698" error={notFound} onRetry={() => undefined} />);
    expectBreaks(inner(post, 'p').slice(0, 1), [i18n.t('tab_post_not_found')]);

    const refusal = i18n.t('tab_post_not_authorized');
    expectBreaks(inner(html(<LiveLine said={{ text: refusal, error: true }} />), 'p').filter(Boolean), [refusal]);

    const failed = { seq: 1, type: 'mute', state: 'failed' as const, notBefore: 0, error: { kind: 'forbidden' } };
    const note = inner(html(<ActionNotes notes={[{ id: 'n', action: failed }]} names={{ mute: 'ミュート' }} />), 'p');
    expect(note[0]).toContain('<wbr/>');
    expect(words(note[0]!)).toMatch(/^ミュート: 完了しませんでした。./u);

    const enterprise = html(
      <EnterpriseNote actions={[{ ...failed, type: 'block', error: { kind: 'enterprise-only' } }]} username="gracehop" />,
    );
    expect(inner(enterprise, 'p')[0]!.replace(/<a .*<\/a>/s, '')).toContain('<wbr/>');
    expect(words(enterprise)).toBe(i18n.t('popup_enterprise_block', [i18n.t('popup_enterprise_link', ['gracehop'])]));
  });

  it('break between phrases in the manager’s sync line and its notice, the words unchanged', async () => {
    await db().syncState.put({ accountId: ADA, collection: 'bookmarks', notice: { kind: 'repeat' } });
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockReturnValue(new Promise(() => undefined) as never);
    const bar = createElement(SyncBar, { accountId: ADA, collection: 'bookmarks', texts: bookmarkSyncTexts(), prefix: 'bookmarks' });
    const page = await renderInPage(bar, { settleMs: 20, lang: 'ja' });
    try {
      const notice = () => page.document.querySelector('.bookmarks-sync-notice');
      await vi.waitFor(async () => {
        await act(() => new Promise((r) => setTimeout(r, 10)));
        expect(notice()).not.toBeNull();
      });
      const line = page.document.querySelector('.bookmarks-sync-state')!;
      expectBreaks(
        [line.innerHTML, notice()!.innerHTML],
        [i18n.t('bookmarks_never_synced'), i18n.t('sync_notice_repeat', { what: 'ブックマーク' })],
      );
    } finally {
      await page.leave();
    }
  });

  it('stay as they are in Chromium, which breaks between phrases itself', () => {
    vi.stubGlobal('CSS', { supports: (property: string, value: string) => property === 'word-break' && value === 'auto-phrase' });
    const request = confirmationOf({ type: 'block', params: { userId: ADA, username: 'gracehop' } } as never, { following: true })!;
    expect(html(<ConfirmDialog request={request} onClose={() => undefined} />)).not.toContain('<wbr');
  });
});
