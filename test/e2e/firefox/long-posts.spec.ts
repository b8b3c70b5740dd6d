import { LONG_POST_WORD, SEED_POSTS } from '../../emulator/seed';
import { popupOn } from '../support/firefox-popup';
import { expect, signIn, test, textOf } from './fixtures';

// A post over 280 characters: X's `text` holds only its start; Perch asks for `note_tweet` and keeps, shows and
// searches all of it. LONG_POST_WORD comes after character 280 of the seeded post.
const LONG = SEED_POSTS.turingLong;
const TURING = 'alanturing_';
const PANEL = '[role="tabpanel"]:not([hidden])';

test.describe('a post over 280 characters, in Firefox', () => {
  test('a word past character 280 is found by search, and the popup card shows the whole post', async ({ ff }) => {
    await signIn(ff, ff.options);
    const page = await ff.open('manager');
    const count = () => textOf(page, `${PANEL} .bookmarks-count`);
    await expect.poll(count, { timeout: 30_000 }).toBe('800 bookmarks');
    await page.locator('::-p-aria(Search bookmarks[role="searchbox"])').fill(LONG_POST_WORD.toLowerCase());
    await expect.poll(count).toBe('1 of 800 bookmarks');
    expect(await textOf(page, `${PANEL} [role="listitem"] .bookmarks-text`)).toContain(`the ${LONG_POST_WORD}. There is none.`);
    const open = await page.$eval(`${PANEL} [role="listitem"] a[href*="/status/"]`, (a) => a.getAttribute('href'));
    expect(open).toBe(`https://x.com/${TURING}/status/${LONG}`);

    const popup = await popupOn(ff, `https://x.com/${TURING}/status/${LONG}`);
    await expect.poll(() => textOf(popup, '.post-card')).toContain(`@${TURING}`);
    expect(await textOf(popup, '.post-card .post-text')).toContain(`the ${LONG_POST_WORD}. There is none.`);
  });
});
