import 'fake-indexeddb/auto';
import { act, createElement, useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EditComposer } from '@/components/EditComposer';
import { handle, type Handlers } from '@/lib/message-contract';
import { editableView } from '../support/edit-fixtures';
import { freshDb } from '../services/support';
import { withFocus } from '../support/focus-standin';
import { renderInPage, withComposerStubs } from '../support/react-page';

/**
 * Edit, pressed on a post the composer just published, goes with the published line (components/Composer.tsx draws
 * the edit composer in its place), and the edit's draft is read before its box is drawn. For that wait the focus was
 * on nothing, the page itself: seen in Firefox (a keyboard walk of the popup sharing a page), where a Tab then starts
 * again from the top. The section waiting for the draft keeps it, until the box takes it.
 */

const ACCOUNT = '1585841080431321088';
const EDIT = editableView();

withComposerStubs();
withFocus();

/** Answers the draft's read once the test lets it. */
let readDraft: () => void = () => undefined;

beforeEach(async () => {
  await freshDb();
  const handlers = {
    'draft.get': () => new Promise<null>((resolve) => (readDraft = () => resolve(null))),
  };
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { type: string }) =>
    message.type in handlers ? handle(handlers as unknown as Handlers, message) : Promise.resolve({ ok: true, data: null })) as never);
});

/** The published line's Edit, which the edit composer replaces once pressed (as in Composer). */
function Published() {
  const [editing, setEditing] = useState(false);
  if (editing) return createElement(EditComposer, { accountId: ACCOUNT, username: 'ada', edit: EDIT });
  return createElement('button', { type: 'button', onClick: () => setEditing(true) }, 'Edit');
}

describe('the edit composer opened from a published post', () => {
  it('keeps the focus while it reads the draft, then gives it to the box', async () => {
    const page = await renderInPage(createElement(Published), { settleMs: 20 });
    const edit = page.document.querySelector('button')!;
    edit.focus();
    expect(page.document.activeElement).toBe(edit);
    await act(async () => {
      edit.dispatchEvent(new page.window.Event('click', { bubbles: true }));
    });
    const waiting = page.document.querySelector('section[aria-busy="true"]');
    expect(waiting).not.toBeNull();
    expect(page.document.activeElement, 'the focus is not on the page while the draft is read').toBe(waiting);
    await act(async () => readDraft());
    await vi.waitFor(() => expect(page.document.activeElement?.tagName).toBe('TEXTAREA'), { timeout: 5000 });
    await page.leave();
  });
});
