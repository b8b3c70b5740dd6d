import { GRACE_PHOTO_ALT, SEED_POSTS } from '../../emulator/seed';
import { cardsOnX, wordsOf } from '../support/bookmarks-on-x';
import { FOLDERS_ON_X, list, openManager, search, syncBookmarks } from '../support/bookmarks-tab';
import { expect, signIn, test } from './fixtures';

/** The Bookmarks tab's cards, its layout at 360 px, and the side panel. Sync, search, Undo and export: manager-bookmarks. */

test.describe('the Bookmarks tab in Chromium', () => {
  test.beforeEach(async ({ perch }) => {
    await signIn(perch, await perch.open('options'));
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

    // A wide panel has the room to say it whole: no word of older ones, none of which was ever stored here.
    await panel.setViewportSize({ width: 800, height: 720 });
    await expect(
      panel.getByText('X lets apps read only your 800 newest bookmarks, so Perch stopped there.', { exact: false }),
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
