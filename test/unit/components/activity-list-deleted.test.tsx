import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { ActivityView } from '@/components/manager/ActivityView';
import { db, type ActionRow } from '@/lib/db';
import { renderInPage } from '../support/react-page';
import { withEmptyStore } from '../support/store';

/**
 * The Activity tab words a List's creation by X's state: its deletion (the Delete button, or Undo) waiting behind X's
 * limit leaves it "Done; being deleted", as a repost whose unrepost waits is "being undone"; once X deleted the List it
 * is "Done, then deleted". Create and delete are no toggle pair (lib/action-pairs.ts), so this is read apart.
 */

const ACCOUNT = '1585841080431321088';
const LIST = '1900000000000000001';
const at = '2026-12-02T10:00:01.000Z';
const limited = { notBefore: Date.now() + 10 * 60_000, error: { kind: 'rate-limited' } };

withEmptyStore();

function action(type: string, state: ActionRow['state'], params: ActionRow['params'], extra: Partial<ActionRow> = {}): ActionRow {
  return { accountId: ACCOUNT, type, params, state, createdAt: at, updatedAt: at, notBefore: 0, attempts: 1, ...extra };
}
const create = (extra: Partial<ActionRow> = {}) =>
  action('list.create', 'done', { tempId: 'tmp-1', name: 'Birds' }, { result: { id: LIST }, ...extra });
const remove = (state: ActionRow['state'], extra: Partial<ActionRow> = {}) =>
  action('list.delete', state, { listId: LIST, listName: 'Birds' }, extra);

const settle = () => act(() => new Promise((r) => setTimeout(r, 50)));

/** The Activity tab over these actions: each row's words, oldest first. */
async function rows(actions: ActionRow[]): Promise<string[]> {
  await db().actions.bulkAdd(actions);
  const page = await renderInPage(createElement(ActivityView, { accountId: ACCOUNT }), { visible: true });
  try {
    for (let i = 0; i < 10 && !page.document.querySelector('li'); i++) await settle();
    return [...page.document.querySelectorAll('li')].reverse().map((li) => li.textContent);
  } finally {
    await page.leave();
  }
}

describe('the Activity tab on a List created, then deleted', () => {
  it('says the creation is done, being deleted, while its deletion waits for X', async () => {
    const [created] = await rows([create(), remove('queued', limited)]);
    expect(created).toContain('Done; being deleted');
    expect(created).not.toContain('undone');
  });

  it('says the same when the deletion is the creation’s Undo', async () => {
    // The outbox marks the creation undone as soon as its Undo is queued (outbox.ts `enqueue`).
    const [created] = await rows([create({ undoneBy: 2 }), remove('queued', { ...limited, undoOf: 1 })]);
    expect(created).toContain('Done; being deleted');
    expect(created).not.toContain('undone');
  });

  it('says “Done, then deleted” once X deleted the List, and “Done” when X refused the deletion', async () => {
    expect((await rows([create(), remove('done')]))[0]).toContain('Done, then deleted');
    await db().actions.clear();
    const [kept] = await rows([create(), remove('failed', { error: { kind: 'forbidden' } })]);
    expect(kept).toContain('Done');
    expect(kept).not.toContain('deleted');
  });
});
