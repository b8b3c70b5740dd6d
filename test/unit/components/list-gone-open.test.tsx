import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ActivityView } from '@/components/manager/ActivityView';
import { db, type ActionRow } from '@/lib/db';
import { recordGone } from '@/lib/services/list-gone';
import { freshDb } from '../services/support';
import { ACCOUNT, listRow, listsView } from '../support/lists-view';
import { withFocus } from '../support/focus-standin';
import { renderInPage } from '../support/react-page';
import { until } from '../support/until';

/**
 * A List deleted on x.com kept its "View list" links in Activity, and its open page said it was deleted "here or on X"
 * even of one the person only stopped following. Once X says it no longer exists (lib/services/list-gone.ts), neither.
 */

const LIST = '1900000000000000001';
withFocus();

beforeEach(async () => {
  await freshDb();
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, data: [] } as never);
});

describe('a List that goes while its page is open', () => {
  /** Every sentence the page's status line said, in order, once it holds the focus; and whether it does. */
  async function openThenGone(gone: () => Promise<unknown>) {
    await db().lists.put(listRow(LIST, 'Birds'));
    const page = await listsView((d) => !!d.querySelector('h2 bdi'), LIST);
    const status = () => page.document.querySelector('div.mgr-list-detail > p[role="status"]');
    // Each sentence as the page draws it: a screen reader reads the first one it finds there.
    const sentences: string[] = [];
    const observer = new page.window.MutationObserver(() => {
      const text = status()?.textContent;
      if (text && text !== sentences.at(-1)) sentences.push(text);
    });
    observer.observe(page.document, { childList: true, subtree: true });
    try {
      await act(async () => {
        await gone();
      });
      await until(() => expect(page.document.activeElement).toBe(status()));
      // Every answer on its way let in: a second sentence would come now.
      await act(async () => {
        await db().syncState.toArray();
      });
      return { sentences, focused: page.document.activeElement === status() };
    } finally {
      observer.disconnect();
      await page.leave();
    }
  }

  it('says X’s word when X said it no longer exists, with the focus there', async () => {
    const said = await openThenGone(() =>
      db().transaction('rw', [db().lists, db().syncState], async () => {
        await db().lists.delete([ACCOUNT, LIST]);
        await recordGone(db(), ACCOUNT, [LIST]);
      }),
    );
    // The first sentence said is X's: not "no longer among your Lists" until X's gone ids are read.
    expect(said).toEqual({ sentences: ['X says this List no longer exists: it was deleted.'], focused: true });
  });

  it('claims no deletion of a List merely no longer among the person’s Lists', async () => {
    const said = await openThenGone(() => db().lists.delete([ACCOUNT, LIST]));
    expect(said).toEqual({ sentences: ['This List is no longer among your Lists.'], focused: true });
  });
});

describe('Activity’s rows of a List X said no longer exists', () => {
  it('link it no more, once X said so', async () => {
    const at = '2026-12-05T16:00:00.000Z';
    const pin: ActionRow = {
      seq: 1,
      accountId: ACCOUNT,
      type: 'list.pin',
      params: { listId: LIST, listName: 'Birds' },
      state: 'done',
      createdAt: at,
      updatedAt: at,
      notBefore: 0,
      attempts: 1,
    };
    await db().actions.add(pin);
    const page = await renderInPage(createElement(ActivityView, { accountId: ACCOUNT }), { visible: true, settleMs: 50 });
    try {
      const links = () => [...page.document.querySelectorAll('li a')].map((a) => a.getAttribute('href'));
      await until(() => expect(links()).toEqual([`https://x.com/i/lists/${LIST}`]));
      await act(async () => {
        await db().transaction('rw', db().syncState, () => recordGone(db(), ACCOUNT, [LIST]));
      });
      await until(() => expect(links()).toEqual([]));
      expect(page.document.querySelectorAll('li')).toHaveLength(1);
    } finally {
      await page.leave();
    }
  });
});
