import { SEED_POSTS } from '../../emulator/seed';
import { expect, popupOn, signIn, test } from './fixtures';

/**
 * Perch's own words read whole at 360 px, the popup's width and a side panel's: a Japanese note in the popup never
 * ends on a lone kana and its 「。」 (「…指定してくださ」 / 「い。」).
 */

const WIDTH = 360;

/** Perch's own paragraphs in the popup (not X's words: a post, a List's name, the page's address) whose last line is
 * one or two characters, as "last line ← paragraph". */
function loneLastLines(): string[] {
  const ours = [...document.querySelectorAll('main p')].filter(
    (p) => !p.closest('.post-card, .parent-text, .list-card-name, .popup-gate-url') && p.textContent?.trim(),
  );
  const out: string[] = [];
  for (const p of ours) {
    const chars: { top: number; text: string }[] = [];
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent ?? '';
      for (let i = 0; i < text.length; i++) {
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + 1);
        const box = [...range.getClientRects()].find((r) => r.width > 0);
        if (box && text[i]!.trim()) chars.push({ top: Math.round(box.top), text: text[i]! });
      }
    }
    const tops = [...new Set(chars.map((c) => c.top))];
    if (tops.length < 2) continue;
    const last = chars.filter((c) => c.top === tops.at(-1)).map((c) => c.text);
    if (last.length <= 2) out.push(`${last.join('')} ← ${p.textContent.slice(0, 30)}…`);
  }
  return out;
}

test.describe(`the popup at ${WIDTH} px, in Japanese`, () => {
  test.use({ lang: 'ja' });

  test('no note ends on a line of one kana and its 「。」', async ({ perch }) => {
    const options = await perch.open('options');
    await signIn(perch, options, 'Authorize app', 'Xでログイン');
    const popup = await popupOn(perch, `https://x.com/gracehop/status/${SEED_POSTS.gracePhoto}`, {
      show: 'このポストを表示',
      viewport: { width: WIDTH, height: 900 },
    });
    // The pay-per-use plan's note: six lines at 360 px, the one that ended on 「い。」.
    await expect(popup.getByText(/^Xでは、アプリが返信できるのは/)).toBeVisible();
    expect(await popup.evaluate(loneLastLines)).toEqual([]);
  });
});
