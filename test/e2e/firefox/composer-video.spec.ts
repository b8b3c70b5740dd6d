import { attachVideoInFirefox, CLIP_PATH as CLIP, chooseInFirefox as choose, expectVideoPosted, fileOf, PNG } from '../support/media';
import { expect, signIn, test, textOf } from './fixtures';

test.describe('a video in the composer, in Firefox', () => {
  test('shows its length, goes to X with tweet_video while the person sees the progress, and is posted', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    const popup = await ff.open('popup');
    await attachVideoInFirefox(popup, 'A video from Perch in Firefox');
    await emu.clearLog();

    await popup.locator('::-p-aria(Post[role="button"])').click();
    // The percentage is seen; a screen reader hears the phase once, not every percent.
    await expect.poll(() => textOf(popup, '.upload-progress .muted')).toMatch(/^X is processing clip\.mp4… \d+%$/);
    await expect.poll(() => textOf(popup, '.upload-progress [role="status"]')).toBe('X is processing clip.mp4…');
    await expect.poll(() => textOf(popup, '.published'), { timeout: 15_000 }).toContain('Your post is on X.');

    await expectVideoPosted(emu);
  });

  test('refuses a video beside an image, saying why', async ({ ff }) => {
    await signIn(ff, ff.options);
    const popup = await ff.open('popup');
    await popup.locator('::-p-aria(Post text[role="textbox"])').wait();
    await choose(popup, 'image', fileOf('photo.png', PNG));
    await popup.locator('::-p-aria(Remove image photo.png[role="button"])').wait();
    await choose(popup, 'video', CLIP);
    await expect
      .poll(() => textOf(popup, '[role="alert"]:not(:empty)'))
      .toBe('\u2068clip.mp4\u2069 was not added: a video goes in a post on its own (X takes up to 4 images, or 1 GIF, or 1 video).');
    expect(await popup.$('::-p-aria(Remove video clip.mp4[role="button"])')).toBeNull();
  });
});
