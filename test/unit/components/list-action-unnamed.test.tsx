import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { ActivityView } from '@/components/manager/ActivityView';
import { actionWhat, phaseSentence } from '@/components/manager/action-state';
import { db, type ActionRow } from '@/lib/db';
import { renderInPage } from '../support/react-page';
import { withEmptyStore } from '../support/store';

/**
 * A List pinned or followed from the popup before Perch read the Lists carries no name (entrypoints/popup/ListPanel.tsx
 * knows only the id). Its words said "Pin “a list”: done.", as if the List were called "a list". They name it by its
 * id, and by its name once Perch holds the List.
 */

const ACCOUNT = '1585841080431321088';
const LIST = '1900000000000000007';
const at = '2026-12-05T07:00:00.000Z';

withEmptyStore();

function action(type: string, params: ActionRow['params']): ActionRow {
  return { accountId: ACCOUNT, type, params, state: 'done', createdAt: at, updatedAt: at, notBefore: 0, attempts: 1 };
}

const settle = () => act(() => new Promise((r) => setTimeout(r, 50)));

/** The Activity tab's rows, newest first. */
async function activityRows(): Promise<string[]> {
  const page = await renderInPage(createElement(ActivityView, { accountId: ACCOUNT }), { visible: true });
  try {
    for (let i = 0; i < 10 && !page.document.querySelector('li'); i++) await settle();
    await settle();
    return [...page.document.querySelectorAll('li')].map((li) => li.querySelector('.activity-label')?.textContent ?? '');
  } finally {
    await page.leave();
  }
}

describe('a List action that did not carry the List’s name', () => {
  it('names the List by its id, never “a list”', () => {
    const pin = action('list.pin', { listId: LIST });
    expect(actionWhat(pin)).toBe(`Pin list ${LIST}`);
    expect(phaseSentence(actionWhat(pin), { kind: 'done' })).toBe(`Pin list ${LIST}: done.`);
    expect(actionWhat(action('list.unfollow', { listId: LIST }))).toBe(`Unfollow list ${LIST}`);
    expect(actionWhat(action('list.addMember', { listId: LIST, userId: '6', username: 'gracehop' }))).toBe(`Add @gracehop to list ${LIST}`);
  });

  it('keeps the name the action carried', () => {
    expect(actionWhat(action('list.pin', { listId: LIST, listName: 'Navy computing' }))).toBe('Pin “Navy computing”');
  });

  it('in the Activity tab, is named by its id until Perch holds the List, then by the List’s name', async () => {
    await db().actions.bulkAdd([action('list.pin', { listId: LIST }), action('list.follow', { listId: '1900000000000000008' })]);
    expect(await activityRows()).toEqual([`Follow list 1900000000000000008`, `Pin list ${LIST}`]);
    await db().lists.put({
      accountId: ACCOUNT,
      id: LIST,
      name: 'Navy computing',
      owned: false,
      pinned: true,
      followed: false,
      member: false,
    });
    expect(await activityRows()).toEqual([`Follow list 1900000000000000008`, 'Pin “Navy computing”']);
  });
});
