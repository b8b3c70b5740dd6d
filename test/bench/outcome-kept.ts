import type { Page } from 'playwright-core';

/** How long the popup may take to show a click's outcome and keep that screen (it keeps it 300 ms after). */
const KEPT_WITHIN_MS = 10_000;

/**
 * Waits until the popup shows the outcome of the last click (Bookmark's label is the other one than `clicked`, no
 * note under it) and has kept that screen as the post's snapshot (entrypoints/popup/snapshot.ts) for exactly the
 * answer the next open will get (the kept digest's answer is the background's `tab.here` answer now: a label alone
 * would match a screen kept two clicks ago), so the next open is a person's reopening later, not one while the
 * click is still under way. Fails loudly when it never is.
 */
export async function outcomeKept(page: Page, postUrl: string, postId: string, clicked?: string): Promise<void> {
  // Polled from here: `waitForFunction` takes the promise an async check returns as a truthy answer, at once.
  const deadline = Date.now() + KEPT_WITHIN_MS;
  for (;;) {
    const state = await page.evaluate(
      async ({ postUrl, postId, clicked }) => {
        // No named inner function: tsx would wrap it in a helper the page does not have.
        const named = /^(Bookmark|Remove bookmark)$/;
        const root = document.getElementById('root');
        if (!root || root.hidden || document.getElementById('perch-snapshot')) return 'the popup still paints its snapshot';
        const button = [...root.querySelectorAll('.quick-actions button')].find((b) => named.test(b.textContent?.trim() ?? ''));
        const label = button?.textContent?.trim();
        if (!button || !label || label === clicked) return `Bookmark shows ${label ?? 'nothing'}`;
        const noteId = button.getAttribute('aria-describedby')?.split(' ')[0];
        const note = noteId ? document.getElementById(noteId)?.textContent?.trim() : undefined;
        if (note) return `Bookmark's note says ${note}`;
        const got = await chrome.storage.session.get('popup.snapshots');
        const list = (got['popup.snapshots'] ?? []) as [string, { digest: string }][];
        const kept = list.find(([entry]) => entry.endsWith(` post:${postId}`))?.[1].digest;
        if (!kept) return 'no screen of the post is kept';
        const here = await chrome.runtime.sendMessage<unknown, { data?: { context?: unknown } } | undefined>({
          type: 'tab.here',
          url: postUrl,
        });
        const same = JSON.stringify((JSON.parse(kept) as unknown[])[3]) === JSON.stringify(here?.data?.context);
        return same ? 'kept' : 'the screen kept is of another answer than the one the popup gets now';
      },
      { postUrl, postId, clicked },
    );
    if (state === 'kept') return;
    if (Date.now() > deadline)
      throw new Error(
        `The popup did not show the outcome of clicking ${clicked ?? 'nothing'} and keep that screen within ` +
          `${KEPT_WITHIN_MS / 1000} s (${state}): a person reopening it later would not get the painted screen`,
      );
    await page.waitForTimeout(100);
  }
}
