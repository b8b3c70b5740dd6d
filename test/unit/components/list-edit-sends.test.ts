import 'fake-indexeddb/auto';
import { act, createElement, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Act } from '@/components/manager/lists/ListActions';
import { ListDetail } from '@/components/manager/lists/ListDetail';
import { listEdits } from '@/components/manager/lists/list-rules';
import type { ListRow } from '@/lib/db';
import { settle } from '../support/dialog-page';
import { accessibleName } from '../support/label-in-name';
import { renderInPage, type ReactPage } from '../support/react-page';
import { withEmptyStore } from '../support/store';
import { listRow } from '../support/lists-view';

/**
 * An edit sends X only what the person changed (updateLists, x-api--lists--update-list: each field optional). The
 * form trims what it sends, and it was compared with X's name and description as X holds them: a description X keeps
 * with a line break at its end (written on x.com) was sent back trimmed when the person changed only the name, or
 * only made the List private, rewriting a description nobody touched and naming it in the Activity log as changed.
 * The last cases go through the List's page: its edit form, submitted, and the action it hands on to be sent. The form
 * is compared with the List as it was when Edit was pressed: compared with the List as it is now, a Make private pressed
 * while the form was open (the outbox shows the List private at once) made the form's unticked box a change, and Save of
 * a new name sent `private: false` beside it, making the List public again behind the person's back.
 */

const LIST = { name: 'Compiler folks', description: 'People who write compilers\n', private: false };

describe('what an edit of a List sends X', () => {
  it('leaves out a description the person did not change, though X holds it with a line break at its end', () => {
    expect(listEdits(LIST, { name: 'Type theorists', description: 'People who write compilers', private: false }, true)).toEqual({
      name: 'Type theorists',
    });
    expect(listEdits(LIST, { name: 'Compiler folks', description: 'People who write compilers', private: true }, true)).toEqual({
      private: true,
    });
  });

  it('leaves out a name the person did not change, though X holds it with a space at its end', () => {
    const list = { ...LIST, name: 'Compiler folks ' };
    expect(listEdits(list, { name: 'Compiler folks', description: 'Compilers', private: false }, true)).toEqual({
      description: 'Compilers',
    });
  });

  it('sends each field the person changed, a description cleared as empty', () => {
    expect(listEdits(LIST, { name: 'Type theorists', description: '', private: true }, true)).toEqual({
      name: 'Type theorists',
      description: '',
      private: true,
    });
  });

  it('never sends a privacy X did not say', () => {
    const { private: _, ...unsaid } = LIST;
    expect(listEdits(unsaid, { name: 'Compiler folks', description: 'People who write compilers', private: false }, false)).toEqual({});
  });
});

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

/** A public List of the person's, as the page draws it (its description, in the first case, as X holds it). */
const START = listRow('1900000000000000001', 'Compiler folks', {
  accountId: '1',
  description: 'People who write compilers',
  private: false,
  memberCount: 0,
});

describe('the List edit form', () => {
  it('sends X only the new name when only the name changed', async () => {
    const list: ListRow = { ...START, ...LIST };
    // The List's members and posts, read from X as the page opens: none.
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, data: {} } as never);
    const sent = vi.fn<Act>(() => Promise.resolve(true));
    const page = await renderInPage(
      createElement(ListDetail, { accountId: '1', list, act: sent, onBack: () => undefined, onActed: () => undefined }),
      { settleMs: 20 },
    );
    try {
      await press(page, 'Edit Compiler folks');
      const form = page.document.querySelector('form');
      // The form opens with X's description, its line break at the end kept; only the name is typed over.
      expect(reactProps<{ value: string }>(form?.querySelector('textarea') ?? null).value).toBe('People who write compilers\n');
      const name = reactProps<{ onChange: (e: { target: { value: string } }) => void }>(form?.querySelector('input') ?? null);
      await act(async () => name.onChange({ target: { value: 'Type theorists' } }));
      await act(async () =>
        reactProps<{ onSubmit: (e: { preventDefault: () => void }) => void }>(form).onSubmit({ preventDefault: () => undefined }),
      );
      await vi.waitFor(
        async () => {
          await settle();
          expect(sent).toHaveBeenCalledTimes(1);
        },
        { timeout: 5000 },
      );
      expect(sent.mock.calls[0]?.[0]).toEqual({
        type: 'list.update',
        params: { listId: list.id, listName: 'Compiler folks', name: 'Type theorists' },
      });
    } finally {
      await page.leave();
    }
  });
});

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
