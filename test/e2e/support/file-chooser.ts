import { expect, type FileChooser, type Page } from '@playwright/test';

/**
 * Chromium: the file dialogs `page` opens from now on, each taken once, in order.
 *
 * Playwright turns Chromium's file-dialog interception on only when a `filechooser` listener is added, in a message of
 * its own; a key press sent right after `waitForEvent('filechooser')` can reach Chromium first. The page then opens its
 * dialog (the input's click is seen, the key's user activation spent) but no `filechooser` event ever comes: CI saw it
 * once in ~50 runs of the composer's keyboard walk, and 1 in 8–12 runs here with both cores busy. A click leaves time
 * (Playwright's actionability checks go first), a key press does not. Listening from the page's opening, before any
 * key is pressed, leaves no such race: 16 of 16 runs with both cores busy.
 */
export function fileDialogs(page: Page): { next(): Promise<FileChooser> } {
  const opened: FileChooser[] = [];
  page.on('filechooser', (chooser) => opened.push(chooser));
  let taken = 0;
  return {
    async next() {
      await expect.poll(() => opened.length, { message: 'the browser opens its file dialog' }).toBeGreaterThan(taken);
      return opened[taken++]!;
    },
  };
}
