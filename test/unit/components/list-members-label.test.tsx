import { beforeEach, describe, expect, it } from 'vitest';
import { ListMembers } from '@/components/manager/lists/ListMembers';
import { freshDb } from '../services/support';
import { accessibleName, visibleText } from '../support/label-in-name';
import { renderInPage } from '../support/react-page';
import { listRow } from '../support/lists-view';

/**
 * The field that adds an account to a list names the list: on screen the name is X's text with its own marks, isolated
 * in a <bdi> so an override in it cannot reorder the words around it; the field's accessible name is the same words
 * without the marks, so a screen reader or voice control user hears and says what is shown.
 */

const EVIL = 'Evil\u202E list';
const LIST = listRow('99', EVIL, { accountId: '1', private: false, memberCount: 0 });
const BIDI_MARKS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

describe('the add-member field of a list whose name holds a bidi override', () => {
  beforeEach(freshDb);

  it('shows the name in a bdi, and names the field with the shown words without marks', async () => {
    const page = await renderInPage(<ListMembers accountId="1" list={LIST} act={() => Promise.resolve(true)} onActed={() => undefined} />);
    try {
      const label = page.document.querySelector('.mgr-lookup-form label') as unknown as Element;
      const input = page.document.querySelector('.mgr-lookup-input') as unknown as Element;
      expect([...label.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual([EVIL]);
      expect(label.textContent).toBe('Add an account to Evil\u202E list by @username');
      const name = input.getAttribute('aria-label') ?? '';
      expect(name).not.toMatch(BIDI_MARKS);
      expect(name).toBe('Add an account to Evil list by @username');
      expect(accessibleName(input).startsWith(visibleText(label))).toBe(true);
    } finally {
      await page.leave();
    }
  });
});
