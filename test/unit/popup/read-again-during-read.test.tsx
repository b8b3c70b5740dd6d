import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ProfilePanel } from '@/entrypoints/popup/ProfilePanel';
import { createFeedPublisher, type ActionChange } from '@/lib/services/outbox-feed';
import { renderInPage } from '../support/react-page';
import { CUT, answerTab, withPopupPage } from './popup-page';
import { GRACE, profileContext } from './post-context';

/**
 * Read again pressed while the popup is already reading the tab (an action just settled): the press asks for a read
 * of its own, after the one under way. Its button stays busy and its line says "Reading again…" until that read comes
 * back, and what it comes back with is what the line says — not the outcome of the read begun before the press.
 */

const ACCOUNT = '1585841080431321088';

withPopupPage();

const publish = createFeedPublisher(fakeBrowser.storage.session);
const settle = () => act(() => new Promise((r) => setTimeout(r, 30)));

describe('Read again pressed while a read is under way', () => {
  it('stays busy until the read it asked for comes back, and says that read’s failure', async () => {
    const bg = answerTab('tab.profile', profileContext());
    const page = await renderInPage(createElement(ProfilePanel, { accountId: ACCOUNT, username: GRACE.username }), { settleMs: 50 });
    const doc = page.document;
    const button = (label: string) => [...doc.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === label);
    const status = () => [...doc.querySelectorAll('[role="status"]')].map((p) => p.textContent?.trim()).filter(Boolean);
    const alerts = () => [...doc.querySelectorAll('[role="alert"]')].map((p) => p.textContent?.trim()).filter(Boolean);
    const outbox = async (seq: number, type: string, state: ActionChange['state']) => {
      await publish({ accountId: ACCOUNT, seq, type, state, notBefore: 0 });
      await settle();
      await settle();
    };
    try {
      for (let i = 0; i < 20 && !button('Follow'); i++) await settle();
      // A follow and a mute on their way; the follow settles and the read after it fails: Read again is offered.
      await act(async () => button('Follow')!.click());
      await settle();
      await act(async () => button('Mute')!.click());
      await settle();
      await outbox(9, 'follow', 'sending');
      await outbox(10, 'mute', 'sending');
      bg.mode = 'fail';
      await outbox(9, 'follow', 'done');
      const readAgain = button('Read again')!;
      expect(readAgain).toBeDefined();
      expect(alerts()).toEqual([expect.stringContaining(CUT)]);

      // The mute settles: the popup reads the tab, and that read is slow. The person presses Read again meanwhile.
      bg.mode = 'hold';
      await outbox(10, 'mute', 'done');
      expect(bg.held).toHaveLength(1);
      await act(async () => readAgain.click());
      await settle();
      expect(button('Read again')?.getAttribute('aria-busy')).toBe('true');
      expect(status()).toContain('Reading again…');

      // The read begun before the press comes back: the press's own read has only now begun.
      await act(async () => bg.held.shift()!(true));
      await settle();
      expect(bg.held).toHaveLength(1);
      expect(button('Read again')?.getAttribute('aria-busy')).toBe('true');
      expect(status()).toContain('Reading again…');

      // The press's read fails: that is what the line says, and Read again is offered once more, no longer busy.
      await act(async () => bg.held.shift()!(false));
      await settle();
      expect(alerts()).toEqual([expect.stringContaining(CUT)]);
      expect(button('Read again')?.getAttribute('aria-busy')).toBeNull();
      // One read for the press, and none on its own after it.
      const reads = bg.reads;
      await settle();
      await settle();
      expect(bg.reads).toBe(reads);
      expect(bg.held).toHaveLength(0);
    } finally {
      await page.leave();
    }
  });
});
