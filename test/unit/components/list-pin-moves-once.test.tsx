import 'fake-indexeddb/auto';
import { Profiler } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ListsView } from '@/components/manager/ListsView';
import { db, type ActionRow } from '@/lib/db';
import { ACCOUNT, listRow, listsSynced } from '../support/lists-view';
import { renderInPage } from '../support/react-page';
import { withEmptyStore } from '../support/store';
import { until } from '../support/until';

/**
 * Pin on a List card goes through the outbox's phases (lib/services/outbox.ts): queued, with the store already showing
 * the List pinned (one transaction, `enqueue`); being sent; X's answer (`send`, pinLists). The tab read the Lists and
 * the waiting actions in two live queries, so a draw could take the stored "pinned" without the pin still waiting:
 * the card jumped to Pinned, back to Owned ("Pin not on X yet"), and to Pinned again on X's answer, drawn anew each
 * time. It must stay under Owned while the pin waits, and move once, on X's answer.
 */

withEmptyStore();

const ID = '1900000000000000007';

/** What each commit drew of the List's card: its section's heading, and the card's element (a new one: drawn anew). */
interface Drawn {
  section: string | undefined;
  card: Element | undefined;
  note: string | undefined;
}

describe('Pin on a List card', () => {
  it('keeps the card under Owned while the pin waits, and moves it once on X’s answer', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, data: [] } as never);
    await listsSynced();
    const before = listRow(ID, 'Navy computing');
    await db().lists.put(before);
    const drawn: Drawn[] = [];
    // The page, once drawn: the first commits come before renderInPage hands it over.
    const on: { page?: Document } = {};
    const look = (): Drawn => {
      const button = Array.from(on.page?.querySelectorAll('.mgr-list-name') ?? []).find((b) => b.textContent === 'Navy computing');
      const card = button?.closest('li') ?? undefined;
      return {
        section: card
          ?.closest('section')
          ?.querySelector('h3')
          ?.textContent.replace(/ \(.*\)$/, ''),
        card,
        note: card?.querySelector('.note')?.textContent,
      };
    };
    const page = await renderInPage(
      <Profiler id="lists" onRender={() => drawn.push(look())}>
        <ListsView accountId={ACCOUNT} />
      </Profiler>,
      { visible: true, settleMs: 50 },
    );
    on.page = page.document;
    try {
      await until(() => expect(look().section).toBe('Owned'));
      const first = drawn.findIndex((d) => d.section === 'Owned');

      // The outbox's enqueue: the List shown pinned and the pin queued, in one transaction.
      const action: ActionRow = {
        accountId: ACCOUNT,
        type: 'list.pin',
        params: { listId: ID, listName: 'Navy computing' },
        state: 'queued',
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
        notBefore: 0,
        attempts: 0,
        rollback: before,
      };
      const seq = await db().transaction('rw', [db().actions, db().lists], async () => {
        await db().lists.put({ ...before, pinned: true });
        return db().actions.add(action);
      });
      await until(() => expect(look().note).toMatch(/^Pin not on X yet/));
      // Being sent, then X's answer.
      await db().actions.update(seq, { state: 'sending', attempts: 1 });
      await until(() => expect(look().note).toMatch(/Sending/));
      await db().actions.update(seq, { state: 'done' });
      await until(() => expect(look().section).toBe('Pinned'));

      const seen = drawn.slice(first);
      const sections = seen.map((d) => d.section).filter((s, i, all) => s !== all[i - 1]);
      const cards = new Set(seen.map((d) => d.card).filter(Boolean));
      expect(sections).toEqual(['Owned', 'Pinned']);
      // The card drawn under Owned, and once under Pinned: never drawn anew while it stays put.
      expect(cards.size).toBe(2);
    } finally {
      await page.leave();
    }
  });
});
