import 'fake-indexeddb/auto';
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SyncBar } from '@/components/manager/SyncBar';
import { relationTexts } from '@/components/manager/relation-texts';
import { withFocus } from '../support/focus-standin';
import { renderInPage } from '../support/react-page';
import { withEmptyStore } from '../support/store';

/**
 * Sync now, pressed with Enter or Space, runs the sync and cannot be pressed again until it ends. It was natively
 * disabled for that time, and Firefox drops the focus from a disabled button to the page: the keyboard user who
 * pressed it had to start again from the tab's top (the Requested button lost its focus the same way). It now says it
 * cannot be pressed (aria-disabled), keeps the focus, and a press while the sync runs asks nothing more.
 */

withEmptyStore();
withFocus();

const settle = () => act(() => new Promise((r) => setTimeout(r, 25)));

describe('Sync now while its sync runs', () => {
  it('keeps the focus, says it cannot be pressed, and asks for no second sync', async () => {
    // The background starts each sync and never answers: the sync runs for as long as the test looks.
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockReturnValue(new Promise(() => undefined) as never);
    const page = await renderInPage(<SyncBar accountId="1" collection="blocked" texts={relationTexts('blocked').sync} />);
    try {
      const button = page.document.querySelector<HTMLButtonElement>('button')!;
      expect(button.getAttribute('aria-label')).toBe('Sync now');
      const asked = () => send.mock.calls.filter(([m]) => (m as { force?: boolean }).force === true).length;
      await act(async () => {
        button.focus();
        button.click();
      });
      await settle();
      expect(asked()).toBe(1);
      expect(button.hasAttribute('disabled'), 'not natively disabled: Firefox would drop its focus').toBe(false);
      expect(button.getAttribute('aria-disabled')).toBe('true');
      expect(page.document.activeElement).toBe(button);

      await act(async () => button.click());
      await settle();
      expect(asked(), 'a press while it runs asks for nothing').toBe(1);
    } finally {
      await page.leave();
    }
  });
});
