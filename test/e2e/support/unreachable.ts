import type { Page } from '@playwright/test';

/** What the popup says when a message finds no background (lib/messaging.ts, as when Perch's worker is gone). */
export const UNREACHABLE = 'Perch’s background could not be reached. Try again.';

/** The popup's own sendMessage, kept by the first `unreachable` so `reachableAgain` can give it back. */
type Kept = { perchSendMessage?: typeof chrome.runtime.sendMessage };

/** From here on, the Chromium popup's messages of this type find no background (as when Perch's worker is gone). */
export async function unreachable(popup: Page, type: string): Promise<void> {
  await popup.evaluate((refused) => {
    (window as unknown as Kept).perchSendMessage ??= chrome.runtime.sendMessage;
    const send = chrome.runtime.sendMessage.bind(chrome.runtime);
    chrome.runtime.sendMessage = ((m: { type?: string }) =>
      m.type === refused ? Promise.reject(new Error('Could not establish connection.')) : send(m)) as typeof chrome.runtime.sendMessage;
  }, type);
}

/** From here on, the Chromium popup's messages find the background again, whatever `unreachable` turned away. */
export async function reachableAgain(popup: Page): Promise<void> {
  await popup.evaluate(() => {
    const kept = (window as unknown as Kept).perchSendMessage;
    if (kept) chrome.runtime.sendMessage = kept;
  });
}
