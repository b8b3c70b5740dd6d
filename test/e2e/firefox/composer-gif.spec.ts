import type { ElementHandle } from 'puppeteer-core';
import { typeInto } from '../support/firefox-input';
import { expectGifPosted, fileOf, GIF } from '../support/media';
import { expect, signIn, test, textOf } from './fixtures';

test.describe('a GIF in the composer, in Firefox', () => {
  test('goes to X through the chunked upload with tweet_gif, never the one-request upload, and is posted', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    const popup = await ff.open('popup');
    await popup.locator('::-p-aria(Post text[role="textbox"])').wait();
    await typeInto(popup, 'A GIF from Perch in Firefox');
    // BiDi has no file chooser: the file goes into the input the "Add image" button opens.
    const input = (await popup.$('input[type="file"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(fileOf('wave.gif', GIF));
    await popup.locator('::-p-aria(Remove image wave.gif[role="button"])').wait();
    await emu.clearLog();

    await popup.locator('::-p-aria(Post[role="button"])').click();
    await expect.poll(() => textOf(popup, '.published')).toContain('Your post is on X.');

    await expectGifPosted(emu);
  });
});
