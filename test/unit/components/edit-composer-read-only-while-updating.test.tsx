import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { EditComposer } from '@/components/EditComposer';
import { getDraft } from '@/lib/services/compose';
import { editableView } from '../support/edit-fixtures';
import { freshDb } from '../services/support';
import { answerDrafts } from '../support/draft-background';
import { withFocus } from '../support/focus-standin';
import { renderInPage, withComposerStubs, type ReactPage } from '../support/react-page';
import { until } from '../support/until';

/**
 * While Update is on its way the edit's box is read-only, as the new post's boxes are while posting: X gets the text
 * read when Update was pressed and the draft is deleted once X has it, so words typed meanwhile would be lost.
 */
const ACCOUNT = '1585841080431321088';
const EDIT = editableView();
withComposerStubs();
withFocus();

let release: () => void = () => undefined;
let sentTexts: string[] | undefined;
beforeEach(async () => {
  await freshDb();
  sentTexts = undefined;
  answerDrafts({
    'post.publish': async ({ accountId, context }: { accountId: string; context: string }) => {
      sentTexts = (await getDraft(accountId, context))?.posts.map((p) => p.text) ?? [];
      await new Promise<void>((r) => (release = r));
      return { ids: ['1880028106020515841'], username: 'ada' };
    },
  });
});

/** The box's React props: linkedom keeps no textarea value, and has no input event to type with. */
function boxProps(page: ReactPage): { value: string; onChange: (e: { target: { value: string } }) => void } {
  const textarea = page.document.querySelector('textarea')!;
  const key = Object.keys(textarea).find((k) => k.startsWith('__reactProps'))!;
  return (textarea as unknown as Record<string, ReturnType<typeof boxProps>>)[key]!;
}

// linkedom keeps an attribute's name as written, and React writes `readOnly`.
const readOnly = (el: Element) => el.getAttributeNames().some((n) => n.toLowerCase() === 'readonly');

describe('an edit while Update is on its way', () => {
  it('is read-only and takes no typing that X would not get', async () => {
    const page = await renderInPage(createElement(EditComposer, { accountId: ACCOUNT, username: 'ada', edit: EDIT }), { settleMs: 20 });
    try {
      const box = () => page.document.querySelector('textarea')!;
      await until(() => expect(boxProps(page).value).toBe(EDIT.text));
      expect(readOnly(box()), 'read-only before Update').toBe(false);
      const update = [...page.document.querySelectorAll('button')].find((b) => b.textContent === 'Update')!;
      await act(async () => update.dispatchEvent(new page.window.Event('click', { bubbles: true })));
      await until(() => expect(sentTexts).toEqual([EDIT.text]));

      expect(readOnly(box()), 'the box is read-only while Updating').toBe(true);
      const props = boxProps(page);
      await act(async () => props.onChange({ target: { value: `${props.value}, and a fix` } }));
      expect(boxProps(page).value, 'typed while Updating').toBe(EDIT.text);
    } finally {
      release();
      await page.leave();
    }
  });
});
