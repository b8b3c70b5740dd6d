import type { Page } from 'puppeteer-core';
import { OVERSIZE_CJK_NAME, OVERSIZE_LATIN_NAME, OVERSIZE_LIST_NAME } from '../../emulator/oversize';
import { expectLaidOut, expectNameShown } from '../support/layout-expect';
import { expect, setViewportSize, signIn, test } from './fixtures';

/**
 * The side-panel part of test/e2e/chromium/layout-oversize.spec.ts in Firefox's sidebar at its narrowest (180 px):
 * names and texts as long as X allows or longer (test/emulator/oversize.ts) on the Bookmarks, Lists, a List's,
 * Muted and Blocked tabs. The page never scrolls sideways, every control is whole and not covered, text wraps or is
 * cut with an ellipsis and its whole text kept, and an account's row shows some eight characters of its name.
 */

const WIDTH = 180;
const aria = (page: Page, name: string, role: string) => page.locator(`::-p-aria(${name}[role="${role}"])`);

/** The text of the list named `label`, or '' before it is drawn. */
const listText = (page: Page, label: string) =>
  page.evaluate(
    (name) => [...document.querySelectorAll('[role="list"]')].find((l) => l.getAttribute('aria-label') === name)?.textContent ?? '',
    label,
  );

test('the sidebar at 180 px in Firefox: Bookmarks, Lists, a List, Muted and Blocked rows', async ({ ff, emu }) => {
  await emu.oversize();
  await signIn(ff, ff.options);
  const page = await ff.open('sidepanel');
  await setViewportSize(page, WIDTH, 2400);
  await expect.poll(() => listText(page, 'Bookmarks'), { timeout: 30_000 }).toContain(OVERSIZE_LATIN_NAME);
  await expect.poll(() => page.evaluate(() => document.body.innerText), { timeout: 30_000 }).toMatch(/Last synced /);
  await expectLaidOut(page, `ff-${WIDTH}-bookmarks`);

  await aria(page, 'Lists', 'tab').click();
  await aria(page, OVERSIZE_LIST_NAME, 'button').wait();
  await expectLaidOut(page, `ff-${WIDTH}-lists`);
  await aria(page, OVERSIZE_LIST_NAME, 'button').click();
  await aria(page, `Load members of ${OVERSIZE_LIST_NAME} from X`, 'button').click();
  const members = `Members of ${OVERSIZE_LIST_NAME}`;
  await expect.poll(() => listText(page, members), { timeout: 15_000 }).toContain(OVERSIZE_LATIN_NAME);
  await expectLaidOut(page, `ff-${WIDTH}-list`);
  await expectNameShown(page, members, OVERSIZE_LATIN_NAME, `ff-${WIDTH}-list`);

  await aria(page, 'Muted', 'tab').click();
  const muted = 'Muted accounts, most recent first';
  await expect.poll(() => listText(page, muted), { timeout: 15_000 }).toContain(OVERSIZE_LATIN_NAME);
  await expectLaidOut(page, `ff-${WIDTH}-muted`);
  await expectNameShown(page, muted, OVERSIZE_LATIN_NAME, `ff-${WIDTH}-muted`);

  await aria(page, 'Blocked', 'tab').click();
  await expect.poll(() => listText(page, 'Blocked accounts, most recent first'), { timeout: 15_000 }).toContain(OVERSIZE_CJK_NAME);
  await expectLaidOut(page, `ff-${WIDTH}-blocked`);
});
