import 'fake-indexeddb/auto';
import { act, createElement, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Act } from '@/components/manager/lists/ListActions';
import { ListDetail } from '@/components/manager/lists/ListDetail';
import type { ListRow } from '@/lib/db';
import { settle } from '../support/dialog-page';
import { accessibleName } from '../support/label-in-name';
import { renderInPage, type ReactPage } from '../support/react-page';
import { withEmptyStore } from '../support/store';

/**
 * An edit sends X only what the person changed in the form (updateLists, x-api--lists--update-list: each field
 * optional), compared with the List as it was when Edit was pressed. Compared with the List as it is now, a Make
 * private pressed while the form was open (the outbox shows the List private at once) made the form's unticked box a
 * change, and Save of a new name sent `private: false` beside it, making the List public again behind the person's back.
 */

const START: ListRow = {
  accountId: '1',
  id: '1900000000000000001',
  name: 'Compiler folks',
  description: 'People who write compilers',
  private: false,
  memberCount: 0,
  owned: true,
  followed: false,
  pinned: false,
  member: false,
};

withEmptyStore();

/** The element's props as React holds them: the test page's fields keep no value of their own, so they are typed through these. */
function reactProps<P>(el: Element | null): P {
  const key = Object.keys(el ?? {}).find((k) => k.startsWith('__reactProps'));
  return (el as unknown as Record<string, P>)[key ?? ''] as P;
}

async function press(page: ReactPage, name: string): Promise<void> {
  const found = [...page.document.querySelectorAll('button')].find((b) => accessibleName(b as unknown as Element) === name);
  expect(found, `a button named “${name}”`).toBeTruthy();
  await act(async () => {
    found!.dispatchEvent(new page.window.Event('click', { bubbles: true }));
  });
}

describe('the List edit form, after Make private was pressed while it was open', () => {
  it('sends only the new name, not the public privacy the form was opened on', async () => {
    // The List's members and posts, read from X as the page opens: none.
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, data: {} } as never);
    const sent: Parameters<Act>[0][] = [];
    // The page as the manager draws it: an action taken shows at once on the List (the outbox's pending change).
    function Page() {
      const [list, setList] = useState(START);
      const acted: Act = (action) => {
        sent.push(action);
        const made = (action.params as { private?: boolean }).private;
        if (action.type === 'list.update' && made !== undefined) setList({ ...list, private: made });
        return Promise.resolve(true);
      };
      return createElement(ListDetail, { accountId: '1', list, act: acted, onBack: () => undefined, onActed: () => undefined });
    }
    const page = await renderInPage(createElement(Page), { settleMs: 20 });
    try {
      await press(page, 'Edit Compiler folks');
      await press(page, 'Make private: Compiler folks');
      await settle();
      expect(sent).toEqual([{ type: 'list.update', params: { listId: START.id, listName: 'Compiler folks', private: true } }]);
      const form = page.document.querySelector('form');
      const name = reactProps<{ onChange: (e: { target: { value: string } }) => void }>(form?.querySelector('input[type="text"]') ?? null);
      await act(async () => name.onChange({ target: { value: 'Type theorists' } }));
      await act(async () =>
        reactProps<{ onSubmit: (e: { preventDefault: () => void }) => void }>(page.document.querySelector('form')).onSubmit({
          preventDefault: () => undefined,
        }),
      );
      await vi.waitFor(
        async () => {
          await settle();
          expect(sent).toHaveLength(2);
        },
        { timeout: 5000 },
      );
      expect(sent[1]).toEqual({ type: 'list.update', params: { listId: START.id, listName: 'Compiler folks', name: 'Type theorists' } });
    } finally {
      await page.leave();
    }
  });
});
