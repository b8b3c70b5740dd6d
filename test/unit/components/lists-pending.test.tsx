import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { db, type ActionRow, type ListRow } from '@/lib/db';
import { ACCOUNT, listRow as list, listsView } from '../support/lists-view';
import { withEmptyStore } from '../support/store';

/**
 * The Lists tab tells X's state: a rename queued behind X's rate limit shows the new name said as not on X yet, with
 * when Perch sends it, not as done; the count is of X's Lists, a List still being created counted apart as such.
 */

const BIRDS = '1900000000000000001';
const CATS = '1900000000000000002';
const at = '2026-12-02T10:00:01.000Z';
const soon = Date.now() + 10 * 60_000;

withEmptyStore();

const waiting = (type: string, params: ActionRow['params']): ActionRow => ({
  accountId: ACCOUNT,
  type,
  params,
  state: 'queued',
  createdAt: at,
  updatedAt: at,
  notBefore: soon,
  attempts: 1,
  error: { kind: 'rate-limited' },
});

/** The Lists tab's text, opened on `open` when given, once the stored rows are drawn. */
async function listsText(open?: string): Promise<string> {
  // The Lists, then what waits for X (its own read): until both are drawn.
  const page = await listsView((document) => /^(?=.*Cats)(?=.*(not on X yet|Being created))/s.test(document.body.textContent), open);
  try {
    return page.document.body.textContent;
  } finally {
    await page.leave();
  }
}

describe('the Lists tab while a List change waits for X', () => {
  it('says a rename queued behind the rate limit is not on X yet, and until when it waits', async () => {
    // The outbox shows the new name in the store at once (list-actions.ts `listUpdate.apply`).
    await db().lists.bulkPut([list(BIRDS, 'Seabirds'), list(CATS, 'Cats')]);
    await db().actions.add(waiting('list.update', { listId: BIRDS, listName: 'Birds', name: 'Seabirds' }));
    const text = await listsText(BIRDS);
    expect(text).toContain('Seabirds');
    expect(text).toMatch(/Your change is not on X yet\. Queued until \d/);
  });

  it('counts X’s Lists, and the one being created apart', async () => {
    await db().lists.bulkPut([list(BIRDS, 'Birds'), list(CATS, 'Cats'), list('tmp-1', 'Dogs')]);
    await db().actions.add(waiting('list.create', { tempId: 'tmp-1', name: 'Dogs' }));
    const text = await listsText();
    expect(text).toContain('2 lists (and 1 being created)');
    expect(text).not.toContain('3 lists');
  });

  it('keeps a List whose pin waits under Owned, said not on X yet with when it is sent, and moves it once X pinned it', async () => {
    // The outbox shows the pin in the store at once (list-actions.ts `listFlag`).
    await db().lists.bulkPut([{ ...list(BIRDS, 'Birds'), pinned: true }, list(CATS, 'Cats')]);
    const pin = await db().actions.add(waiting('list.pin', { listId: BIRDS, listName: 'Birds' }));
    let page = await listsPage();
    try {
      expect(sectionNames(page.document, 'Pinned')).toEqual([]);
      expect(sectionNames(page.document, 'Owned')).toEqual(['Birds', 'Cats']);
      expect(page.document.body.textContent).toMatch(/Pin not on X yet\. Queued until \d/);
    } finally {
      await page.leave();
    }
    await db().actions.update(pin, { state: 'done', error: undefined });
    page = await listsPage();
    try {
      expect(sectionNames(page.document, 'Pinned')).toEqual(['Birds']);
      expect(page.document.body.textContent).not.toContain('Pin not on X yet');
    } finally {
      await page.leave();
    }
  });

  it('counts a pinned List one owns under Owned too, saying it is shown under Pinned', async () => {
    await db().lists.bulkPut([{ ...list(BIRDS, 'Birds'), pinned: true }, list(CATS, 'Cats')]);
    const page = await listsPage();
    try {
      const headings = [...page.document.querySelectorAll('h3')].map((h) => h.textContent);
      expect(headings).toContain('Owned (2; 1 of them under Pinned)');
      expect(headings).toContain('Pinned (1)');
      expect(sectionNames(page.document, 'Owned')).toEqual(['Cats']);
    } finally {
      await page.leave();
    }
  });

  it('shows a pinned List one follows once, under Pinned, and counts it under Followed too', async () => {
    const followed = (id: string, name: string): ListRow => ({ ...list(id, name), owned: false, followed: true });
    const DOGS = '1900000000000000003';
    await db().lists.bulkPut([{ ...followed(BIRDS, 'Birds'), pinned: true }, followed(DOGS, 'Dogs'), list(CATS, 'Cats')]);
    const page = await listsPage();
    try {
      const headings = [...page.document.querySelectorAll('h3')].map((h) => h.textContent);
      expect(headings).toContain('Followed (2; 1 of them under Pinned)');
      expect(sectionNames(page.document, 'Pinned')).toEqual(['Birds']);
      expect(sectionNames(page.document, 'Followed')).toEqual(['Dogs']);
    } finally {
      await page.leave();
    }
  });
});

/** The Lists tab, once the stored Lists are drawn; the caller leaves it. */
const listsPage = () => listsView((document) => document.body.textContent.includes('Cats'));

/** The names of the Lists under a section's heading, as a person reads them. */
function sectionNames(doc: Document, title: string): string[] {
  const section = [...doc.querySelectorAll('section.mgr-list-section')].find((s) => s.querySelector('h3')?.textContent.startsWith(title));
  return [...(section?.querySelectorAll('.mgr-list-name') ?? [])].map((n) => n.textContent);
}
