import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SEED_POSTS } from '../../emulator/seed';
import { ADA } from '../support/emulator-control';
import { ROOT } from '../support/paths';
import { expect, popupOn, signIn, test } from './fixtures';

/**
 * Perch's own words read whole at 360 px, the popup's width and a side panel's: a Japanese note in the popup never
 * ends on a lone kana and its 「。」 (「…指定してくださ」 / 「い。」), a note in the side panel or a step, a label or a price
 * in the settings never breaks inside a word (「各ア」 / 「カウント」, 「公開クラ」 / 「イアント」), and the Bookmarks search
 * box shows its whole hint and its running sync's line reads whole, in English and in Japanese.
 */

const WIDTH = 360;

/** Perch's own paragraphs in the popup or the settings (not X's words: a post, a List's name, the page's address)
 * whose last line is one letter and its punctuation, or two characters, as "last line ← paragraph". */
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
    // One kana with its 「。」 or 「）。」 after it, or any two characters.
    if (last.length <= 2 || last.filter((c) => !/\p{P}/u.test(c)).length <= 1)
      out.push(`${last.join('')} ← ${p.textContent.slice(0, 30)}…`);
  }
  return out;
}

/** Katakana words cut over two lines in Perch's own words (`selector`: its paragraphs, list items, labels; not X's
 * words: a post, a quote, alt text, a List's name or description, a name in a <bdi>; nor the person's own: a draft, a
 * bookmark's note, a tag), as "before / after". */
function splitKatakana(selector: string): string[] {
  const notOurs =
    '.post-card, .parent-text, .list-card-name, .popup-gate-url, .bookmarks-text, .bookmarks-quote, .bookmarks-note, .bookmarks-alt-text, .bookmarks-manage-name, .mgr-list-name, .mgr-list-description, .mgr-post-text, .drafts-text, bdi';
  const ours = [...document.querySelectorAll(selector)].filter((e) => !e.closest(notOurs) && e.textContent?.trim());
  const out: string[] = [];
  for (const element of ours) {
    const chars: { top: number; text: string }[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement?.closest(notOurs)) continue;
      const text = n.textContent ?? '';
      for (let i = 0; i < text.length; i++) {
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + 1);
        const box = [...range.getClientRects()].find((r) => r.width > 0);
        if (box && text[i]!.trim()) chars.push({ top: Math.round(box.top), text: text[i]! });
      }
    }
    const joined = chars.map((c) => c.text).join('');
    // A run of katakana (and its long-vowel mark 「ー」) is one word: 「アカウント」, 「デベロッパー」.
    for (const m of joined.matchAll(/[\p{Script=Katakana}\u30FC]{2,}/gu)) {
      const word = chars.slice(m.index, m.index + m[0].length);
      const cut = word.findIndex((c) => c.top !== word[0]!.top);
      if (cut > 0) out.push(`${m[0].slice(0, cut)} / ${m[0].slice(cut)}`);
    }
  }
  return out;
}

/** How many lines the words of `element` from `from` to its end take: 1 when the phrase is kept on one line. */
function linesFrom(element: Element, from: string): number {
  const tops: number[] = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent ?? '';
    for (let i = 0; i < text.length; i++) {
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + 1);
      const box = [...range.getClientRects()].find((r) => r.width > 0);
      tops.push(box && text[i]!.trim() ? Math.round(box.top) : NaN);
    }
  }
  const at = (element.textContent ?? '').lastIndexOf(from);
  return new Set(tops.slice(at).filter((t) => !Number.isNaN(t))).size;
}

/** The search box's hint against the room inside it: the hint's width in the box's font, and the box's text width. */
function hintRoom(label: string): { hint: string; needs: number; room: number } | undefined {
  const box = [...document.querySelectorAll<HTMLInputElement>('input')].find((i) => i.labels?.[0]?.textContent === label);
  if (!box) return undefined;
  const style = getComputedStyle(box);
  const context = document.createElement('canvas').getContext('2d')!;
  context.font = style.font;
  const room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return { hint: box.placeholder, needs: Math.ceil(context.measureText(box.placeholder).width), room: Math.floor(room) };
}

for (const { lang, search, folder, hint, syncing, muted } of [
  {
    lang: undefined,
    search: 'Search bookmarks',
    folder: 'Folder',
    hint: /@name.*tag:/,
    syncing: /^Syncing with X… page 1, 100 bookmarks so far\.$/,
    muted: { tab: 'Muted', search: 'Search muted accounts', export: /^Export/, hint: /@username/ },
  },
  {
    lang: 'ja',
    search: 'ブックマークを検索',
    folder: 'フォルダー',
    hint: /ユーザー名.*tag:/,
    syncing: /^Xと同期中… これまでに1ページ、100件のブックマーク。$/,
    muted: { tab: 'ミュート', search: 'ミュートしているアカウントを検索', export: /^エクスポート/, hint: /@ユーザー名/ },
  },
]) {
  test.describe(`the side panel, in ${lang === 'ja' ? 'Japanese' : 'English'}`, () => {
    test.use({ lang });

    test('the side panel’s Bookmarks search box shows its whole hint once X’s folders are in', async ({ perch }) => {
      const options = await perch.open('options');
      await signIn(perch, options, 'Authorize app', lang === 'ja' ? 'Xでログイン' : 'Sign in with X');
      const panel = await perch.open('sidepanel');
      await panel.setViewportSize({ width: WIDTH, height: 720 });
      await expect(panel.getByRole('searchbox', { name: search })).toBeVisible();
      // Once X's folders are read, the folder picker joins Export beside or under the search box.
      await expect(panel.getByRole('combobox', { name: folder })).toBeVisible();
      // 360 px, and Chrome's side panel at its narrowest at 100% zoom (320 px).
      for (const width of [WIDTH, 320]) {
        await panel.setViewportSize({ width, height: 720 });
        const room = (await panel.evaluate(hintRoom, search))!;
        expect(room.hint).toMatch(hint);
        expect(room.needs, `「${room.hint}」 in ${room.room} px at ${width} px`).toBeLessThanOrEqual(room.room);
      }
    });

    test('the side panel’s Bookmarks sync line reads whole under its button while X sends its pages', async ({ perch, emu }) => {
      // X answers the first page of bookmarks and holds the second: the line says how far the sync has come.
      await emu.fault({ method: 'GET', path: `/2/users/${ADA.id}/bookmarks`, count: 2, kind: 'hold' });
      const options = await perch.open('options');
      await signIn(perch, options, 'Authorize app', lang === 'ja' ? 'Xでログイン' : 'Sign in with X');
      const panel = await perch.open('sidepanel');
      await panel.setViewportSize({ width: WIDTH, height: 720 });
      await expect.poll(() => emu.held()).toBe(1);
      await emu.release();
      const line = panel.getByRole('status').filter({ hasText: syncing });
      await expect(line).toHaveText(syncing);
      await expect.poll(() => emu.held()).toBe(1);
      const words = (await line.textContent())!;
      // Squeezed between Sync now and the count it took 6 or 7 lines at 320 and 360 px and broke 「ブックマー」 / 「ク。」.
      const squeezed: string[] = [];
      for (let width = 320; width <= 480; width += 8) {
        await panel.setViewportSize({ width, height: 720 });
        const lines = await line.evaluate(linesFrom, words);
        const split = await panel.evaluate(splitKatakana, '.bookmarks-meta [role="status"]');
        if (lines > 2 || split.length) squeezed.push(`${width} px: ${lines} lines${split.map((s) => `, ${s}`).join('')}`);
      }
      expect(squeezed, 'widths at which the line takes more than two lines or breaks inside a word').toEqual([]);
      await emu.release();
    });

    test('the side panel’s Muted search box shows its whole hint', async ({ perch }) => {
      const options = await perch.open('options');
      await signIn(perch, options, 'Authorize app', lang === 'ja' ? 'Xでログイン' : 'Sign in with X');
      const panel = await perch.open('sidepanel');
      await panel.setViewportSize({ width: WIDTH, height: 720 });
      await panel.getByRole('tab', { name: muted.tab }).click();
      await expect(panel.getByRole('searchbox', { name: muted.search })).toBeVisible();
      // Once the muted accounts are in, Export joins the search box on its row.
      await expect(panel.getByRole('button', { name: muted.export })).toBeVisible();
      // At 320 px the search box shares its row with Export: 「名前・@ユーザー名で検索」 lost its 「検索」.
      for (const width of [WIDTH, 320]) {
        await panel.setViewportSize({ width, height: 720 });
        const room = (await panel.evaluate(hintRoom, muted.search))!;
        expect(room.hint).toMatch(muted.hint);
        expect(room.needs, `「${room.hint}」 in ${room.room} px at ${width} px`).toBeLessThanOrEqual(room.room);
      }
    });
  });
}

test.describe(`the popup, the settings and the side panel at ${WIDTH} px, in Japanese`, () => {
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

  test('no paragraph of the settings ends on a line of one kana and its 「）。」', async ({ perch }) => {
    const options = await perch.open('options');
    await options.setViewportSize({ width: WIDTH, height: 900 });
    await signIn(perch, options, 'Authorize app', 'Xでログイン');
    // The app check's paragraph: at 360 px it ended 「…課金対象の読み取」 / 「り）。」.
    await expect(options.getByText(/^使用中のアカウントについて/)).toBeVisible();
    expect(await options.evaluate(loneLastLines)).toEqual([]);
  });

  test('no note of the side panel breaks inside a word', async ({ perch }) => {
    const options = await perch.open('options');
    await signIn(perch, options, 'Authorize app', 'Xでログイン');
    const panel = await perch.open('sidepanel');
    await panel.setViewportSize({ width: WIDTH, height: 900 });
    await panel.getByRole('tab', { name: 'ブロック' }).click();
    // The Blocked tab's note: at 360 px it broke 「各ア」 / 「カウント」.
    await expect(panel.getByText(/^Xでは、アプリからのブロック/)).toBeVisible();
    expect(await panel.evaluate(splitKatakana, 'main p')).toEqual([]);
  });

  test('no list item, label or heading of the settings breaks inside a word', async ({ perch }) => {
    const options = await perch.open('options');
    await signIn(perch, options, 'Authorize app', 'Xでログイン');
    // 360 px, and 320 px: the settings open in a tab, which a person may make as narrow as a side panel.
    for (const width of [WIDTH, 320]) {
      await options.setViewportSize({ width, height: 900 });
      // The steps to make an X app: at 360 px the first broke 「（公開クラ」 / 「イアント: シークレットなし）」.
      await expect(options.getByRole('listitem').filter({ hasText: /^Xデベロッパーコンソールを開き/ })).toBeVisible();
      expect(await options.evaluate(splitKatakana, 'main :is(li, label, h1, h2, h3, h4, th, td, caption)'), `at ${width} px`).toEqual([]);
    }
  });

  test('a running sync’s line never leaves its count alone on the next line', async ({ perch, emu }) => {
    const options = await perch.open('options');
    await signIn(perch, options, 'Authorize app', 'Xでログイン');
    // X has not yet answered the first page of blocked accounts: the line says the sync runs, with nothing read.
    await emu.fault({ method: 'GET', path: `/2/users/${ADA.id}/blocking`, count: 1, kind: 'hold' });
    const panel = await perch.open('sidepanel');
    await panel.setViewportSize({ width: 320, height: 720 });
    await panel.getByRole('tab', { name: 'ブロック' }).click();
    const line = panel.getByRole('status').filter({ hasText: '同期中…' });
    await expect(line).toHaveText('ブロックしているアカウントをXと同期中… これまでに0件。');
    // Every side panel width from Chrome's narrowest to a wide one: it once broke 「これまでに」 / 「0。」.
    const split: number[] = [];
    for (let width = 320; width <= 480; width += 4) {
      await panel.setViewportSize({ width, height: 720 });
      if ((await line.evaluate(linesFrom, 'これまでに')) > 1) split.push(width);
    }
    expect(split, 'widths at which 「これまでに0件。」 takes two lines').toEqual([]);
    await emu.release();
  });
});

/** The popup's way-in row's controls: the words on each, the middle of its box's height and its right edge. */
function navRow(): { words: string; middle: number; right: number }[] {
  const nav = document.querySelector('nav.popup-nav');
  return [...(nav?.querySelectorAll('a, button') ?? [])].map((el) => {
    const r = el.getBoundingClientRect();
    return { words: el.textContent?.trim() ?? '', middle: Math.round(r.top + r.height / 2), right: Math.round(r.right) };
  });
}

/** The drafts link's words for a count, in a locale's own form (lib/locales/*.yml `popup_open_drafts_count`). */
function draftsCount(lang: 'en' | 'ja', count: number): string {
  const yml = readFileSync(path.join(ROOT, `lib/locales/${lang}.yml`), 'utf8');
  const form = /^popup_open_drafts_count: '?(.+?)'?$/m.exec(yml)![1]!;
  return form.replace('$1', String(count));
}

for (const lang of ['en', 'ja'] as const) {
  test.describe(`the popup's ways in at ${WIDTH} px, in ${lang === 'ja' ? 'Japanese' : 'English'}`, () => {
    test.use({ lang: lang === 'ja' ? 'ja' : undefined });

    test('New post, Bookmarks, Lists and Drafts with a count of up to 999 share one line', async ({ perch }) => {
      const options = await perch.open('options');
      await signIn(perch, options, 'Authorize app', lang === 'ja' ? 'Xでログイン' : 'Sign in with X');
      const popup = await perch.open('popup');
      await popup.setViewportSize({ width: WIDTH, height: 600 });
      const nav = popup.getByRole('navigation', { name: 'Perch' });
      await expect(nav.getByRole('link')).toHaveCount(3);
      // In Japanese 「下書き（1）」 went alone onto a second line. The drafts link is given the words it shows for 1, 10
      // and 999 drafts (the locale's own form), as a person with that many drafts meets it.
      const wrapped: string[] = [];
      for (const count of [1, 10, 999]) {
        await nav
          .getByRole('link')
          .last()
          .evaluate((a, words) => void (a.textContent = words), draftsCount(lang, count));
        const row = await popup.evaluate(navRow);
        expect(row.map((c) => c.words).at(-1)).toBe(draftsCount(lang, count));
        const middles = row.map((c) => c.middle);
        if (Math.max(...middles) - Math.min(...middles) > 2 || row.some((c) => c.right > WIDTH))
          wrapped.push(row.map((c) => `${c.words} at ${c.middle}, ends ${c.right}`).join(' · '));
      }
      expect(wrapped, 'rows in which a way in went onto a second line').toEqual([]);
    });
  });
}
