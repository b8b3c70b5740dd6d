import { readFileSync } from 'node:fs';
import { LONG_POST_WORD, SEED_POSTS } from '../../emulator/seed';
import { openManager } from '../support/bookmarks-tab';
import { openList } from '../support/lists-tab';
import { ADA } from '../support/emulator-control';
import { expect, signIn, test } from './fixtures';

// A post over 280 characters: X's `text` holds only its start; Perch asks for `note_tweet` and keeps, shows, searches
// and exports all of it. LONG_POST_WORD and the link come after character 280 of the seeded post.
const LONG = SEED_POSTS.turingLong;
const TURING = 'alanturing_';
const LINK = 'https://example.com/on-computable-numbers';

test.describe('a post over 280 characters, in Chromium', () => {
  test.beforeEach(async ({ perch }) => {
    await signIn(perch, await perch.open('options'));
  });

  test('a word past character 280 is found by search and is in the CSV, JSON and Markdown exports', async ({ perch, emu }) => {
    const page = await openManager(perch);
    await expect(page.getByText('800 bookmarks', { exact: true })).toBeVisible({ timeout: 30_000 });
    // Perch asked X for the whole text (and X's own `text` does not hold the word).
    const asked = (await emu.log()).find((e) => e.method === 'GET' && e.path === `/2/users/${ADA.id}/bookmarks`);
    expect(asked!.query?.['tweet.fields']?.split(',')).toContain('note_tweet');

    await page.getByRole('searchbox', { name: 'Search bookmarks' }).fill(LONG_POST_WORD.toLowerCase());
    await expect(page.getByText('1 of 800 bookmarks')).toBeVisible();
    const row = page.getByRole('list', { name: 'Bookmarks' }).getByRole('listitem');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(`the ${LONG_POST_WORD}. There is none.`);
    await expect(row.getByRole('link', { name: 'example.com/on-computable…' })).toHaveAttribute('href', LINK);
    await expect(row.getByRole('link', { name: 'Open on X' })).toHaveAttribute('href', `https://x.com/${TURING}/status/${LONG}`);

    const save = async (name: string): Promise<string> => {
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export', exact: true }).click();
      await page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name }).click();
      return readFileSync(await (await download).path(), 'utf8');
    };
    const json = JSON.parse(await save('Export JSON')) as { count: number; bookmarks: { id: string; text: string; links: string[] }[] };
    expect(json.count).toBe(1);
    expect(json.bookmarks[0]!.id).toBe(LONG);
    expect(json.bookmarks[0]!.text).toContain(`the ${LONG_POST_WORD}. There is none. Notes for @gracehop: ${LINK}`);
    expect(json.bookmarks[0]!.links).toEqual([LINK]);
    const csv = await save('Export CSV');
    const line = csv.split('\r\n').find((l) => l.startsWith(`"${LONG}",`));
    expect(line).toContain(LONG_POST_WORD);
    expect(line).toContain(LINK);
    const md = await save('Export Markdown');
    expect(md).toContain(`the ${LONG_POST_WORD}. There is none.`);
    expect(md).toContain(`(${LINK})`);
  });

  test('the popup card and a List’s posts show the whole post', async ({ perch }) => {
    const popup = await perch.context.newPage();
    await popup.goto(`chrome-extension://${perch.id}/popup.html?url=${encodeURIComponent(`https://x.com/${TURING}/status/${LONG}`)}`);
    await popup.getByRole('button', { name: 'Show this post' }).click();
    const card = popup.getByRole('region', { name: 'This post' });
    await expect(card).toContainText(`@${TURING}`);
    await expect(card).toContainText(`the ${LONG_POST_WORD}. There is none.`);

    const page = await openList(perch, 'Compiler folks 🛠️');
    await page.getByRole('button', { name: 'Show latest posts of Compiler folks 🛠️' }).click();
    const posts = page.getByRole('list', { name: 'Latest posts of Compiler folks 🛠️' });
    await expect(posts.getByRole('article', { name: `Post by @${TURING}` }).filter({ hasText: LONG_POST_WORD })).toContainText(LINK);
  });
});
