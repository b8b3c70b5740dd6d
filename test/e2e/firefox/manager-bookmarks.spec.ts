import type { Page } from 'puppeteer-core';
import { GRACE_PHOTO_ALT, SEED_POSTS } from '../../emulator/seed';
import { bookmarksOnX, cardNames, cardShows, cardsOnX, wordsOf } from '../support/bookmarks-on-x';
import { ADA } from '../support/emulator-control';
import { typeInto } from '../support/firefox-input';
import { expect, signIn, test, textOf } from './fixtures';

const aria = (page: Page, name: string, role: string) => page.locator(`::-p-aria(${name}[role="${role}"])`);
const PANEL = '[role="tabpanel"]:not([hidden])';
/** Types into the search box at once, as a paste would (and clears it with ''). */
const search = (page: Page, text: string) => typeInto(page, text, `${PANEL} input[type="search"]`);
const countOf = (page: Page) => textOf(page, `${PANEL} .bookmarks-count`);

/**
 * Records what the page hands to the browser as a download: the Blob behind each object URL and the file name of
 * the `<a download>` clicked. The real download still happens; this only reads what it carries.
 */
async function watchDownloads(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __saved: { name?: string; text?: string }[] };
    w.__saved = [];
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (obj: Blob | MediaSource) => {
      const entry: { name?: string; text?: string } = {};
      w.__saved.push(entry);
      if (obj instanceof Blob) void obj.text().then((t) => (entry.text = t));
      return create(obj);
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      const last = w.__saved[w.__saved.length - 1];
      if (last && this.download) last.name = this.download;
      click.call(this);
    };
  });
}

async function saved(page: Page): Promise<{ name?: string; text?: string }[]> {
  return page.evaluate(() => (window as unknown as { __saved: { name?: string; text?: string }[] }).__saved);
}

test.describe('the Bookmarks tab in Firefox', () => {
  test('syncs, searches, removes with undo, shows the activity, exports CSV from the menu and shows the cards’ media, quotes and replies', async ({
    ff,
    emu,
  }) => {
    await signIn(ff, ff.options);
    await emu.clearLog();
    // The first visit fetches the bookmarks without being asked.
    const page = await ff.open('manager');
    await expect.poll(() => countOf(page), { timeout: 30_000 }).toBe('800 bookmarks');
    await expect.poll(() => textOf(page, `${PANEL} .bookmarks-sync-state`)).toMatch(/^Last synced /);
    // The folders' contents are read after the bookmarks, one request each: wait until the last has answered.
    const folders = (await emu.relations()).bookmark_folders;
    const folderReads = async () =>
      (await emu.log()).filter((e) => e.method === 'GET' && e.path.startsWith(`/2/users/${ADA.id}/bookmarks/folders/`) && e.status !== null)
        .length;
    await expect.poll(folderReads).toBe(folders.length);
    const log = (await emu.log()).filter((e) => e.path.startsWith('/2/'));
    expect(log.filter((e) => e.path === `/2/users/${ADA.id}/bookmarks`)).toHaveLength(Math.ceil(800 / 100));
    expect(log).toHaveLength(Math.ceil(800 / 100) + 1 + folders.length);

    const onX = await bookmarksOnX(emu);
    // Every bookmark whose card shows the word: in its text, or in the post it quotes.
    const withCjk = onX.ids.filter((id) => cardShows(onX, id, '勉強'));
    await aria(page, 'Search bookmarks', 'searchbox').fill('勉強');
    await expect.poll(() => countOf(page)).toBe(`${withCjk.length} of 800 bookmarks`);

    const accented = [...onX.authorOf.values()].find((a) => a.name.normalize('NFD') !== a.name && /^[\p{L}\p{M} ]+/u.test(a.name))!;
    const plain = accented.name
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .replace(/[^\p{L} ]/gu, '')
      .trim()
      .toLowerCase();
    // Every card that names them: as the author, or as the author of the post it quotes.
    const byAuthor = onX.ids.filter((id) => cardNames(onX, id, accented.id));
    await aria(page, 'Search bookmarks', 'searchbox').fill(plain);
    await expect.poll(() => countOf(page)).toBe(`${byAuthor.length} of 800 bookmarks`);
    // The first card names them where a card names an author (its own, or its quoted post's), not only in a post's text.
    const authorsOfFirstCard = await page.$eval(`${PANEL} [role="listitem"]`, (card) =>
      [...card.querySelectorAll('.bookmarks-names, .bookmarks-quote-author')].map((e) => e.textContent ?? '').join(' '),
    );
    expect(authorsOfFirstCard).toContain(accented.name);

    // Export what the search shows, as CSV: the file's text is the Blob the page handed to the download.
    await watchDownloads(page);
    // One Export button opens the menu of formats; Escape closes it and gives the focus back.
    const exportButton = `${PANEL} .export-menu-button`;
    expect(await page.$eval(exportButton, (b) => [b.getAttribute('aria-haspopup'), b.getAttribute('aria-expanded')])).toEqual([
      'menu',
      'false',
    ]);
    await aria(page, 'Export', 'button').click();
    await expect.poll(() => page.$eval(exportButton, (b) => b.getAttribute('aria-expanded'))).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Export JSON');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.$eval(exportButton, (b) => b.getAttribute('aria-expanded'))).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('export-menu-button'))).toBe(true);
    await aria(page, 'Export', 'button').click();
    await aria(page, 'Export CSV', 'menuitem').click();
    await expect.poll(async () => (await saved(page))[0]?.text).toBeDefined();
    const [csv] = await saved(page);
    const d = new Date();
    expect(csv!.name).toBe(
      `perch-bookmarks-${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}.csv`,
    );
    expect(csv!.text!.split('\r\n')[0]).toBe(
      '"id","url","created_at","author_name","author_username","text","links","media_count","quoted_post_url","folders","tags","note","read"',
    );
    const ids = csv!
      .text!.split('\r\n')
      .filter((l) => /^"\d+","https:\/\/x\.com\//.test(l))
      .map((l) => l.split(',')[0]!.replace(/^"|"$/g, ''));
    expect(ids).toEqual(byAuthor);

    // Remove the first, then Undo: gone from X, then back.
    await search(page, '');
    await expect.poll(() => countOf(page)).toBe('800 bookmarks');
    const first = onX.ids[0]!;
    const who = `@${onX.authorOf.get(first)!.username}`;
    await page.locator(`${PANEL} [role="listitem"]:first-child .bookmarks-remove`).click();
    await expect.poll(() => textOf(page, `${PANEL} .mgr-note-text`)).toBe(`Remove bookmark of a post by ${who}: done.`);
    await expect.poll(async () => (await emu.relations()).bookmarks.includes(first)).toBe(false);
    await aria(page, `Undo: Remove bookmark of a post by ${who}`, 'button').click();
    await expect.poll(() => textOf(page, `${PANEL} .mgr-note-text`)).toBe(`Remove bookmark of a post by ${who}: undone.`);
    await expect.poll(async () => (await emu.relations()).bookmarks.includes(first)).toBe(true);

    await aria(page, 'Activity', 'tab').click();
    await expect
      .poll(() => page.$$eval(`${PANEL} .activity-item`, (items) => items.map((i) => i.querySelector('.activity-state')?.textContent)))
      .toEqual(['Done', 'Done, then undone']);
    expect(await textOf(page, `${PANEL} .activity-item:first-child .activity-label`)).toBe(`Bookmark a post by ${who}`);

    // The cards: a photo with X's alt text (and no pic.x.com link beside it), a display URL, a quote, a reply.
    await aria(page, 'Bookmarks', 'tab').click();
    const x = await cardsOnX(emu);
    const card = async (id: string) => {
      await search(page, wordsOf(x.posts.get(id)!.text));
      const selector = `${PANEL} [role="listitem"]:has(.bookmarks-actions a[href$="/status/${id}"])`;
      await expect.poll(() => page.$$eval(`${PANEL} [role="listitem"]`, (rows) => rows.length)).toBe(1);
      await page.waitForSelector(selector);
      return selector;
    };
    const photo = await card(SEED_POSTS.gracePhoto);
    await expect
      .poll(() => page.$eval(`${photo} img:not(.avatar)`, (img) => [img.getAttribute('alt'), img.naturalWidth]))
      .toEqual([GRACE_PHOTO_ALT, 64]);
    expect(await textOf(page, photo)).not.toMatch(/pic\.x\.com|t\.co\//);

    const withLink = x.posts.get(SEED_POSTS.graceMentionsAda)!;
    const entity = withLink.entities!.urls![0]!;
    const linked = await card(withLink.id);
    expect(await page.$eval(`${linked} .bookmarks-text a`, (a) => [a.textContent, a.getAttribute('href')])).toEqual([
      entity.display_url,
      entity.expanded_url,
    ]);

    const quote = [...x.posts.values()].find((p) => p.referenced_tweets?.some((r) => r.type === 'quoted' && x.tweets.has(r.id)))!;
    const quoted = x.tweets.get(quote.referenced_tweets!.find((r) => r.type === 'quoted')!.id)!;
    const quotedBy = x.users.get(quoted.author_id)!;
    const inset = `${await card(quote.id)} blockquote[aria-label="Quoted post"]`;
    expect(await textOf(page, `${inset} .bookmarks-quote-author`)).toBe(`${quotedBy.name} @${quotedBy.username}`);

    const reply = [...x.posts.values()].find((p) => p.in_reply_to_user_id && p.in_reply_to_user_id !== p.author_id)!;
    const to = x.users.get(reply.in_reply_to_user_id!)!;
    expect(await textOf(page, `${await card(reply.id)} .bookmarks-reply`)).toBe(`Replying to @${to.username}`);
  });
});
