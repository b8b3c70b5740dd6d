import { readFileSync } from 'node:fs';
import { attachVideo, CLIP_PATH, expectVideoPosted, PNG, TOO_LONG_PATH } from '../support/media';
import { expect, signIn, test } from './fixtures';

const CLIP = { name: 'clip.mp4', mimeType: 'video/mp4', buffer: readFileSync(CLIP_PATH) };
const TOO_LONG = { name: 'too-long.mp4', mimeType: 'video/mp4', buffer: readFileSync(TOO_LONG_PATH) };

test.describe('a video in the composer, in Chromium', () => {
  test.beforeEach(async ({ perch }) => {
    await signIn(perch, await perch.open('options'));
  });

  test('shows its length, goes to X with tweet_video while the person sees the progress, and is posted', async ({ perch, emu }) => {
    const popup = await perch.open('popup');
    await attachVideo(popup, 'A video from Perch');
    await emu.clearLog();

    await popup.getByRole('button', { name: 'Post', exact: true }).click();
    // X takes a few status checks to process a video: the person sees it, with X's percentage; a screen reader hears
    // the phase once, not every percent.
    await expect(popup.getByText(/^X is processing clip\.mp4… \d+%$/)).toBeVisible();
    await expect(popup.getByRole('status').filter({ hasText: /^X is processing clip\.mp4…$/ })).toHaveCount(1);
    await expect(popup.getByRole('progressbar', { name: /^X is processing clip\.mp4/ })).toBeVisible();
    await expect(popup.getByText('Your post is on X.')).toBeVisible({ timeout: 15_000 });
    await expect(popup.getByRole('progressbar')).toHaveCount(0);

    await expectVideoPosted(emu);
    const postId = (await popup.getByRole('link', { name: 'View on X' }).getAttribute('href'))!.split('/').pop()!;
    const post = await emu.readAsSignedIn(`/2/tweets/${postId}?expansions=attachments.media_keys&media.fields=type`);
    expect(post).toMatchObject({
      data: { text: expect.stringMatching(/^A video from Perch https:\/\/t\.co\//) },
      includes: { media: [{ type: 'video' }] },
    });
  });

  test('refuses a video beside an image, and a video over 140 seconds, saying why', async ({ perch }) => {
    const popup = await perch.open('popup');
    const images = popup.waitForEvent('filechooser');
    await popup.getByRole('button', { name: 'Add image' }).click();
    await (await images).setFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PNG });
    await expect(popup.getByRole('button', { name: 'Remove image photo.png' })).toBeVisible();

    const videos = popup.waitForEvent('filechooser');
    await popup.getByRole('button', { name: 'Add video' }).click();
    await (await videos).setFiles(CLIP);
    await expect(popup.getByRole('alert').filter({ hasText: /\S/ })).toHaveText(
      '\u2068clip.mp4\u2069 was not added: a video goes in a post on its own (X takes up to 4 images, or 1 GIF, or 1 video).',
    );
    await expect(popup.getByRole('button', { name: 'Remove video clip.mp4' })).toHaveCount(0);

    await popup.getByRole('button', { name: 'Remove image photo.png' }).click();
    const long = popup.waitForEvent('filechooser');
    await popup.getByRole('button', { name: 'Add video' }).click();
    await (await long).setFiles(TOO_LONG);
    await expect(popup.getByRole('alert').filter({ hasText: /\S/ })).toHaveText(
      '\u2068too-long.mp4\u2069 was not added: it lasts 141 seconds, and X takes videos of 0.5 to 140 seconds.',
    );
    await expect(popup.getByRole('button', { name: 'Remove video too-long.mp4' })).toHaveCount(0);
  });

  test('says X’s words when X cannot process the video, and keeps the draft with it', async ({ perch, emu }) => {
    await emu.config({ video_processing_error: 'The video codec is not supported.' });
    const popup = await perch.open('popup');
    await attachVideo(popup, 'This one fails');

    await popup.getByRole('button', { name: 'Post', exact: true }).click();
    await expect(popup.getByRole('alert').filter({ hasText: /\S/ })).toContainText('The video codec is not supported.', {
      timeout: 15_000,
    });
    await expect(popup.getByRole('textbox', { name: 'Post text' })).toHaveValue('This one fails');
    await expect(popup.getByRole('button', { name: 'Remove video clip.mp4' })).toBeVisible();
    expect((await emu.log()).some((e) => e.path === '/2/tweets')).toBe(false);
  });
});
