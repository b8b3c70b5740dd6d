import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { solidPng } from '../../emulator/media';
import { scanFirefox } from '../support/axe-firefox';
import { typeInto } from '../support/firefox-input';
import { expect, signIn, test, textOf } from './fixtures';

/** A file the file input can take. */
function fileOf(name: string, bytes: Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'perch-alt-')), name);
  writeFileSync(path, bytes);
  return path;
}

const PNG = solidPng(8, 8);
/** A real 1x1 GIF89a. */
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

async function attach(page: Page, name: string, bytes: Buffer): Promise<void> {
  // BiDi has no file chooser: the file goes into the input the "Add image" button opens.
  const input = (await page.$('input[type="file"]')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(fileOf(name, bytes));
}

test.describe('image descriptions (alt text) in the composer, in Firefox', () => {
  test('an image described in the composer reaches X with its description, sent before the post', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    const popup = await ff.open('popup');
    await popup.locator('::-p-aria(Post text[role="textbox"])').wait();
    await typeInto(popup, 'A robin, described in Firefox');
    await attach(popup, 'robin.png', PNG);

    await popup.locator('::-p-aria(Add description \\(robin.png\\)[role="button"])').click();
    await popup.locator('::-p-aria(Description of robin.png[role="textbox"])').wait();
    expect(await popup.evaluate(() => document.activeElement?.closest('.media-alt') !== null)).toBe(true);
    expect(await popup.$eval('button.primary', (b) => b.disabled)).toBe(true);
    await scanFirefox(popup, 'composer, an image with its description box');

    await typeInto(popup, 'A robin on a fence post 🐦', '.media-alt textarea');
    await expect.poll(() => textOf(popup, '.media-alt-count')).toBe('25 / 1,000');
    await emu.clearLog();
    await popup.locator('::-p-aria(Post[role="button"])').click();
    await expect.poll(() => textOf(popup, '.published')).toContain('Your post is on X.');

    const calls = (await emu.log()).map((e) => `${e.method} ${e.path} ${e.status}`);
    expect(calls).toEqual(['POST /2/media/upload 200', 'POST /2/media/metadata 200', 'POST /2/tweets 201']);
    const href = await popup.$eval('.published a[href*="/status/"]', (a) => a.href);
    const post = await emu.readAsSignedIn(`/2/tweets/${href.split('/').pop()}?expansions=attachments.media_keys&media.fields=alt_text`);
    expect(post).toMatchObject({ includes: { media: [{ type: 'photo', alt_text: 'A robin on a fence post 🐦' }] } });
  });

  test('X’s media rule: a GIF is refused beside an image before anything is stored or uploaded', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    const popup = await ff.open('popup');
    await popup.locator('::-p-aria(Post text[role="textbox"])').wait();
    await attach(popup, 'robin.png', PNG);
    await popup.locator('::-p-aria(Remove image robin.png[role="button"])').wait();
    // The preview is a blob: URL (Composer's URL.createObjectURL): the pages' CSP img-src must let it load.
    await expect
      .poll(() => popup.$eval('.media-item img', (img) => img.complete && img.naturalWidth > 0 && img.src.startsWith('blob:')))
      .toBe(true);
    await emu.clearLog();

    await attach(popup, 'wave.gif', GIF);
    await expect
      .poll(() => textOf(popup, '.composer .error'))
      .toBe('\u2068wave.gif\u2069 was not added: a GIF goes in a post on its own (X takes up to 4 images, or 1 GIF, or 1 video).');
    expect(await popup.$$eval('.media-item', (items) => items.length)).toBe(1);
    expect(await emu.log()).toEqual([]);
  });
});
