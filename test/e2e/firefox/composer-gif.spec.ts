import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle } from 'puppeteer-core';
import { expect, signIn, test, textOf } from './fixtures';

/** A real 1x1 GIF89a, as a file the file input can take. */
function gifFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'perch-gif-')), 'wave.gif');
  writeFileSync(path, Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'));
  return path;
}

test.describe('a GIF in the composer, in Firefox', () => {
  test('goes to X through the chunked upload with tweet_gif, never the one-request upload, and is posted', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    const popup = await ff.open('popup');
    await popup.locator('::-p-aria(Post text[role="textbox"])').wait();
    await popup.$eval('textarea', (el) => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(el, 'A GIF from Perch in Firefox');
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    // BiDi has no file chooser: the file goes into the input the "Add image" button opens.
    const input = (await popup.$('input[type="file"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(gifFile());
    await popup.locator('::-p-aria(Remove image wave.gif[role="button"])').wait();
    await emu.clearLog();

    await popup.locator('::-p-aria(Post[role="button"])').click();
    await expect.poll(() => textOf(popup, '.published')).toContain('Your post is on X.');

    const calls = (await emu.log()).map((e) => `${e.method} ${e.path.replace(/\d{5,}/, ':id')} ${e.status}`);
    expect(calls).toEqual([
      'POST /2/media/upload/initialize 200',
      'POST /2/media/upload/:id/append 200',
      'POST /2/media/upload/:id/finalize 200',
      'GET /2/media/upload 200',
      'POST /2/tweets 201',
    ]);
  });
});
