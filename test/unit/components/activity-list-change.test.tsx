import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { actionWhat } from '@/components/manager/action-state';
import { db, type ActionRow } from '@/lib/db';
import { FSI, PDI } from '@/lib/text/bidi';
import { readInJapanese } from '../locales/in-japanese';
import { activityRowText } from '../support/action-words-page';
import { withEmptyStore } from '../support/store';

/**
 * A List change in the Activity log said only "Change “Compiler folks”": read later, it did not say whether the List
 * was renamed, described, or made private or public. It now says what the change asked of X (updateLists sends only
 * the fields changed, x-api--lists--update-list; components/manager/lists/ListDetail.tsx puts the List's name before
 * the change in `listName` and the changed fields beside it), in the reader's language. The status line beside the
 * form, where the person has just made the change, keeps its short words.
 */

const ACCOUNT = '1585841080431321088';
const LIST = '1900000000000000001';
const at = '2026-12-05T16:00:00.000Z';

withEmptyStore();

function change(fields: Record<string, string | boolean>): ActionRow {
  return {
    accountId: ACCOUNT,
    type: 'list.update',
    params: { listId: LIST, listName: 'Compiler folks', ...fields },
    state: 'done',
    createdAt: at,
    updatedAt: at,
    notBefore: 0,
    attempts: 1,
  };
}

async function activityRow(action: ActionRow): Promise<string> {
  await db().actions.add(action);
  return activityRowText(ACCOUNT);
}

describe('a List change in the Activity log', () => {
  it('says the new name of a renamed List', async () => {
    expect(await activityRow(change({ name: 'Type theorists' }))).toContain('Change “Compiler folks”: new name “Type theorists”');
  });

  it.each([
    [{ private: true }, 'Change “Compiler folks”: made private'],
    [{ private: false }, 'Change “Compiler folks”: made public'],
    [{ description: 'People who write compilers' }, 'Change “Compiler folks”: new description'],
    [{ description: '' }, 'Change “Compiler folks”: description removed'],
  ])('says what was changed: %o', async (fields, words) => {
    expect(await activityRow(change(fields))).toContain(words);
  });

  it('lists every thing one change asked, as the reader’s language lists', async () => {
    expect(await activityRow(change({ name: 'Type theorists', description: 'Types', private: false }))).toContain(
      'Change “Compiler folks”: new name “Type theorists”, new description, and made public',
    );
  });

  it('keeps a name holding a direction control from reversing the words after it', async () => {
    // U+202E (RIGHT-TO-LEFT OVERRIDE) in a name X holds would reverse the rest of the row, each name is isolated.
    const row = change({ listName: 'Compiler\u202E folks', name: 'Type\u202E theorists', private: true });
    expect(await activityRow(row)).toContain(
      `Change “${FSI}Compiler\u202E folks${PDI}”: new name “${FSI}Type\u202E theorists${PDI}” and made private`,
    );
  });

  it('says it in Japanese', async () => {
    readInJapanese();
    expect(await activityRow(change({ name: 'Type theorists', private: true }))).toContain(
      '「Compiler folks」を変更（新しい名前「Type theorists」、非公開に変更）',
    );
  });

  it('keeps the status line’s short words', () => {
    expect(actionWhat(change({ name: 'Type theorists' }))).toBe('Change the list “Compiler folks”');
  });
});
