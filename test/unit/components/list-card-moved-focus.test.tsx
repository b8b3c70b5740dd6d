import { act, createElement, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ListActions } from '@/components/manager/lists/ListActions';
import type { ListRow } from '@/lib/db';
import { withFocus } from '../support/focus-standin';
import { renderInPage } from '../support/react-page';

/**
 * Pin on a List card: X's answer moves the card to Pinned, drawn anew there, and the new card takes the focus on Unpin
 * (ListActions.tsx). That is followed only until the person's next key or pointer press: a card of the same List drawn
 * later (its page opened, a sync redrawing the tab) leaves the focus where the person put it.
 */

withFocus();

const LIST: ListRow = {
  accountId: '1',
  id: '1900000000000000007',
  name: 'Navy computing',
  owned: true,
  followed: false,
  pinned: false,
  member: false,
};

let show: (state: { list: ListRow; draw: number }) => void = () => undefined;

/** The Lists tab as far as the card needs it: its view, its status line, and the card (drawn anew for each `draw`). */
function Tab() {
  const [{ list, draw }, set] = useState({ list: LIST, draw: 1 });
  show = set;
  return createElement(
    'div',
    { className: 'mgr-view' },
    createElement('div', { className: 'mgr-note', tabIndex: -1 }, 'Status'),
    draw > 0 ? createElement(ListActions, { key: draw, list, act: () => Promise.resolve(true) }) : null,
  );
}

describe('a List card moved by Pin keeps the focus only until the person moves on', () => {
  it('the moved card takes it on Unpin; a card drawn after the person’s next key does not take it', async () => {
    const page = await renderInPage(createElement(Tab));
    const render = (list: ListRow, draw: number) => act(async () => show({ list, draw }));
    const focus = () => (page.document.activeElement === page.document.body ? 'the page' : page.document.activeElement?.textContent);
    try {
      const pin = page.document.querySelector<HTMLButtonElement>('button')!;
      expect(pin.textContent).toBe('Pin');
      await act(async () => {
        pin.focus();
        pin.click();
      });
      // X's answer: the card leaves Owned (the focus waits on the status line) and is drawn under Pinned.
      await render({ ...LIST, pinned: true }, 0);
      expect(focus()).toBe('Status');
      await render({ ...LIST, pinned: true }, 2);
      expect(focus()).toBe('Unpin');

      // The person goes on (a key), and the focus leaves the card; later the List's card is drawn again.
      await act(async () => {
        page.document.dispatchEvent(new page.window.Event('keydown'));
        (page.document.activeElement as HTMLElement).blur();
      });
      await render({ ...LIST, pinned: true }, 3);
      expect(focus()).toBe('the page');
    } finally {
      await page.leave();
    }
  });
});
