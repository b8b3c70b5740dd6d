import { readFileSync } from 'node:fs';
import { bookmarksOnX, cardNames, cardShows } from '../support/bookmarks-on-x';
import { FOLDERS_ON_X, list, openManager, search, syncBookmarks } from '../support/bookmarks-tab';
import { ADA } from '../support/emulator-control';
import { expect, signIn, test } from './fixtures';

/** The Bookmarks tab: sync and search, remove with Undo, export. Cards, narrow layout and the side panel: -cards. */

test.describe('the Bookmarks tab in Chromium', () => {
  test.beforeEach(async ({ perch }) => {
    await signIn(perch, await perch.open('options'));
  });

  test('syncs with as few requests as X’s pages allow, and searches by CJK words and accent-free names', async ({ perch, emu }) => {
    await emu.clearLog();
    const page = await openManager(perch);
    await expect(page.getByRole('tab', { name: 'Bookmarks', selected: true })).toBeVisible();
    // The first visit fetches the bookmarks without being asked.
    await syncBookmarks(page);

    // X returns the newest 800 of Ada's 1,050 bookmarks, 100 a page: 8 requests; then 1 for the folders and 1 for
    // each folder's contents. Nothing else.
    const folders = (await emu.relations()).bookmark_folders;
    expect(folders.length).toBeGreaterThan(0);
    // The folders' contents are read after the bookmarks, one request each: wait until the last has answered.
    const folderReads = async () =>
      (await emu.log()).filter((e) => e.method === 'GET' && e.path.startsWith(`/2/users/${ADA.id}/bookmarks/folders/`) && e.status !== null)
        .length;
    await expect.poll(folderReads).toBe(folders.length);
    const log = (await emu.log()).filter((e) => e.path.startsWith('/2/'));
    const bookmarkPages = log.filter((e) => e.method === 'GET' && e.path === `/2/users/${ADA.id}/bookmarks`);
    const folderPages = log.filter((e) => e.method === 'GET' && e.path === `/2/users/${ADA.id}/bookmarks/folders`);
    const folderContents = log.filter((e) => e.method === 'GET' && e.path.startsWith(`/2/users/${ADA.id}/bookmarks/folders/`));
    expect(bookmarkPages.map((e) => e.status)).toEqual(Array(Math.ceil(800 / 100)).fill(200));
    expect(folderPages.map((e) => e.status)).toEqual([200]);
    expect(folderContents.map((e) => e.path.split('/').pop()).sort()).toEqual(folders.map((f) => f.id).sort());
    expect(log.length).toBe(Math.ceil(800 / 100) + 1 + folders.length);
    expect((await emu.relations()).bookmarks.length).toBeGreaterThan(1000);

    const onX = await bookmarksOnX(emu);
    expect(onX.ids).toHaveLength(800);
    // Newest first, as X gave them: the first row is X's first bookmark.
    const first = list(page).getByRole('listitem').first();
    await expect(first.getByRole('link', { name: 'Open on X' })).toHaveAttribute(
      'href',
      `https://x.com/${onX.authorOf.get(onX.ids[0]!)!.username}/status/${onX.ids[0]}`,
    );

    // A CJK word: every bookmark whose card shows it (in its text or the post it quotes), and only those.
    const cjk = '勉強';
    const withCjk = onX.ids.filter((id) => cardShows(onX, id, cjk));
    expect(withCjk.length).toBeGreaterThan(0);
    await search(page).fill(cjk);
    await expect(page.getByText(`${withCjk.length} of 800 bookmarks`)).toBeVisible();
    await expect(list(page).getByRole('listitem').first()).toContainText(cjk);

    // An author whose name has accents, typed without them and in lower case.
    const accented = [...onX.authorOf.values()].find((a) => a.name.normalize('NFD') !== a.name && /^[\p{L}\p{M} ]+/u.test(a.name))!;
    expect(accented).toBeDefined();
    const plainName = accented.name
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .replace(/[^\p{L} ]/gu, '')
      .trim()
      .toLowerCase();
    expect(plainName).not.toBe(accented.name);
    // Every card that names them: as the author, or as the author of the post it quotes.
    const byAuthor = onX.ids.filter((id) => cardNames(onX, id, accented.id));
    await search(page).fill(plainName);
    await expect(page.getByText(`${byAuthor.length} of 800 bookmarks`)).toBeVisible();
    const rows = list(page).getByRole('listitem');
    const shown = Math.min(await rows.count(), byAuthor.length);
    for (let i = 0; i < shown; i++) await expect(rows.nth(i)).toContainText(accented.name);

    // X's folders filter, read-only: exactly the folder's bookmarks among the 800. A wide tab says beside the picker
    // why there is no New folder or Move to folder, and the picker is described by it.
    await search(page).fill('');
    await expect(page.getByText(FOLDERS_ON_X, { exact: true })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Folder' })).toHaveAccessibleDescription(FOLDERS_ON_X);
    const folder = folders.find((f) => f.post_ids.length > 1)!;
    const inFolder = onX.ids.filter((id) => folder.post_ids.includes(id));
    await page.getByRole('combobox', { name: 'Folder' }).selectOption({ label: folder.name });
    await expect(page.getByText(`${inFolder.length} of 800 bookmarks`)).toBeVisible();
    await expect(list(page).getByRole('listitem')).toHaveCount(inFolder.length);
    await page.getByRole('combobox', { name: 'Folder' }).selectOption({ label: 'All bookmarks' });
    await expect(page.getByText('800 bookmarks', { exact: true })).toBeVisible();

    await search(page).fill('no such words anywhere 🙃');
    await expect(page.getByText('No bookmark matches “no such words anywhere 🙃”.')).toBeVisible();

    // Coming back the same day costs nothing; Sync now asks X for one page, which holds nothing new.
    await emu.clearLog();
    const again = await openManager(perch);
    await expect(again.getByText('800 bookmarks', { exact: true })).toBeVisible();
    await expect(again.getByText(/^Last synced /)).toBeVisible();
    await again.waitForTimeout(500);
    expect((await emu.log()).filter((e) => e.path.startsWith('/2/'))).toEqual([]);
    await again.getByRole('button', { name: 'Sync now' }).click();
    await expect
      .poll(async () => (await emu.log()).filter((e) => e.path === `/2/users/${ADA.id}/bookmarks`).map((e) => e.status))
      .toEqual([200]);
  });

  test('removes a bookmark on X and puts it back with Undo, and the Activity tab tells each action’s state', async ({ perch, emu }) => {
    const page = await openManager(perch);
    await syncBookmarks(page);
    const onX = await bookmarksOnX(emu);
    const [firstId, secondId, thirdId] = onX.ids;
    const username = (id: string) => onX.authorOf.get(id)!.username;
    const row = (id: string) =>
      list(page)
        .getByRole('listitem')
        .filter({ has: page.locator(`a[href$="/status/${id}"]`) });

    await row(firstId!).getByRole('button', { name: 'Remove' }).click();
    await expect(page.getByText('799 bookmarks', { exact: true })).toBeVisible();
    await expect(page.getByText(`Remove bookmark of a post by @${username(firstId!)}: done.`)).toBeVisible();
    await expect.poll(async () => (await emu.relations()).bookmarks.includes(firstId!)).toBe(false);

    await page.getByRole('button', { name: `Undo: Remove bookmark of a post by @${username(firstId!)}` }).click();
    await expect(page.getByText(`Remove bookmark of a post by @${username(firstId!)}: undone.`)).toBeVisible();
    await expect(page.getByText('800 bookmarks', { exact: true })).toBeVisible();
    await expect.poll(async () => (await emu.relations()).bookmarks.includes(firstId!)).toBe(true);

    // X refuses one removal, and another waits for X's rate limit.
    await emu.fault({ method: 'DELETE', path: `/2/users/${ADA.id}/bookmarks/${secondId}`, count: 1, kind: 'status', status: 403 });
    await row(secondId!).getByRole('button', { name: 'Remove' }).click();
    await expect(page.getByText(new RegExp(`^Remove bookmark of a post by @${username(secondId!)}: not done. `))).toBeVisible();
    // Refused: the bookmark is back on the screen, and still on X.
    await expect(page.getByText('800 bookmarks', { exact: true })).toBeVisible();
    expect((await emu.relations()).bookmarks).toContain(secondId);

    await emu.fault({ method: 'DELETE', path: `/2/users/${ADA.id}/bookmarks/${thirdId}`, count: 1, kind: 'rate_limit' });
    await row(thirdId!).getByRole('button', { name: 'Remove' }).click();
    await expect(
      page.getByText(new RegExp(`^Remove bookmark of a post by @${username(thirdId!)}: queued until \\d\\d:\\d\\d`)),
    ).toBeVisible();
    // The refusal was said in the status line the person was looking at: the toolbar badge has nothing to tell of it
    // (and waiting for X's reset is no failure).
    const worker = await perch.worker();
    await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
    expect(await worker.evaluate(() => chrome.action.getTitle({}))).not.toContain('not done');

    await page.getByRole('tab', { name: 'Activity' }).click();
    const log = page.getByRole('list', { name: 'What Perch did on X' });
    const entries = log.getByRole('listitem');
    await expect(entries).toHaveCount(4);
    await expect(entries.nth(0)).toContainText(`Remove bookmark of a post by @${username(thirdId!)}`);
    await expect(entries.nth(0)).toContainText(/Queued until (?:[A-Z][a-z]+ \d+, )?\d?\d:\d\d: /);
    await expect(entries.nth(1)).toContainText(`Remove bookmark of a post by @${username(secondId!)}`);
    await expect(entries.nth(1)).toContainText('Failed: ');
    await expect(entries.nth(2)).toContainText(`Bookmark a post by @${username(firstId!)}`);
    await expect(entries.nth(2)).toContainText('Done');
    await expect(entries.nth(2)).toContainText('Undo of an earlier action');
    await expect(entries.nth(3)).toContainText(`Remove bookmark of a post by @${username(firstId!)}`);
    await expect(entries.nth(3)).toContainText('Done, then undone');
    // When, in words, with the exact time on hover; and a link to the post acted on.
    const when = entries.nth(2).locator('time');
    await expect(when).toHaveText(/^(now|\d+ (seconds?|minutes?) ago)$/);
    await expect(when).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
    await expect(when).toHaveAttribute('title', /\d\d:\d\d|\d:\d\d/);
    await expect(entries.nth(2).getByRole('link', { name: `View post: Bookmark a post by @${username(firstId!)}` })).toHaveAttribute(
      'href',
      `https://x.com/${username(firstId!)}/status/${firstId}`,
    );
    // Undo is offered for the done action that is not undone yet, and only there.
    await expect(log.getByRole('button', { name: /^Undo/ })).toHaveCount(1);
    await expect(entries.nth(2).getByRole('button', { name: `Undo: Bookmark a post by @${username(firstId!)}` })).toBeVisible();

    // The queued one can be cancelled, and only it: it is never sent again, and the bookmark is back.
    await expect(log.getByRole('button', { name: /^Cancel/ })).toHaveCount(1);
    const deletes = async () =>
      (await emu.log()).filter((e) => e.method === 'DELETE' && e.path === `/2/users/${ADA.id}/bookmarks/${thirdId}`).length;
    const sentBefore = await deletes();
    await entries
      .nth(0)
      .getByRole('button', { name: `Cancel: Remove bookmark of a post by @${username(thirdId!)}` })
      .click();
    await expect(entries.nth(0)).toContainText('Cancelled before it was sent');
    await expect(log.getByRole('button', { name: /^Cancel/ })).toHaveCount(0);
    await page.getByRole('tab', { name: 'Bookmarks' }).click();
    await expect(page.getByText('800 bookmarks', { exact: true })).toBeVisible();
    expect((await emu.relations()).bookmarks).toContain(thirdId);
    expect(await deletes()).toBe(sentBefore);
  });

  test('exports what is shown as JSON, CSV and Markdown files', async ({ perch, emu }) => {
    const page = await openManager(perch);
    await syncBookmarks(page);
    const onX = await bookmarksOnX(emu);

    const exportButton = page.getByRole('button', { name: 'Export' });
    const save = async (name: string): Promise<{ file: string; text: string }> => {
      const download = page.waitForEvent('download');
      await exportButton.click();
      await page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name }).click();
      const d = await download;
      return { file: d.suggestedFilename(), text: readFileSync(await d.path(), 'utf8') };
    };
    const today = new Date();
    const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;

    // One Export button opens a menu of the formats: it says so, opens on its first item, and Escape closes it.
    await expect(exportButton).toHaveAttribute('aria-haspopup', 'menu');
    await expect(exportButton).toHaveAttribute('aria-expanded', 'false');
    await exportButton.focus();
    await page.keyboard.press('Enter');
    await expect(exportButton).toHaveAttribute('aria-expanded', 'true');
    const menu = page.getByRole('menu', { name: 'Export' });
    await expect(menu.getByRole('menuitem')).toHaveText(['Export JSON', 'Export CSV', 'Export Markdown', 'Import Perch JSON…']);
    await expect(menu.getByRole('menuitem', { name: 'Export JSON' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: 'Export CSV' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(exportButton).toHaveAttribute('aria-expanded', 'false');
    await expect(exportButton).toBeFocused();

    const json = await save('Export JSON');
    expect(json.file).toBe(`perch-bookmarks-${day}.json`);
    const parsed = JSON.parse(json.text) as { account: string; count: number; bookmarks: { id: string; author: { username: string } }[] };
    expect(parsed.account).toBe(ADA.username);
    expect(parsed.count).toBe(800);
    expect(parsed.bookmarks.map((b) => b.id)).toEqual(onX.ids);
    expect(parsed.bookmarks[0]!.author.username).toBe(onX.authorOf.get(onX.ids[0]!)!.username);

    await search(page).fill('勉強');
    const matching = onX.ids.filter((id) => cardShows(onX, id, '勉強'));
    await expect(page.getByText(`${matching.length} of 800 bookmarks`)).toBeVisible();
    const csv = await save('Export CSV');
    expect(csv.file).toBe(`perch-bookmarks-${day}.csv`);
    expect(
      csv.text.startsWith(
        '\uFEFF"id","url","created_at","author_name","author_username","text","links","media_count","quoted_post_url","folders","tags","note","read"\r\n',
      ),
    ).toBe(true);
    // Every text cell is quoted, the id too.
    const lines = csv.text.split('\r\n').filter((l) => /^\uFEFF?"\d+","https:\/\/x\.com\//.test(l));
    expect(lines.map((l) => l.split(',')[0]!.replace(/^\uFEFF?"|"$/g, ''))).toEqual(matching);
    expect(csv.text).toContain('勉強');

    const md = await save('Export Markdown');
    expect(md.file).toBe(`perch-bookmarks-${day}.md`);
    expect(md.text.startsWith(`# Bookmarks of @${ADA.username}\n\n- `)).toBe(true);
    expect(md.text.match(/^- /gm)).toHaveLength(matching.length);
    await expect(
      page.getByText(`Saved ${matching.length} bookmark${matching.length === 1 ? '' : 's'} as perch-bookmarks-${day}.md.`),
    ).toBeVisible();
  });
});
