import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { ADA } from '../support/emulator-control';
import { pictureAndLongText } from '../support/picture-post';
import { expect, popupOn, signIn, test } from './fixtures';

/** Where the screenshots of this spec go, when asked for (`PERCH_SHOTS=<dir>`): to look at, not to compare. */
const SHOTS = process.env.PERCH_SHOTS;

async function shot(popup: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await popup.screenshot({ path: `${SHOTS}/${name}.png` });
}

// "Every button tells the truth": an action on its way is shown as such, on its button and in a note that names it,
// where the person looks — in a 600 px popup, on a post whose picture and text fill most of it.
test.describe('an action on its way, in the popup (Chromium)', () => {
  test.beforeEach(async ({ perch }) => {
    await signIn(perch, await perch.open('options'));
  });

  test('Like held by X: the button is busy, its note names Like and is in view, then X answers', async ({ perch, emu }) => {
    const postId = await pictureAndLongText(emu);
    const popup = await popupOn(perch, `https://x.com/${ADA.username}/status/${postId}`, { viewport: { width: 360, height: 600 } });
    await expect(popup.getByRole('button', { name: 'Like', exact: true })).toBeVisible();
    await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/likes`, count: 1, kind: 'hold' });

    await popup.getByRole('button', { name: 'Like', exact: true }).click();
    await expect.poll(() => emu.held()).toBe(1);
    await shot(popup, 'like-held-600');
    // The label is the one people know (Unlike, once liked); the button says it is still on its way.
    const button = popup.getByRole('button', { name: 'Unlike', exact: true });
    await expect(button).toHaveAttribute('aria-busy', 'true');
    await expect(button).toHaveAccessibleDescription('Like: Sending to X…');
    const note = popup.getByRole('status').filter({ hasText: /^Like: Sending to X…$/ });
    await expect(note).toBeInViewport({ ratio: 1 });

    await emu.release();
    await expect(button).not.toHaveAttribute('aria-busy', 'true');
    await expect(popup.getByText('Like: Sending to X…')).toHaveCount(0);
    expect((await emu.relations()).likes).toContain(postId);
    await shot(popup, 'like-done-600');
  });

  test('Mute waiting for X’s limit on a profile: the note names Mute and is in view', async ({ perch, emu }) => {
    const popup = await popupOn(perch, 'https://x.com/gracehop', { viewport: { width: 360, height: 600 } });
    await expect(popup.getByRole('button', { name: 'Mute', exact: true })).toBeVisible();
    await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/muting`, count: 1, kind: 'rate_limit' });
    await popup.getByRole('button', { name: 'Mute', exact: true }).click();
    const note = popup
      .getByRole('status')
      .filter({ hasText: /^Mute: Queued until (?:[A-Z][a-z]+ \d+, )?\d?\d:\d\d \(X’s limit is used up\)\.$/ });
    await expect(note).toBeInViewport({ ratio: 1 });
    const button = popup.getByRole('button', { name: 'Unmute', exact: true });
    await expect(button).toHaveAttribute('aria-busy', 'true');
    await expect(button).toHaveAccessibleDescription(/^Mute: Queued until/);
  });
});

// The same truth in Japanese (Chromium's UI language ja): every word is the one a person reads, from
// lib/locales/ja.yml, written out here so a wrong or missing translation fails.
test.describe('an action on its way, in the popup, in Japanese (Chromium)', () => {
  test.use({ lang: 'ja' });

  test.beforeEach(async ({ perch }) => {
    await signIn(perch, await perch.open('options'), 'Authorize app', 'Xでログイン');
  });

  test('いいね held by X: the button is busy, its note names いいね and is in view, then X answers', async ({ perch, emu }) => {
    const postId = await pictureAndLongText(emu);
    const popup = await popupOn(perch, `https://x.com/${ADA.username}/status/${postId}`, { viewport: { width: 360, height: 600 } });
    await expect(popup.getByRole('region', { name: 'このポスト' })).toBeVisible();
    await expect(popup.getByRole('button', { name: 'いいね', exact: true })).toBeVisible();
    await emu.fault({ method: 'POST', path: `/2/users/${ADA.id}/likes`, count: 1, kind: 'hold' });

    await popup.getByRole('button', { name: 'いいね', exact: true }).click();
    await expect.poll(() => emu.held()).toBe(1);
    await shot(popup, 'like-held-600-ja');
    const button = popup.getByRole('button', { name: 'いいねを取り消す', exact: true });
    await expect(button).toHaveAttribute('aria-busy', 'true');
    await expect(button).toHaveAccessibleDescription('いいね: Xに送信中…');
    const note = popup.getByRole('status').filter({ hasText: /^いいね: Xに送信中…$/ });
    await expect(note).toBeInViewport({ ratio: 1 });

    await emu.release();
    await expect(button).not.toHaveAttribute('aria-busy', 'true');
    await expect(popup.getByText('いいね: Xに送信中…')).toHaveCount(0);
    expect((await emu.relations()).likes).toContain(postId);
  });
});
