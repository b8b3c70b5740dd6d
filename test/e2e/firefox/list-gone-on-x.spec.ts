import type { Page } from 'puppeteer-core';
import { SEED_LISTS } from '../../emulator/seed';
import { expect, signIn, test } from './fixtures';

/**
 * Firefox's side of chromium/list-gone-on-x.spec.ts. A List's page links to it on x.com; and a List deleted on x.com,
 * not through Perch (the emulator's DELETE /2/lists/:id as the account, deleteLists), is forgotten once X answers a
 * read of it with resource-not-found (getListsMembers: x-api--lists--list-lookup--integrate, "404 – List doesn't
 * exist"): its open page says X's word, with the focus, and Activity stops linking its actions to a page x.com no
 * longer has.
 */

const LIST = SEED_LISTS.adaReading;
const NAME = 'Reading list 📚';
/** Ada's other List, pinned on X (SEED_ADA_PINNED_LISTS): drawn under Pinned, where the pinned Reading list would be. */
const NEIGHBOUR = 'Compiler folks 🛠️';
const GONE = 'X says this List no longer exists: it was deleted.';

const aria = (page: Page, name: string, role: string) => page.locator(`::-p-aria(${name}[role="${role}"])`);

/** The names of the List buttons in each section of the Lists tab, by the section's heading. */
const sections = (page: Page) =>
  page.$$eval('section.mgr-list-section', (all) =>
    Object.fromEntries(
      all.map((s) => [
        s.querySelector('h3, h2')?.textContent?.trim() ?? '',
        [...s.querySelectorAll('button.mgr-list-name')].map((b) => b.textContent?.trim() ?? ''),
      ]),
    ),
  );

/** What has the focus: its words, or "the page". */
const focusedText = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return !el || el === document.body ? 'the page' : (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  });

test('a List’s page opens it on X, and says so when X deleted it, no more linked in Activity', async ({ ff, emu }) => {
  await signIn(ff, ff.options);
  const page = await ff.open('manager', '#lists');
  await page.bringToFront();
  const section = async (heading: string) => Object.entries(await sections(page)).find(([title]) => title.startsWith(heading))?.[1];
  await expect.poll(() => section('Owned')).toContain(NAME);
  // A locator clicks once the button stands still: the tab's sync may still be moving rows.
  await aria(page, NAME, 'button').click();
  await expect.poll(() => focusedText(page)).toBe(NAME);
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');

  const onX = await aria(page, `Open on X: ${NAME}`, 'link').waitHandle();
  expect(await onX.evaluate((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('target')])).toEqual([
    'Open on X',
    `https://x.com/i/lists/${LIST}`,
    '_blank',
  ]);

  // Pinned through Perch: its Activity row links to the List.
  await aria(page, `Pin ${NAME}`, 'button').click();
  await expect
    .poll(() => page.$$eval('[role="status"]', (all) => all.map((s) => s.textContent ?? '').join(' ')))
    .toContain(`Pin “${NAME}”: done.`);

  // Deleted on x.com behind Perch's back, once the tab's sync has finished; Perch learns it when X answers the members read.
  await emu.untilQuiet();
  expect((await emu.asSignedIn(`/2/lists/${LIST}`, { method: 'DELETE' })).status).toBe(200);
  await aria(page, `Load members of ${NAME} from X`, 'button').click();
  await expect.poll(() => focusedText(page)).toBe(GONE);

  await aria(page, 'Back to lists', 'button').click();
  // The sections drawn first: a tab with none yet holds no List of that name either.
  await expect.poll(() => section('Pinned')).toContain(NEIGHBOUR);
  expect(Object.values(await sections(page)).flat()).not.toContain(NAME);
  await aria(page, 'Activity', 'tab').click();
  const pinRow = () =>
    page.$$eval(
      '.activity-list > li',
      (rows, name) => rows.filter((r) => r.textContent?.includes(`Pin “${name}”`)).map((r) => r.querySelectorAll('a').length),
      NAME,
    );
  await expect.poll(pinRow).toEqual([0]);
});
