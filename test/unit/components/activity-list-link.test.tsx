import 'fake-indexeddb/auto';
import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ActivityView } from '@/components/manager/ActivityView';
import { db, type ActionRow } from '@/lib/db';
import { readInJapanese } from '../locales/in-japanese';
import { settle } from '../support/dialog-page';
import { renderInPage } from '../support/react-page';
import { withEmptyStore } from '../support/store';
import { actionRow } from '../support/action-row';

/**
 * The Activity log linked a post action to the post and an account action to the profile, but a List action (created,
 * changed, pinned, followed) to nothing: a person reading "Pin “Cobol fans”" had no way to the List on x.com. Each
 * now links to `x.com/i/lists/<id>` (the id X gave: for a creation, the one in createLists' answer), named for the
 * row ("View list: Pin “Cobol fans”"); a List deleted on X, or one X has not made yet, has no page and no link.
 */

const ACCOUNT = '1585841080431321088';
const LIST = '1900000000000000001';

withEmptyStore();

const row = actionRow;

/** The Activity rows' links, newest first: each its visible text, accessible name and address. */
async function activityLinks(rows: ActionRow[]): Promise<{ text: string; name: string | null; href: string | null }[][]> {
  await db().actions.bulkAdd(rows);
  const page = await renderInPage(createElement(ActivityView, { accountId: ACCOUNT }), { visible: true });
  try {
    // Every row drawn (read from the store, then the first screen's rows), each store answer let in under act: a row
    // that never comes fails here.
    await vi.waitFor(
      async () => {
        await settle();
        expect(page.document.querySelectorAll('li')).toHaveLength(rows.length);
      },
      { timeout: 5000 },
    );
    return [...page.document.querySelectorAll('li')].map((li) =>
      [...li.querySelectorAll('a')].map((a) => ({
        text: a.textContent ?? '',
        name: a.getAttribute('aria-label'),
        href: a.getAttribute('href'),
      })),
    );
  } finally {
    await page.leave();
  }
}

describe('a List action in the Activity log', () => {
  it('links to the List on x.com, named for its row', async () => {
    const links = await activityLinks([row(1, 'list.pin', { listId: LIST, listName: 'Cobol fans' })]);
    expect(links).toEqual([[{ text: 'View list', name: 'View list: Pin “Cobol fans”', href: `https://x.com/i/lists/${LIST}` }]]);
  });

  it('links a List made here by the id X gave it, until it is deleted', async () => {
    const create = row(1, 'list.create', { tempId: 'tmp-1', name: 'Cobol fans' }, { result: { id: LIST } });
    expect((await activityLinks([create]))[0]).toEqual([
      { text: 'View list', name: 'View list: Create the list “Cobol fans”', href: `https://x.com/i/lists/${LIST}` },
    ]);
    await db().actions.clear();
    const deleted = await activityLinks([create, row(2, 'list.delete', { listId: LIST, listName: 'Cobol fans' })]);
    expect(deleted).toEqual([[], []]);
  });

  it('links no action of a List deleted through Perch, but still its member’s profile', async () => {
    const named = { listId: LIST, listName: 'Cobol fans' };
    const acted = [
      row(1, 'list.pin', named),
      row(2, 'list.follow', named),
      row(3, 'list.update', { ...named, name: 'Type theorists' }),
      row(4, 'list.addMember', { ...named, userId: '2', username: 'gracehop' }),
    ];
    const member = [{ text: 'View profile', name: 'View profile: Add @gracehop to “Cobol fans”', href: 'https://x.com/gracehop' }];
    // A deletion still waiting: X still holds the List, and every action links to it.
    const waiting = await activityLinks([...acted, row(5, 'list.delete', named, { state: 'queued' })]);
    expect(waiting.slice(1).map((links) => links[0]?.href)).toEqual([
      'https://x.com/gracehop',
      ...Array<string>(3).fill(`https://x.com/i/lists/${LIST}`),
    ]);
    await db().actions.clear();
    // Deleted on X (deleteLists answered): x.com/i/lists/<id> is gone; the member added still has a profile.
    expect(await activityLinks([...acted, row(5, 'list.delete', named)])).toEqual([[], member, [], [], []]);
  });

  it('says it in Japanese', async () => {
    readInJapanese();
    const links = await activityLinks([row(1, 'list.follow', { listId: LIST, listName: 'Cobol fans' })]);
    expect(links[0]?.map((l) => [l.text, l.name])).toEqual([['リストを見る', 'リストを見る: 「Cobol fans」をフォロー']]);
  });
});
