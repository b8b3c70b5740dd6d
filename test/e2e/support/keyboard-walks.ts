import { expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LONG_LIST_NAME, longListReader } from '../../emulator/long-list';
import { SECOND_USER_ID as GRACE_ID } from '../../emulator/seed';
import type { EmulatorControl } from './emulator-control';
import { ROOT } from './paths';
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

/** The words of PRIVACY.md's links (`[words](https://…)`, as lib/privacy-page.ts renders them), in its order. */
export function privacyLinks(): string[] {
  const markdown = readFileSync(path.join(ROOT, 'PRIVACY.md'), 'utf8');
  return [...markdown.matchAll(/\[([^\]]+)\]\(https:\/\/[^)\s]+\)/g)].map((m) => m[1]!.replace(/\*\*|`/g, ''));
}

/** Where the page stands: how far it is scrolled and can be, and whether its end is in view. */
interface Scrolled {
  y: number;
  room: number;
  endInView: boolean;
}

/** In the page: where it stands (see Scrolled); its end is the bottom of the last block of its main text. */
function scrolledHere(): Scrolled {
  const bottom = document.querySelector('main')?.lastElementChild?.getBoundingClientRect().bottom;
  return {
    y: Math.round(window.scrollY),
    room: document.documentElement.scrollHeight - window.innerHeight,
    endInView: bottom !== undefined && bottom >= 0 && bottom <= window.innerHeight + 1,
  };
}

/** A page of either driver (Playwright, puppeteer over WebDriver BiDi), as the scroll walk drives it. */
interface ScrolledPage {
  evaluate(fn: () => Scrolled): Promise<Scrolled>;
  evaluate(fn: () => boolean): Promise<boolean>;
  /** Space as both drivers name it (puppeteer over BiDi knows no "Space"). */
  keyboard: { press(key: ' '): Promise<void> };
}

/**
 * The privacy policy read with the keyboard alone: from its top, with the focus on the page and not on a control,
 * each Space scrolls it further down until its last words are in view. The page must be taller than its window (the
 * spec makes the window small), so the walk cannot pass on a page that fits.
 */
export async function expectReadByKeyboard(page: ScrolledPage, presses = 40): Promise<void> {
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    (document.activeElement as HTMLElement | null)?.blur();
    return true;
  });
  const start = await page.evaluate(scrolledHere);
  expect(start.room, 'the policy is taller than its window').toBeGreaterThan(0);
  expect(start.endInView, 'the policy’s end is out of view at first').toBe(false);
  let at = start;
  for (let i = 0; i < presses && !at.endInView; i++) {
    await page.keyboard.press(' ');
    const before = at.y;
    await expect
      .poll(async () => (at = await page.evaluate(scrolledHere)).y, { message: `Space scrolls the policy down from ${before}px` })
      .toBeGreaterThan(before);
  }
  await expect.poll(async () => (await page.evaluate(scrolledHere)).endInView, { message: 'Space reaches the policy’s end' }).toBe(true);
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

/** The manager's Lists tab, on a List of LONG_LIST_MEMBERS (emulator/long-list.ts): the words a person meets. */
export const longListWords = {
  load: `Load members of ${LONG_LIST_NAME} from X`,
  more: `Load more members of ${LONG_LIST_NAME}`,
  members: `Members of ${LONG_LIST_NAME}`,
  /** The n-th member's Profile link. */
  profile: (n: number) => `Profile of @${longListReader(n).username} on X`,
};

/** X was asked for the List's members three times: the first page, then twice on from where the last page ended. */
export async function expectMembersReadInThreePages(emu: EmulatorControl): Promise<void> {
  const asked = (await emu.log()).filter((e) => e.method === 'GET' && /^\/2\/lists\/\d+\/members$/.test(e.path));
  expect(asked.map((e) => e.query?.pagination_token === undefined)).toEqual([true, false, false]);
}

/** The manager's Bookmarks, organised by keyboard: the words a person meets and types. */
export const bookmarkWalkWords = {
  /** The count once Ada's bookmarks are read from X. */
  read: '800 bookmarks',
  note: 'Read this weekend',
  unread: 'is:unread',
  tag: 'birds',
  tagged: 'tag:birds',
  /** The line once the Export menu's CSV is saved. */
  savedCsv: /^Saved 800 bookmarks as /,
};
