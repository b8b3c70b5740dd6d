import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EditComposer } from '@/components/EditComposer';
import { db } from '@/lib/db';
import { discardDraft, getDraft } from '@/lib/services/compose';
import { editableView } from '../support/edit-fixtures';
import { freshDb } from '../services/support';
import { answerDrafts } from '../support/draft-background';
import { withFocus } from '../support/focus-standin';
import { renderInPage, withComposerStubs, type ReactPage } from '../support/react-page';

/**
 * Editing a post: its text is shown, not stored, until the person changes it (8ddd5bd). Update on the text as it is
 * still sends it, and Clear draft leaves the focus in the box, not on the page. The background is the real draft store
 * (lib/services/compose.ts) on a fake IndexedDB.
 */

const ACCOUNT = '1585841080431321088';
const EDIT = editableView();

withComposerStubs();
withFocus();

/** The drafts' texts as the background had them when X was asked to edit. */
let sentTexts: string[] | undefined;

beforeEach(async () => {
  await freshDb();
  sentTexts = undefined;
  answerDrafts({
    'draft.discard': ({ accountId, context }: { accountId: string; context: string }) => discardDraft(accountId, context),
    'post.publish': async ({ accountId, context }: { accountId: string; context: string }) => {
      sentTexts = (await getDraft(accountId, context))?.posts.map((p) => p.text) ?? [];
      return { ids: ['1880028106020515841'], username: 'ada' };
    },
  });
});

const box = (page: ReactPage) => page.document.querySelector('textarea');
const button = (page: ReactPage, name: string) => [...page.document.querySelectorAll('button')].find((b) => b.textContent === name);
const press = (page: ReactPage, name: string) =>
  act(async () => {
    button(page, name)?.dispatchEvent(new page.window.Event('click', { bubbles: true }));
  });

/** The edit composer on the post, its draft read. */
async function openEdit(): Promise<ReactPage> {
  const page = await renderInPage(createElement(EditComposer, { accountId: ACCOUNT, username: 'ada', edit: EDIT }), { settleMs: 20 });
  await vi.waitFor(() => expect(boxProps(page)?.value).toBe(EDIT.text), { timeout: 5000 });
  return page;
}

/**
 * The post box as React holds it: its shown text and its change handler (the test page's textarea keeps no value of
 * its own, so the box is read and typed into through the props React gave it).
 */
function boxProps(page: ReactPage): { value: string; onChange: (e: { target: { value: string } }) => void } | undefined {
  const textarea = box(page);
  const key = textarea && Object.keys(textarea).find((k) => k.startsWith('__reactProps'));
  return key ? (textarea as unknown as Record<string, ReturnType<typeof boxProps>>)[key] : undefined;
}

/** Types `more` at the end of the box, as one change. */
async function type(page: ReactPage, more: string): Promise<void> {
  const props = boxProps(page)!;
  await act(async () => props.onChange({ target: { value: `${props.value}${more}` } }));
}

describe('editing a post', () => {
  it('sends the text as it is when Update is pressed without a change', async () => {
    const page = await openEdit();
    try {
      expect(await db().drafts.count()).toBe(0);
      await press(page, 'Update');
      await vi.waitFor(() => expect(page.document.body.textContent).toContain('Your post was edited.'), { timeout: 5000 });
    } finally {
      await page.leave();
    }
    expect(sentTexts).toEqual([EDIT.text]);
  });

  it('keeps the focus in the box after Clear draft', async () => {
    const page = await openEdit();
    try {
      await type(page, ' and a second');
      await vi.waitFor(() => expect(button(page, 'Clear draft')).toBeDefined(), { timeout: 5000 });
      button(page, 'Clear draft')!.focus();
      await press(page, 'Clear draft');
      await vi.waitFor(() => expect(button(page, 'Yes, clear draft')).toBeDefined(), { timeout: 5000 });
      await press(page, 'Yes, clear draft');
      await vi.waitFor(() => expect(button(page, 'Clear draft')).toBeUndefined(), { timeout: 5000 });
      expect(await db().drafts.count()).toBe(0);
      expect(page.document.activeElement?.tagName).toBe('TEXTAREA');
    } finally {
      await page.leave();
    }
  });
});
