import { expect } from '@playwright/test';
import { SECOND_USER_ID as GRACE_ID } from '../../emulator/seed';
import type { EmulatorControl } from './emulator-control';
import type { TabStop } from './tab-walk';

/**
 * What the keyboard walks in test/e2e/chromium/*-keyboard.spec.ts and their Firefox counterparts in
 * test/e2e/firefox/ share: the words a person meets and the checks on what they saw. The drivers differ (Playwright
 * there, puppeteer over WebDriver BiDi here), so each spec presses the keys itself.
 */

/** The settings' link to the policy, and the policy's heading. */
export const PRIVACY_LINK = 'Privacy policy: what Perch keeps on this computer, and what it sends to X';
export const PRIVACY_HEADING = 'Perch privacy policy';

/** The privacy policy walked with Tab: every link on it met once, in the page's order, and nothing else. */
export function expectOnlyLinksMet(stops: TabStop[], links: string[]): void {
  expect(stops.map((s) => s.words)).toEqual(links.map((w) => w.replace(/\s+/g, ' ').trim()));
  expect(stops.every((s) => s.kind === 'a')).toBe(true);
}

/** The popup on Grace's post: the button that opens its "Add to a list" picker, and the region it opens. */
export const PICKER_OPENER = 'Add @gracehop to a list…';
export const PICKER = 'Lists for @gracehop';
/** A List's button in the picker: "Add to “Birds”" or "Remove from “Birds”". */
export const PICKER_LIST_BUTTON = /^(Add to|Remove from) “/;

/**
 * A List's button in the picker, by its name: what it does now (`was`), its List as named (“Birds”), and what the
 * same List's button does once pressed (`now`).
 */
export function pickerFlip(name: string | null): { was: string; list: string; now: string } {
  const [, was = '', list = ''] = /^(Add to|Remove from) (“.+”)$/.exec(name ?? '') ?? [];
  expect(list, 'the List’s button names it').toBeTruthy();
  return { was, list, now: was === 'Add to' ? 'Remove from' : 'Add to' };
}

/** The header's notice once X has signed Grace out, Ada still signed in beside her. */
export const GRACE_SIGNED_OUT = 'You were signed out of @gracehop';

/** X stops taking Grace's sign-in, and her access token's two hours run out: Perch's next check signs her out. */
export async function graceRevokedAtX(emu: EmulatorControl): Promise<void> {
  await emu.revokeGrants(GRACE_ID);
  await emu.advanceClock(2 * 60 * 60 + 60);
}
