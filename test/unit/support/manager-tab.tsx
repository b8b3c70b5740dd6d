/** A manager tab drawn from Perch's store alone, for the tests of what it shows of stored rows (good and bad). */
import { i18n } from '#i18n';
import { act, type ReactElement } from 'react';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ViewErrorBoundary } from '@/components/manager/ViewErrorBoundary';
import { renderInPage } from './react-page';

/** As the manager shows a tab: inside its last-resort boundary (components/manager/Manager.tsx). */
const inManager = (view: ReactElement) => (
  <ViewErrorBoundary describe={(message) => i18n.t('manager_tab_error', [message])} retryLabel={i18n.t('manager_retry')}>
    {view}
  </ViewErrorBoundary>
);

/**
 * The tab's words once its store reads have drawn `expected` and its line of rows left out (or, failing that, after
 * 5 s), the names of its buttons, the names each account row shows, and the whole tab's failure note, if it failed.
 */
export async function shownTab(
  view: ReactElement,
  expected: string,
): Promise<{ text: string; buttons: string[]; accounts: string[]; failed: string | undefined }> {
  // The background never answers (the tab's sync line waits): what shows is read from the store alone.
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockReturnValue(new Promise<never>(() => undefined) as never);
  // React reports a caught error on the console; the test is about what the person sees.
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const page = await renderInPage(inManager(view), { settleMs: 20 });
  try {
    const text = () => page.container.textContent ?? '';
    const failed = () => page.container.querySelector('.mgr-view-error');
    // The store's reads answer in their own time (slower on a busy machine).
    for (let i = 0; i < 200 && !(text().includes(expected) && text().includes('could not be read.')) && !failed(); i++)
      await act(() => new Promise((r) => setTimeout(r, 25)));
    return {
      text: text(),
      buttons: [...page.container.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent ?? ''),
      // Each row's names as shown, each in its own <bdi> (UserIdentity): "Grace Hopper @gracehop".
      accounts: [...page.container.querySelectorAll('[role="listitem"]')].map((row) =>
        [...row.querySelectorAll('bdi')].map((b) => b.textContent).join(' '),
      ),
      failed: failed()?.textContent ?? undefined,
    };
  } finally {
    await page.leave();
    quiet.mockRestore();
  }
}
