import 'fake-indexeddb/auto';
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { UserLookup } from '@/components/manager/UserLookup';
import { withFocus } from '../support/focus-standin';
import { renderInPage, typeInto } from '../support/react-page';
import { withEmptyStore } from '../support/store';
import { until } from '../support/until';

/**
 * The Muted and Blocked tabs' lookup by @username: Look up, pressed with Enter, waits for X's answer, and the account's
 * Mute (or Block) button waits for the action to be taken. Both were natively disabled while they waited, and Firefox
 * drops the focus from a disabled button to the page, where a keyboard user starts again from the top (as on Sync now
 * and on Requested). They now say they cannot be pressed (aria-disabled), keep the focus, and a press then does nothing.
 */

withEmptyStore();
withFocus();

const GRACE = { id: '2', name: 'Grace Hopper', username: 'gracehop' };

describe('the lookup’s buttons while they wait', () => {
  it('keep the focus, say they cannot be pressed, and do nothing more when pressed', async () => {
    let answer: (user: typeof GRACE) => void = () => undefined;
    const reply = new Promise((resolve) => (answer = (user) => resolve({ ok: true, data: user })));
    const lookups = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockReturnValue(reply as never);
    const onAct = vi.fn(() => new Promise<boolean>(() => undefined));
    const page = await renderInPage(
      <UserLookup accountId="1" label="Mute an account" actionShort="Mute" actionLabel={(u) => `Mute @${u.username}`} onAct={onAct} />,
    );
    try {
      const input = page.document.querySelector('input')!;
      await act(async () => typeInto(page, input, '@gracehop'));
      const lookUp = page.document.querySelector<HTMLButtonElement>('button[type="submit"]')!;
      await act(async () => {
        lookUp.focus();
        page.document.querySelector('form')!.dispatchEvent(new page.window.Event('submit', { bubbles: true, cancelable: true }));
      });
      expect(lookUp.hasAttribute('disabled'), 'Look up: not natively disabled while it looks').toBe(false);
      expect(lookUp.getAttribute('aria-disabled')).toBe('true');
      expect(page.document.activeElement).toBe(lookUp);
      await act(async () => {
        page.document.querySelector('form')!.dispatchEvent(new page.window.Event('submit', { bubbles: true, cancelable: true }));
      });
      expect(lookups).toHaveBeenCalledTimes(1);

      await act(async () => answer(GRACE));
      const mute = () => page.document.querySelector<HTMLButtonElement>('button[aria-label="Mute @gracehop"]');
      await until(() => expect(mute()).not.toBeNull());
      await until(() => expect(page.document.activeElement).toBe(mute()));
      await act(async () => mute()!.click());
      expect(mute()!.hasAttribute('disabled'), 'Mute: not natively disabled while it is taken').toBe(false);
      expect(mute()!.getAttribute('aria-disabled')).toBe('true');
      expect(page.document.activeElement).toBe(mute());
      await act(async () => mute()!.click());
      expect(onAct).toHaveBeenCalledTimes(1);
    } finally {
      await page.leave();
    }
  });
});
