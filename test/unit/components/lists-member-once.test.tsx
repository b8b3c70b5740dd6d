import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { listRow as list, listsView } from '../support/lists-view';
import { withEmptyStore } from '../support/store';

/**
 * Walked as a person, by role and name: Ada follows "Navy computing" and is a member of it, and pinned "X API builders"
 * she is also a member of. The Lists tab drew each twice, under Followed (or Pinned) and again under Member of, so one
 * screen held two "Navy computing" buttons, two "Pin Navy computing" and two "Unfollow Navy computing": a person
 * tabbing met the same List twice, and naming the button to press (getByRole, a voice control) found two. A List is
 * now drawn once, in the first section that holds it, saying there that the person is a member, and Member of's heading
 * counts the ones shown above.
 */

withEmptyStore();

describe('a List one is a member of and also follows, owns or pinned', () => {
  it('is drawn once, its controls named once, and Member of counts it as shown above', async () => {
    await db().lists.bulkPut([
      list('1900000000000000001', 'Navy computing', { owned: false, followed: true, member: true }),
      list('1900000000000000002', 'X API builders', { owned: false, followed: true, pinned: true, member: true }),
      list('1900000000000000003', 'Bletchley', { owned: false, member: true }),
      list('1900000000000000004', 'Reading list', { member: true }),
    ]);
    const page = await listsView((document) => document.querySelector('h3') !== null);
    try {
      const buttons = Array.from(page.document.querySelectorAll('button'), (b) => b.textContent);
      for (const name of ['Navy computing', 'X API builders', 'Bletchley', 'Reading list']) {
        expect(buttons.filter((b) => b === name)).toHaveLength(1);
      }
      const headings = Array.from(page.document.querySelectorAll('h3'), (h) => h.textContent);
      expect(headings).toContain('Member of (4; 3 of them shown above)');
      const member = [...page.document.querySelectorAll('section')].find((s) =>
        s.querySelector('h3')?.textContent?.startsWith('Member of'),
      );
      expect(Array.from(member!.querySelectorAll('li button.mgr-list-name'), (b) => b.textContent)).toEqual(['Bletchley']);
      // The three drawn above each say the person is a member, so which of them Member of counts is on the screen.
      const saysMember = (name: string) =>
        [...page.document.querySelectorAll('li.mgr-list')]
          .find((li) => li.querySelector('.mgr-list-name')?.textContent === name)
          ?.querySelector('.mgr-list-facts')
          ?.textContent?.includes('You’re a member');
      expect(['Navy computing', 'X API builders', 'Reading list'].map(saysMember)).toEqual([true, true, true]);
      // Under Member of itself the section says it.
      expect(saysMember('Bletchley')).toBe(false);
    } finally {
      await page.leave();
    }
  });
});
