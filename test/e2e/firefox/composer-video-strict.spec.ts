import { attachVideoInFirefox, expectVideoPosted } from '../support/media';
import { expect, signIn, test, textOf } from './fixtures';

/**
 * A strict X (bare answers) says a video `failed` with nothing more: the description's ProcessingInfo
 * (getMediaUploadStatus) has no `error`, so Perch has no reason to quote.
 */
test.describe('a video X cannot process, from a strict X, in Firefox', () => {
  test('says the post was not sent and what is kept, keeps the draft and video, and posts them once X can', async ({ ff, emu }) => {
    await emu.config({ video_processing_error: 'The video codec is not supported.', bare_answers: true });
    await signIn(ff, ff.options);
    const popup = await ff.open('popup');
    await attachVideoInFirefox(popup, 'This one fails first in Firefox');
    await emu.clearLog();

    await popup.locator('::-p-aria(Post[role="button"])').click();
    await expect
      .poll(() => textOf(popup, '[role="alert"]:not(:empty)'), { timeout: 15_000 })
      .toBe(
        'X could not process “\u2068clip.mp4\u2069” and gave no reason, so it was not posted. Your draft is kept as it was, ' +
          'with the file: post again to try once more, or remove the file.',
      );
    expect(await popup.$eval('textarea', (t) => t.value)).toBe('This one fails first in Firefox');
    expect(await popup.$('::-p-aria(Remove video clip.mp4[role="button"])')).not.toBeNull();
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Post');
    expect((await emu.log()).some((e) => e.path === '/2/tweets')).toBe(false);

    await emu.config({ video_processing_error: null });
    await emu.clearLog();
    await popup.locator('::-p-aria(Post[role="button"])').click();
    await expect.poll(() => textOf(popup, '.published'), { timeout: 15_000 }).toContain('Your post is on X.');
    await expectVideoPosted(emu);
  });
});
