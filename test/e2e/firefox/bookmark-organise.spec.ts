import type { Page } from 'puppeteer-core';
import { scanFirefox } from '../support/axe-firefox';
import { ADA, TEST_CLIENT_ID, type EmulatorControl } from '../support/emulator-control';
import { typeInto } from '../support/firefox-input';
import { expect, launchFirefoxPerch, signIn, test, textOf, type FirefoxPerch } from './fixtures';

const PANEL = '[role="tabpanel"]:not([hidden])';
const countOf = (page: Page) => textOf(page, `${PANEL} .bookmarks-count`);
/** A control found by its role and accessible name, as a screen reader would, inside `scope` (CSS) when given. */
const aria = (page: Page, name: string, role: string, scope = PANEL) => page.locator(`${scope} ::-p-aria(${name}[role="${role}"])`);
/** A card's control by the start of its name: each is named by its post after its label ("Add note — @ana: “…”"). */
const named = (page: Page, label: string, tag: 'button' | 'input', scope: string) =>
  page.locator(`${scope} ${tag}[aria-label^="${label} — "]`);
/** The card of one bookmark, found by its Open on X link. */
const card = (id: string) => `${PANEL} [role="listitem"]:has(.bookmarks-actions a[href$="/status/${id}"])`;
const tagsOn = (page: Page, id: string) => page.$$eval(`${card(id)} .bookmarks-tag bdi`, (els) => els.map((e) => e.textContent));

/** Ada's bookmark ids as X (the emulator) lists them, newest first. */
async function idsOnX(emu: EmulatorControl): Promise<string[]> {
  const body = (await emu.readAsSignedIn(`/2/users/${ADA.id}/bookmarks?max_results=10`)) as { data: { id: string }[] };
  return body.data.map((p) => p.id);
}

/** Types into the search box at once, as a paste would. */
const search = (page: Page, text: string) => typeInto(page, text, `${PANEL} input[type="search"]`);

async function openSynced(ff: FirefoxPerch): Promise<Page> {
  const page = await ff.open('manager');
  await expect.poll(() => countOf(page), { timeout: 30_000 }).toBe('800 bookmarks');
  return page;
}

async function addTag(page: Page, id: string, tag: string): Promise<void> {
  const box = named(page, 'Add tag', 'input', card(id));
  await box.fill(tag);
  await page.keyboard.press('Enter');
}

/** Records the text of each Blob the page hands to a download (the real download still happens). */
async function watchDownloads(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __saved: string[] };
    w.__saved = [];
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (obj: Blob | MediaSource) => {
      if (obj instanceof Blob) void obj.text().then((t) => w.__saved.push(t));
      return create(obj);
    };
  });
}

test.describe('organising bookmarks in Firefox', () => {
  test('tags, a note, a tag and word filter, a saved search, export, and import on a fresh profile', async ({ ff, emu }) => {
    test.setTimeout(180_000);
    await signIn(ff, ff.options);
    const page = await openSynced(ff);
    const [a, b] = (await idsOnX(emu)) as [string, string];

    await addTag(page, a, 'Read later');
    await expect.poll(() => tagsOn(page, a)).toEqual(['read-later']);
    await addTag(page, b, 'read-later');
    await addTag(page, b, 'rust');
    await expect.poll(() => tagsOn(page, b)).toEqual(['read-later', 'rust']);
    await named(page, 'Remove tag rust', 'button', card(b)).click();
    await expect.poll(() => tagsOn(page, b)).toEqual(['read-later']);

    await named(page, 'Add note', 'button', card(a)).click();
    await aria(page, 'Note', 'textbox', card(a)).fill('Benchmark the parser before Friday');
    await aria(page, 'Save', 'button', card(a)).click();
    await expect.poll(() => textOf(page, `${card(a)} .bookmarks-note`)).toBe('Note: Benchmark the parser before Friday');
    await scanFirefox(page, 'manager, bookmarks with tags and a note');

    // The tag's chip, with its count, filters; a word of the note narrows it to one.
    await page.locator(`${PANEL} .bookmarks-organise ::-p-text(read-later)`).click();
    await expect.poll(() => page.$eval(`${PANEL} input[type="search"]`, (el) => el.value)).toBe('tag:read-later');
    await expect.poll(() => countOf(page)).toBe('2 of 800 bookmarks');
    await search(page, 'tag:read-later benchmark');
    await expect.poll(() => countOf(page)).toBe('1 of 800 bookmarks');
    expect(await page.$$eval(`${PANEL} .bookmarks-card`, (cards) => cards.length)).toBe(1);

    // Saved, pinned, and run from its chip.
    await aria(page, 'Save search', 'button').click();
    await aria(page, 'Name', 'textbox').fill('Parser notes');
    await aria(page, 'Save', 'button', `${PANEL} form`).click();
    await search(page, '');
    await expect.poll(() => countOf(page)).toBe('800 bookmarks');
    await aria(page, 'Parser notes', 'button').click();
    await expect.poll(() => countOf(page)).toBe('1 of 800 bookmarks');

    // Export JSON: the file carries the tags and the note.
    await search(page, '');
    await expect.poll(() => countOf(page)).toBe('800 bookmarks');
    await watchDownloads(page);
    await aria(page, 'Export', 'button').click();
    await aria(page, 'Export JSON', 'menuitem').click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __saved: string[] }).__saved.length)).toBe(1);
    const json = await page.evaluate(() => (window as unknown as { __saved: string[] }).__saved[0]!);
    const file = JSON.parse(json) as { bookmarks: { id: string; tags?: string[]; note?: string }[] };
    expect(file.bookmarks.find((x) => x.id === a)).toMatchObject({ tags: ['read-later'], note: 'Benchmark the parser before Friday' });

    // A fresh profile: the import puts the tags and the note back on the same bookmarks.
    const fresh = await launchFirefoxPerch();
    try {
      await expect.poll(() => textOf(fresh.options, 'code.callback')).toMatch(/^https:\/\//);
      await emu.registerClient(TEST_CLIENT_ID, [await textOf(fresh.options, 'code.callback')]);
      await signIn(fresh, fresh.options);
      const other = await openSynced(fresh);
      expect(await tagsOn(other, a)).toEqual([]);
      await aria(other, 'Export', 'button').click();
      await expect.poll(() => other.evaluate(() => document.activeElement?.textContent)).toBe('Export JSON');
      expect(await other.$$eval(`${PANEL} [role="menuitem"]`, (items) => items.map((i) => i.textContent))).toContain('Import Perch JSON…');
      await other.keyboard.press('Escape');
      // What choosing the file does: BiDi cannot answer the browser's file chooser, so the page is handed the file.
      await other.$eval(
        `${PANEL} input[type="file"]`,
        (input, text) => {
          const data = new DataTransfer();
          data.items.add(new File([text], 'perch-bookmarks.json', { type: 'application/json' }));
          input.files = data.files;
          input.dispatchEvent(new Event('change', { bubbles: true }));
        },
        json,
      );
      await expect.poll(() => textOf(other, `${PANEL} .export-status`)).toMatch(/^Imported: 2 bookmarks matched\./);
      await expect.poll(() => tagsOn(other, a)).toEqual(['read-later']);
      expect(await tagsOn(other, b)).toEqual(['read-later']);
      expect(await textOf(other, `${card(a)} .bookmarks-note`)).toBe('Note: Benchmark the parser before Friday');
    } finally {
      await fresh.close();
    }
  });
});
