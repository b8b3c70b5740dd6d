import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ElementHandle, Page } from 'puppeteer-core';
import { expect, signIn, test, textOf } from './fixtures';

/** The real 2-second MP4 (VP9, 64x64) of test/e2e/fixtures/video. */
const CLIP = fileURLToPath(new URL('../fixtures/video/clip.mp4', import.meta.url));

/** A real 1x1 PNG, as a file the file input can take. */
function pngFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'perch-png-')), 'photo.png');
  writeFileSync(
    path,
    Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'),
  );
  return path;
}

/** BiDi has no file chooser: the file goes into the input the "Add video" (or "Add image") button opens. */
async function choose(popup: Page, accept: 'video' | 'image', path: string): Promise<void> {
  const input = (await popup.$(`input[type="file"][accept^="${accept}/"]`)) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(path);
}

test.describe('a video in the composer, in Firefox', () => {
  test('shows its length, goes to X with tweet_video while the person sees the progress, and is posted', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    const popup = await ff.open('popup');
    await popup.locator('::-p-aria(Post text[role="textbox"])').wait();
    await popup.$eval('textarea', (el) => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(el, 'A video from Perch in Firefox');
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await choose(popup, 'video', CLIP);
    await popup.locator('::-p-aria(Remove video clip.mp4[role="button"])').wait();
    await expect.poll(() => textOf(popup, '.media-length')).toBe('Video, 0:02');
    await emu.clearLog();

    await popup.locator('::-p-aria(Post[role="button"])').click();
    // The percentage is seen; a screen reader hears the phase once, not every percent.
    await expect.poll(() => textOf(popup, '.upload-progress .muted')).toMatch(/^X is processing clip\.mp4… \d+%$/);
    await expect.poll(() => textOf(popup, '.upload-progress [role="status"]')).toBe('X is processing clip.mp4…');
    await expect.poll(() => textOf(popup, '.published'), { timeout: 15_000 }).toContain('Your post is on X.');

    const calls = (await emu.log()).map((e) => `${e.method} ${e.path.replace(/\d{5,}/, ':id')} ${e.status}`);
    expect(calls.filter((c) => c !== 'GET /2/media/upload 200')).toEqual([
      'POST /2/media/upload/initialize 200',
      'POST /2/media/upload/:id/append 200',
      'POST /2/media/upload/:id/finalize 200',
      'POST /2/tweets 201',
    ]);
    expect(calls.filter((c) => c === 'GET /2/media/upload 200').length).toBeGreaterThanOrEqual(2);
  });

  test('refuses a video beside an image, saying why', async ({ ff }) => {
    await signIn(ff, ff.options);
    const popup = await ff.open('popup');
    await popup.locator('::-p-aria(Post text[role="textbox"])').wait();
    await choose(popup, 'image', pngFile());
    await popup.locator('::-p-aria(Remove image photo.png[role="button"])').wait();
    await choose(popup, 'video', CLIP);
    await expect
      .poll(() => textOf(popup, '[role="alert"]'))
      .toBe('clip.mp4 was not added: a video goes in a post on its own (X takes up to 4 images, or 1 GIF, or 1 video).');
    expect(await popup.$('::-p-aria(Remove video clip.mp4[role="button"])')).toBeNull();
  });
});
