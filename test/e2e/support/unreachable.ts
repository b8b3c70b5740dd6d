import type { Page } from '@playwright/test';

/** What the popup says when a message finds no background (lib/messaging.ts, as when Perch's worker is gone). */
export const UNREACHABLE = 'Perch’s background could not be reached. Try again.';

/** From here on, the Chromium popup's messages of this type find no background (as when Perch's worker is gone). */
export async function unreachable(popup: Page, type: string): Promise<void> {
  await popup.evaluate((refused) => {
    const send = chrome.runtime.sendMessage.bind(chrome.runtime);
    chrome.runtime.sendMessage = ((m: { type?: string }) =>
      m.type === refused ? Promise.reject(new Error('Could not establish connection.')) : send(m)) as typeof chrome.runtime.sendMessage;
  }, type);
}
