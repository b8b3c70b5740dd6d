import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { GRACE_PHOTO_ALT, SEED_POSTS } from '../../emulator/seed';
import { bookmarksOnX, cardNames, cardShows, cardsOnX, wordsOf } from '../support/bookmarks-on-x';
import { ADA } from '../support/emulator-control';
import { expect, signIn, test, type Perch } from './fixtures';

async function openManager(perch: Perch): Promise<Page> {
  const page = await perch.context.newPage();
  await page.goto(`chrome-extension://${perch.id}/manager.html`);
  return page;
}

/** The Bookmarks tab fills the local copy by itself on its first visit of the day: waits until it has. */
async function syncBookmarks(page: Page): Promise<void> {
  await expect(page.getByText('800 bookmarks', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/^Last synced /)).toBeVisible();
}

const search = (page: Page) => page.getByRole('searchbox', { name: 'Search bookmarks' });
const list = (page: Page) => page.getByRole('list', { name: 'Bookmarks' });
/** X lets apps read folders only (openapi.json: GET .../bookmarks/folders and .../folders/{folder_id}, nothing else). */
const FOLDERS_ON_X = 'X lets apps only read bookmark folders: make them and move bookmarks into them on x.com.';

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
    await expect(entries.nth(0)).toContainText(/Queued until \d\d:\d\d: /);
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

  test('at 360 px the first bookmark starts near the top, and only the list scrolls', async ({ perch }) => {
    const panel = await perch.open('sidepanel');
    await panel.setViewportSize({ width: 360, height: 720 });
    await syncBookmarks(panel);
    const first = list(panel).getByRole('listitem').first();
    await expect(first).toBeVisible();
    const top = await first.evaluate((el) => el.getBoundingClientRect().top);
    const panelTop = await panel.getByRole('tabpanel', { name: 'Bookmarks' }).evaluate((el) => el.getBoundingClientRect().top);
    console.log(`at 360 px the first bookmark starts ${Math.round(top)} px from the top, ${Math.round(top - panelTop)} px below the tabs`);
    // Every tab's name shows: the tab row fits without a sideways scroll.
    const tabs = panel.getByRole('tablist');
    expect(await tabs.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    // Ada has 1,050 bookmarks and X gives apps her 800 newest: one short line says so, under the count, not four.
    const short = panel.getByText('X lets apps read only your 800 newest.', { exact: true });
    await expect(short).toBeVisible();
    expect((await short.boundingBox())!.height).toBeLessThanOrEqual(20);
    await expect(panel.getByText(/so those are the ones shown here/)).toBeHidden();
    // The toolbar takes three short rows (the search on its own, so its hint reads whole; folder and Export; sync line
    // and count) and that line: the list keeps the rest of the panel.
    expect(top - panelTop).toBeLessThanOrEqual(130);
    // One scroll container: the list, never the page or panel around it as well.
    const scrolling = await panel.evaluate(() =>
      [document.scrollingElement!, ...document.querySelectorAll('body *')]
        .filter((el) => el === document.scrollingElement || /auto|scroll/.test(getComputedStyle(el).overflowY))
        .filter((el) => el.scrollHeight > el.clientHeight + 1)
        .map((el) => el.className || el.tagName),
    );
    expect(scrolling).toEqual(['bookmarks-scroll']);

    // Where folders are made is said to the picker, and shown once a folder is chosen: not before, in the first
    // bookmark's way.
    const folderNote = panel.getByText(FOLDERS_ON_X, { exact: true });
    const picker = panel.getByRole('combobox', { name: 'Folder' });
    await expect(folderNote).toBeHidden();
    await expect(picker).toHaveAccessibleDescription(FOLDERS_ON_X);
    await picker.selectOption({ index: 1 });
    await expect(folderNote).toBeVisible();
    await picker.selectOption({ label: 'All bookmarks' });
    await expect(folderNote).toBeHidden();

    // A wide panel has the room to say it whole.
    await panel.setViewportSize({ width: 800, height: 720 });
    await expect(
      panel.getByText('X lets apps read only your 800 newest bookmarks, so those are the ones shown here.', { exact: false }),
    ).toBeVisible();
    await expect(short).toBeHidden();
    await expect(folderNote).toBeVisible();
  });

  test('cards show media with their alt text, the quoted post, “Replying to @…” and display URLs', async ({ perch, emu }) => {
    const page = await openManager(perch);
    await syncBookmarks(page);
    const x = await cardsOnX(emu);
    /** Shows the one bookmark `id` by searching for the words of its text. */
    const only = async (id: string) => {
      await search(page).fill(wordsOf(x.posts.get(id)!.text));
      const row = list(page)
        .getByRole('listitem')
        .filter({ has: page.locator(`.bookmarks-actions a[href$="/status/${id}"]`) });
      await expect(row).toHaveCount(1);
      return row;
    };

    // A photo: its thumbnail, with X's alt text; the pic.x.com link X appended to the text is left out.
    const photo = await only(SEED_POSTS.gracePhoto);
    const img = photo.getByRole('img', { name: GRACE_PHOTO_ALT });
    await expect(img).toHaveAttribute('alt', GRACE_PHOTO_ALT);
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(64);
    await expect(photo).not.toContainText('pic.x.com');
    await expect(photo).not.toContainText('t.co/');

    // A link reads as X's display URL and leads to the expanded URL, never t.co.
    const withLink = x.posts.get(SEED_POSTS.graceMentionsAda)!;
    const entity = withLink.entities!.urls![0]!;
    const linked = await only(withLink.id);
    await expect(linked.getByRole('link', { name: entity.display_url })).toHaveAttribute('href', entity.expanded_url);
    await expect(linked).not.toContainText('t.co/');

    // A quote: the quoted post inset, with its author.
    const quote = [...x.posts.values()].find((p) => p.referenced_tweets?.some((r) => r.type === 'quoted' && x.tweets.has(r.id)))!;
    expect(quote).toBeDefined();
    const quoted = x.tweets.get(quote.referenced_tweets!.find((r) => r.type === 'quoted')!.id)!;
    const quotedBy = x.users.get(quoted.author_id)!;
    const inset = (await only(quote.id)).getByRole('blockquote', { name: 'Quoted post' });
    await expect(inset).toContainText(`${quotedBy.name} @${quotedBy.username}`);
    await expect(inset.getByRole('link', { name: `${quotedBy.name} @${quotedBy.username}` })).toHaveAttribute(
      'href',
      `https://x.com/${quotedBy.username}/status/${quoted.id}`,
    );
    await expect(inset).toContainText(wordsOf(quoted.text).split(' ')[0]!);

    // A reply to someone else: "Replying to @them", linking to their profile.
    const reply = [...x.posts.values()].find((p) => p.in_reply_to_user_id && p.in_reply_to_user_id !== p.author_id)!;
    const to = x.users.get(reply.in_reply_to_user_id!)!;
    const replyRow = await only(reply.id);
    await expect(replyRow).toContainText(`Replying to @${to.username}`);
    await expect(replyRow.getByRole('link', { name: `@${to.username}`, exact: true })).toHaveAttribute(
      'href',
      `https://x.com/${to.username}`,
    );
  });

  test('the side panel keeps the composer, opens the manager in a tab, and tabs answer the arrow keys', async ({ perch }) => {
    const panel = await perch.open('sidepanel');
    await expect(panel.getByText('New post', { exact: true })).toBeVisible();
    const opened = perch.context.waitForEvent('page', (p) => p.url().endsWith('/manager.html'));
    await panel.getByRole('button', { name: 'Open in a tab' }).click();
    await expect((await opened).getByRole('tab', { name: 'Bookmarks', selected: true })).toBeVisible();

    await panel.getByRole('tab', { name: 'Bookmarks' }).focus();
    await panel.keyboard.press('ArrowLeft');
    await expect(panel.getByRole('tab', { name: 'Drafts', selected: true })).toBeFocused();
    await expect(panel.getByText('No drafts', { exact: true })).toBeVisible();
    await panel.keyboard.press('Home');
    await expect(panel.getByRole('tab', { name: 'Bookmarks', selected: true })).toBeFocused();
    await panel.keyboard.press('ArrowRight');
    await expect(panel.getByRole('tab', { name: 'Lists', selected: true })).toBeFocused();
    await expect(panel.getByRole('tabpanel', { name: 'Lists' })).toBeVisible();
  });
});
