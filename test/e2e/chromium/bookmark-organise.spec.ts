import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { scan } from '../support/axe-chromium';
import { bookmarksOnX } from '../support/bookmarks-on-x';
import { expect, launchPerch, registerCallback, signIn, test, type Perch } from './fixtures';

async function openManager(perch: Perch): Promise<Page> {
  const page = await perch.context.newPage();
  await page.goto(`chrome-extension://${perch.id}/manager.html`);
  await expect(page.getByText('800 bookmarks', { exact: true })).toBeVisible({ timeout: 30_000 });
  return page;
}

const search = (page: Page) => page.getByRole('searchbox', { name: 'Search bookmarks' });
const list = (page: Page) => page.getByRole('list', { name: 'Bookmarks' });
/** The card of one bookmark, found by its Open on X link. */
const card = (page: Page, id: string): Locator =>
  list(page)
    .getByRole('listitem')
    .filter({ has: page.locator(`.bookmarks-actions a[href$="/status/${id}"]`) });
/** The tag names on a card's chips (each chip also holds its remove button). */
const tagsOf = (row: Locator) => row.getByRole('group', { name: 'Tags' }).locator('.bookmarks-tag bdi');

async function exportJson(page: Page): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: 'Export JSON' }).click();
  const d = await download;
  return { name: d.suggestedFilename(), text: readFileSync(await d.path(), 'utf8') };
}

test.describe('organising bookmarks in Chromium', () => {
  test('tags, a note, read state, filters, a saved search, the tag manager, export, and import on a fresh profile', async ({
    perch,
    emu,
  }) => {
    test.setTimeout(180_000);
    await signIn(perch, await perch.open('options'));
    const page = await openManager(perch);
    const onX = await bookmarksOnX(emu);
    const [a, b, c] = onX.ids as [string, string, string];

    // Tags: typed with a capital and a space, stored as X users write them; Enter adds, Backspace removes the last.
    const addTag = card(page, a).getByRole('combobox', { name: 'Add tag' });
    await addTag.fill('Read later');
    await addTag.press('Enter');
    await expect(tagsOf(card(page, a))).toHaveText(['read-later']);
    await expect(addTag).toHaveValue('');
    await addTag.fill('rust');
    await addTag.press('Enter');
    await expect(tagsOf(card(page, a))).toHaveText(['read-later', 'rust']);
    await addTag.press('Backspace');
    await expect(tagsOf(card(page, a))).toHaveText(['read-later']);
    // A tag that cannot be one is refused in words, and nothing changes.
    await addTag.fill('c++');
    await addTag.press('Enter');
    await expect(card(page, a).getByRole('alert')).toContainText('“c++” cannot be a tag');
    await expect(tagsOf(card(page, a))).toHaveText(['read-later']);
    await addTag.fill('');
    // The other cards' type-ahead offers the account's tags.
    await expect
      .poll(() => page.locator('datalist option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)))
      .toEqual(['read-later']);
    for (const id of [b, c]) {
      await card(page, id).getByRole('combobox', { name: 'Add tag' }).fill('read-later');
      await card(page, id).getByRole('combobox', { name: 'Add tag' }).press('Enter');
      await expect(tagsOf(card(page, id))).toHaveText(['read-later']);
    }
    // Each chip's remove button names its tag.
    await card(page, c).getByRole('button', { name: 'Remove tag read-later' }).click();
    await expect(card(page, c).getByRole('button', { name: /^Remove tag / })).toHaveCount(0);

    // A note: Escape cancels, Save keeps it and shows it on the card.
    await card(page, a).getByRole('button', { name: 'Add note' }).click();
    const note = card(page, a).getByRole('textbox', { name: 'Note' });
    await expect(note).toBeFocused();
    await note.fill('not this one');
    await note.press('Escape');
    await expect(note).toBeHidden();
    await expect(card(page, a)).not.toContainText('not this one');
    await expect(card(page, a).getByRole('button', { name: 'Add note' })).toBeFocused();
    await card(page, a).getByRole('button', { name: 'Add note' }).click();
    await note.fill('Benchmark the parser before Friday');
    await card(page, a).getByRole('button', { name: 'Save' }).click();
    await expect(card(page, a).locator('.bookmarks-note')).toHaveText('Note: Benchmark the parser before Friday');
    await expect(card(page, a).getByRole('button', { name: 'Edit note' })).toBeVisible();
    await scan(page, 'manager, bookmarks with tags and a note');

    // Filter by tag (the chip writes tag:name in the box, with its count) and a word of the note.
    const chip = page.getByRole('button', { name: /^read-later 2$/ });
    await expect(chip).toHaveAttribute('aria-pressed', 'false');
    await chip.click();
    await expect(search(page)).toHaveValue('tag:read-later');
    await expect(chip).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByText('2 of 800 bookmarks')).toBeVisible();
    await search(page).fill('tag:read-later benchmark');
    await expect(page.getByText('1 of 800 bookmarks')).toBeVisible();
    await expect(list(page).getByRole('listitem')).toHaveCount(1);
    await expect(card(page, a)).toHaveCount(1);
    await expect(card(page, a)).toContainText('Benchmark the parser');

    // Read state: Open on X marks it read; Unread then leaves it out.
    await search(page).fill('tag:read-later');
    const opened = perch.context.waitForEvent('page');
    await card(page, a).getByRole('link', { name: 'Open on X' }).click();
    await (await opened).close();
    await expect(card(page, a).getByRole('button', { name: 'Mark unread' })).toBeVisible();
    await expect(card(page, b).getByRole('button', { name: 'Mark read' })).toBeVisible();
    await page.getByRole('button', { name: 'Unread', exact: true }).click();
    await expect(search(page)).toHaveValue('tag:read-later is:unread');
    await expect(page.getByText('1 of 800 bookmarks')).toBeVisible();
    await expect(card(page, b)).toHaveCount(1);

    // Save the search: it is pinned at the top, and runs from there.
    await page.getByRole('button', { name: 'Save search' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('To read');
    await expect(page.getByRole('checkbox', { name: 'Pin to the top' })).toBeChecked();
    await page.getByRole('dialog', { name: 'Save search' }).getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Saved the search “To read”.')).toBeVisible();
    await search(page).fill('');
    await expect(page.getByText('800 bookmarks', { exact: true })).toBeVisible();
    await page.getByRole('list', { name: 'Saved searches' }).getByRole('button', { name: 'To read' }).click();
    await expect(search(page)).toHaveValue('tag:read-later is:unread');
    await expect(page.getByText('1 of 800 bookmarks')).toBeVisible();

    // The tag manager: counts, rename everywhere, delete after confirming; saved searches renamed and unpinned.
    await search(page).fill('');
    await card(page, c).getByRole('combobox', { name: 'Add tag' }).fill('scratch');
    await card(page, c).getByRole('combobox', { name: 'Add tag' }).press('Enter');
    await expect(tagsOf(card(page, c))).toHaveText(['scratch']);
    await page.getByRole('button', { name: 'Tags', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Tags and saved searches' });
    await expect(dialog).toContainText('read-later 2 bookmarks');
    await scan(page, 'manager, tags and saved searches');
    await dialog.getByRole('button', { name: 'Delete tag scratch' }).click();
    await dialog.getByRole('button', { name: 'Yes, delete scratch' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Deleted the tag scratch from 1 bookmark.');
    await dialog.getByRole('button', { name: 'Rename saved search To read' }).click();
    await dialog.getByRole('textbox', { name: 'New name for the search To read' }).fill('Unread, to read');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Renamed the search to “Unread, to read”.');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    await expect(card(page, c).getByRole('button', { name: /^Remove tag / })).toHaveCount(0);
    await expect(page.getByRole('list', { name: 'Saved searches' }).getByRole('button', { name: 'Unread, to read' })).toBeVisible();

    // Export: the file carries the tags and the note.
    const json = await exportJson(page);
    // Each result replaces the last: the saved search's line gives way to the export's.
    await expect(page.getByRole('status').filter({ hasText: /^Saved \d+ bookmarks as perch-bookmarks-.*\.json\.$/ })).toBeVisible();
    await expect(page.getByText('Saved the search “To read”.')).toHaveCount(0);
    const exported = JSON.parse(json.text) as { bookmarks: { id: string; tags?: string[]; note?: string }[] };
    expect(exported.bookmarks.find((x) => x.id === a)).toMatchObject({ tags: ['read-later'], note: 'Benchmark the parser before Friday' });
    expect(exported.bookmarks.find((x) => x.id === b)).toMatchObject({ tags: ['read-later'] });

    // Import on a fresh profile: the tags and the note come back on the same bookmarks; an entry X does not list is
    // kept under "No longer on X" with its tag.
    const gone = '1999999999999999999';
    expect(onX.ids).not.toContain(gone);
    const file = JSON.parse(json.text) as { bookmarks: Record<string, unknown>[] };
    const by = onX.authorOf.get(a)!.username;
    file.bookmarks.push({ ...file.bookmarks.find((x) => x.id === a)!, id: gone, url: `https://x.com/${by}/status/${gone}` });
    const fresh = await launchPerch();
    try {
      await registerCallback(fresh.perch, emu);
      await signIn(fresh.perch, await fresh.perch.open('options'));
      const other = await openManager(fresh.perch);
      await expect(card(other, a).getByRole('button', { name: /^Remove tag / })).toHaveCount(0);
      const chooser = other.waitForEvent('filechooser');
      await other.getByRole('button', { name: 'Export' }).click();
      await other.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: 'Import Perch JSON…' }).click();
      await (await chooser).setFiles({ name: json.name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
      await expect(other.getByText(/^Imported: 2 bookmarks matched\. 1 is not on X/)).toBeVisible();
      await expect(tagsOf(card(other, a))).toHaveText(['read-later']);
      await expect(card(other, a).locator('.bookmarks-note')).toHaveText('Note: Benchmark the parser before Friday');
      await expect(tagsOf(card(other, b))).toHaveText(['read-later']);
      await expect(other.getByRole('button', { name: /^read-later 3$/ })).toBeVisible();
      const dropped = other.getByRole('group').filter({ hasText: 'No longer on X (1)' });
      await expect(dropped.getByRole('link', { name: /on x\.com$/ })).toBeHidden();
      await other.getByText('No longer on X (1)').click();
      await expect(dropped.getByRole('link', { name: `A post by @${by} on x.com` })).toHaveAttribute(
        'href',
        `https://x.com/${by}/status/${gone}`,
      );
      await expect(dropped.getByRole('list', { name: 'Tags' })).toHaveText('read-later');
      await scan(other, 'manager, imported, with a bookmark no longer on X');
      // Delete asks first (the person's own words go for good); once the only entry is gone, the focus is on the
      // section's summary, never the page.
      await dropped.getByRole('button', { name: `Delete the tags and note of the post by @${by}` }).click();
      await dropped
        .getByRole('group', { name: `Delete the tags and note of the post by @${by}? This cannot be undone.` })
        .getByRole('button', { name: 'Yes, delete them' })
        .click();
      await expect(other.getByText('No longer on X (0)')).toBeFocused();
      await expect(other.getByRole('link', { name: `A post by @${by} on x.com` })).toHaveCount(0);
      // Importing the same file again, re-saved by an editor as UTF-16, changes nothing and duplicates nothing.
      const again = other.waitForEvent('filechooser');
      await other.getByRole('button', { name: 'Export' }).click();
      await other.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: 'Import Perch JSON…' }).click();
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json.text, 'utf16le')]);
      await (await again).setFiles({ name: json.name, mimeType: 'application/json', buffer: utf16 });
      await expect(other.getByText(/^Imported: none of your bookmarks changed\. \d+ were already the same\./)).toBeVisible();
      await expect(tagsOf(card(other, a))).toHaveText(['read-later']);
      // A file that is not Perch's export is refused in words.
      const bad = other.waitForEvent('filechooser');
      await other.getByRole('button', { name: 'Export' }).click();
      await other.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: 'Import Perch JSON…' }).click();
      await (await bad).setFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
      await expect(other.getByRole('alert')).toHaveText(/^Could not import the file\. This file is not a Perch bookmarks export\. /);
      // An export then replaces the refusal: one line, the export's.
      await exportJson(other);
      await expect(other.getByRole('alert').filter({ hasText: /\S/ })).toHaveCount(0);
      await expect(other.getByRole('status').filter({ hasText: /^Saved \d+ bookmarks as / })).toHaveCount(1);
    } finally {
      await fresh.close();
    }
  });

  test('signing out keeps the tags and notes unless the person unticks the box', async ({ perch, emu }) => {
    test.setTimeout(120_000);
    const options = await perch.open('options');
    await signIn(perch, options);
    const page = await openManager(perch);
    const [a] = (await bookmarksOnX(emu)).ids as [string];
    const addTag = card(page, a).getByRole('combobox', { name: 'Add tag' });
    await addTag.fill('keep-me');
    await addTag.press('Enter');
    await expect(tagsOf(card(page, a))).toHaveText(['keep-me']);

    const signOut = async (keep: boolean) => {
      await options.locator('button[aria-haspopup="menu"]').click();
      await options.getByRole('menu').getByRole('menuitem', { name: 'Sign out' }).click();
      const dialog = options.getByRole('dialog', { name: /^Sign out of @/ });
      const box = dialog.getByRole('checkbox', { name: 'Keep my bookmark tags and notes' });
      await expect(box).toBeChecked();
      if (!keep) await box.uncheck();
      await dialog.getByRole('button', { name: 'Sign out' }).click();
      await expect(dialog).toBeHidden();
      await expect(options.getByRole('button', { name: 'Sign in with X' })).toBeVisible();
    };

    await signOut(true);
    await signIn(perch, options);
    const back = await openManager(perch);
    await expect(tagsOf(card(back, a))).toHaveText(['keep-me']);

    await signOut(false);
    await signIn(perch, options);
    const cleared = await openManager(perch);
    await expect(card(cleared, a)).toHaveCount(1);
    await expect(card(cleared, a).getByRole('button', { name: /^Remove tag / })).toHaveCount(0);
    await expect(cleared.getByRole('button', { name: /^keep-me / })).toHaveCount(0);
  });
});
