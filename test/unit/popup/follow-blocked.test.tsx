import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { ProfilePanel } from '@/entrypoints/popup/ProfilePanel';
import { renderInPage } from '../support/react-page';
import { until } from '../support/until';
import { answerTab, withPopupPage } from './popup-page';
import { GRACE, profileContext, profileUser } from './post-context';

/**
 * X does not let you follow an account you block (x-api--users--blocks--integrate, "What happens when you block"): on
 * such a profile the popup shows Follow as not available, says how to follow them, and sends nothing when it is pressed.
 */

withPopupPage();

const ACCOUNT = '1585841080431321088';
const NOTE = 'You blocked @gracehop: unblock them to follow them.';

async function popupOn(relation: { blocked?: boolean; following?: boolean }) {
  const bg = answerTab('tab.profile', profileContext({ user: profileUser(relation) }));
  const page = await renderInPage(createElement(ProfilePanel, { accountId: ACCOUNT, username: GRACE.username }), { settleMs: 50 });
  const doc = page.document;
  const button = (label: string) =>
    [...doc.querySelectorAll<HTMLButtonElement>('.quick-actions button')].find((b) => b.textContent === label);
  await until(() => expect(button('Follow')).toBeDefined());
  return { page, doc, bg, button };
}

describe('the popup on a profile you block', () => {
  it('shows Follow as not available, described by how to follow them, and sends nothing when pressed', async () => {
    const { page, doc, bg, button } = await popupOn({ blocked: true });
    try {
      const follow = button('Follow')!;
      expect(follow.getAttribute('aria-disabled')).toBe('true');
      // Shown as Follow not done, not as a relation that holds (ActionButton's `on`).
      expect(follow.classList.contains('on')).toBe(false);
      const described = (follow.getAttribute('aria-describedby') ?? '').split(' ').map((id) => doc.getElementById(id)?.textContent);
      expect(described).toContain(NOTE);
      expect(button('Unblock')?.getAttribute('aria-disabled')).toBeNull();
      const seqBefore = bg.seq;
      await act(async () => follow.click());
      expect(bg.seq).toBe(seqBefore);
    } finally {
      await page.leave();
    }
  });

  it('offers Follow, without the line, on a profile you do not block', async () => {
    const { page, doc, button } = await popupOn({});
    try {
      expect(button('Follow')?.getAttribute('aria-disabled')).toBeNull();
      expect(doc.body.textContent).not.toContain(NOTE);
    } finally {
      await page.leave();
    }
  });
});
