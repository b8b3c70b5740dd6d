import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { ActivityView } from '@/components/manager/ActivityView';
import { db, type ActionRow } from '@/lib/db';
import { renderInPage } from '../support/react-page';
import { withEmptyStore } from '../support/store';

/**
 * The Activity tab offers Undo and Retry only when they would do something (lib/action-pairs.ts): a repost whose
 * unrepost the popup already queued says it is being undone, with no Undo that would queue a second unrepost; a failed
 * like the person liked again since offers no Retry.
 */

const ACCOUNT = '1585841080431321088';
const at = '2026-12-02T10:00:01.000Z';
const soon = Date.now() + 10 * 60_000;

withEmptyStore();

function action(type: string, state: ActionRow['state'], extra: Partial<ActionRow> = {}): ActionRow {
  return {
    accountId: ACCOUNT,
    type,
    params: { postId: '20', username: 'ewd' },
    state,
    createdAt: at,
    updatedAt: at,
    notBefore: 0,
    attempts: 1,
    ...extra,
  };
}

const settle = () => act(() => new Promise((r) => setTimeout(r, 50)));

/** The Activity tab over these actions: each row's words and the names of its buttons, oldest first. */
async function rows(actions: ActionRow[]): Promise<{ text: string; buttons: string[] }[]> {
  await db().actions.bulkAdd(actions);
  const page = await renderInPage(createElement(ActivityView, { accountId: ACCOUNT }), { visible: true });
  try {
    for (let i = 0; i < 10 && !page.document.querySelector('li'); i++) await settle();
    return [...page.document.querySelectorAll('li')].reverse().map((li) => ({
      text: li.textContent,
      buttons: [...li.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? ''),
    }));
  } finally {
    await page.leave();
  }
}

const limited = { notBefore: soon, error: { kind: 'rate-limited' } };

describe('the Activity tab after a later action of the same pair', () => {
  it('says a repost whose Undo waits is being undone, and offers no Undo that would queue a second', async () => {
    const [repost, unrepost] = await rows([
      action('repost', 'done', { seq: 1, undoneBy: 2 }),
      action('undoRepost', 'queued', { seq: 2, undoOf: 1, ...limited }),
    ]);
    expect(repost!.text).toContain('Done; being undone');
    expect(repost!.buttons.filter((b) => b.startsWith('Undo'))).toEqual([]);
    expect(unrepost!.buttons.some((b) => b.startsWith('Cancel'))).toBe(true);
  });

  it('says it was undone once its Undo is done', async () => {
    const [repost] = await rows([action('repost', 'done', { seq: 1, undoneBy: 2 }), action('undoRepost', 'done', { seq: 2, undoOf: 1 })]);
    expect(repost!.text).toContain('Done, then undone');
    expect(repost!.buttons.filter((b) => b.startsWith('Undo'))).toEqual([]);
  });

  it('tells a later opposite action nobody asked as an Undo as its own line, not as the earlier one undone', async () => {
    // A member added to a List, then removed from it by its own Remove (no Undo pressed): two actions, two stories.
    const list = { params: { listId: '1400', userId: '12', username: 'ewd', name: 'Friends' } };
    for (const state of ['queued', 'done'] as const) {
      await db().actions.clear();
      const [add, remove] = await rows([action('list.addMember', 'done', list), action('list.removeMember', state, list)]);
      expect(add!.text).toContain('Done');
      expect(add!.text).not.toContain('undone');
      expect(add!.buttons.filter((b) => b.startsWith('Undo'))).toEqual([]);
      expect(remove!.text).toContain(state === 'done' ? 'Done' : 'Queued');
      expect(remove!.text).not.toContain('Undo of an earlier action');
    }
  });

  it('offers no Retry of a failed like the person liked again since', async () => {
    const [failed] = await rows([action('like', 'failed', { error: { kind: 'rate-limited' } }), action('like', 'done')]);
    expect(failed!.buttons.filter((b) => b.startsWith('Retry'))).toEqual([]);
  });

  it('still offers Undo and Retry when nothing later took over (another post, a failed unrepost)', async () => {
    const other = { params: { postId: '21', username: 'ewd' } };
    const [repost, , like] = await rows([
      action('repost', 'done'),
      action('undoRepost', 'failed', { error: { kind: 'forbidden' } }),
      action('like', 'failed', { error: { kind: 'rate-limited' } }),
      action('like', 'done', other),
    ]);
    expect(repost!.buttons.some((b) => b.startsWith('Undo'))).toBe(true);
    expect(like!.buttons.some((b) => b.startsWith('Retry'))).toBe(true);
  });
});
