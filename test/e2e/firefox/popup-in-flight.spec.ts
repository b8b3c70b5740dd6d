import type { Page } from 'puppeteer-core';
import { ADA } from '../support/emulator-control';
import { hasButton, popupOn } from '../support/firefox-popup';
import { pictureAndLongText } from '../support/picture-post';
import { expect, setViewportSize, signIn, test } from './fixtures';

const button = (page: Page, name: string) => page.locator(`::-p-aria(${name}[role="button"])`);

/** The note that describes a button (its first `aria-describedby`), its text, and whether it is all in the viewport. */
const noteOf = (page: Page, name: string) =>
  page.evaluate((label) => {
    const b = [...document.querySelectorAll('button')].find((el) => el.textContent?.trim() === label);
    const note = document.getElementById(b?.getAttribute('aria-describedby')?.split(' ')[0] ?? '');
    const box = note?.getBoundingClientRect();
    return {
      busy: b?.getAttribute('aria-busy') ?? null,
      text: note?.textContent ?? null,
      role: note?.getAttribute('role') ?? null,
      inView: !!box && box.height > 0 && box.top >= 0 && box.bottom <= innerHeight,
    };
  }, name);

// "Every button tells the truth": an action on its way is shown as such, on its button and in a note that names it,
// in view in a 600 px popup on a post whose picture and long text fill most of it.
test('Like held by X, in Firefox: the button is busy, its note names Like and is in view, then X answers', async ({ ff, emu }) => {
  await signIn(ff, ff.options);
  const postId = await pictureAndLongText(emu);
  const popup = await popupOn(ff, `https://x.com/${ADA.username}/status/${postId}`);
  await setViewportSize(popup, 360, 600);
  await expect.poll(() => hasButton(popup, 'Like')).toBe(true);
  await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/likes`, count: 1, kind: 'hold' });

  await button(popup, 'Like').click();
  await expect.poll(() => emu.held()).toBe(1);
  await expect.poll(() => noteOf(popup, 'Unlike')).toEqual({ busy: 'true', text: 'Like: Sending to X…', role: 'status', inView: true });

  await emu.release();
  await expect.poll(() => noteOf(popup, 'Unlike')).toMatchObject({ busy: null, text: '' });
  expect((await emu.relations()).likes).toContain(postId);
});

// The same truth in Japanese (Firefox's app locale ja): every word is the one a person reads, from
// lib/locales/ja.yml, written out here so a wrong or missing translation fails.
test.describe('in Japanese', () => {
  test.use({ lang: 'ja' });

  test('いいね held by X, in Firefox: the button is busy, its note names いいね and is in view, then X answers', async ({ ff, emu }) => {
    await signIn(ff, ff.options, 'Authorize app', 'Xでログイン');
    const postId = await pictureAndLongText(emu);
    const popup = await popupOn(ff, `https://x.com/${ADA.username}/status/${postId}`);
    await setViewportSize(popup, 360, 600);
    await expect.poll(() => hasButton(popup, 'いいね')).toBe(true);
    await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/likes`, count: 1, kind: 'hold' });

    await button(popup, 'いいね').click();
    await expect.poll(() => emu.held()).toBe(1);
    await expect
      .poll(() => noteOf(popup, 'いいねを取り消す'))
      .toEqual({ busy: 'true', text: 'いいね: Xに送信中…', role: 'status', inView: true });

    await emu.release();
    await expect.poll(() => noteOf(popup, 'いいねを取り消す')).toMatchObject({ busy: null, text: '' });
    expect((await emu.relations()).likes).toContain(postId);
  });
});
