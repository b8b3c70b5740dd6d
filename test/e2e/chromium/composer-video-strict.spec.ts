import { attachVideo, expectVideoPosted } from '../support/media';
import { expect, signIn, test } from './fixtures';

/**
 * A strict X (bare answers) says a video `failed` with nothing more: the description's ProcessingInfo
 * (getMediaUploadStatus) has no `error`, so Perch has no reason to quote.
 */
test.describe('a video X cannot process, from a strict X, in Chromium', () => {
  test.beforeEach(async ({ perch }) => {
    await signIn(perch, await perch.open('options'));
  });

  test('says the post was not sent and what is kept, keeps the draft and video, and posts them once X can', async ({ perch, emu }) => {
    await emu.config({ video_processing_error: 'The video codec is not supported.', bare_answers: true });
    const popup = await perch.open('popup');
    await attachVideo(popup, 'This one fails first');
    await emu.clearLog();

    const post = popup.getByRole('button', { name: 'Post', exact: true });
    await post.click();
    await expect(popup.getByRole('alert').filter({ hasText: /\S/ })).toHaveText(
      'X could not process “\u2068clip.mp4\u2069” and gave no reason, so it was not posted. Your draft is kept as it was, ' +
        'with the file: post again to try once more, or remove the file.',
      { timeout: 15_000 },
    );
    await expect(popup.getByRole('textbox', { name: 'Post text' })).toHaveValue('This one fails first');
    await expect(popup.getByRole('button', { name: 'Remove video clip.mp4' })).toBeVisible();
    await expect(post).toBeFocused();
    expect((await emu.log()).some((e) => e.path === '/2/tweets')).toBe(false);

    await emu.config({ video_processing_error: null });
    await emu.clearLog();
    await post.click();
    await expect(popup.getByText('Your post is on X.')).toBeVisible({ timeout: 15_000 });
    await expectVideoPosted(emu);
  });
});
