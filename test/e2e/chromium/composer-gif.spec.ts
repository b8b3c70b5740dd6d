import { expectGifPosted, GIF } from '../support/media';
import { expect, signIn, test } from './fixtures';

test.describe('a GIF in the composer, in Chromium', () => {
  test.beforeEach(async ({ perch }) => {
    await signIn(perch, await perch.open('options'));
  });

  test('goes to X through the chunked upload with tweet_gif, never the one-request upload, and is posted', async ({ perch, emu }) => {
    const popup = await perch.open('popup');
    await popup.getByRole('textbox', { name: 'Post text' }).fill('A GIF from Perch');
    const chooser = popup.waitForEvent('filechooser');
    await popup.getByRole('button', { name: 'Add image' }).click();
    await (await chooser).setFiles({ name: 'wave.gif', mimeType: 'image/gif', buffer: GIF });
    await expect(popup.getByRole('button', { name: 'Remove image wave.gif' })).toBeVisible();
    await emu.clearLog();

    await popup.getByRole('button', { name: 'Post', exact: true }).click();
    await expect(popup.getByText('Your post is on X.')).toBeVisible();

    await expectGifPosted(emu);
    const postId = (await popup.getByRole('link', { name: 'View on X' }).getAttribute('href'))!.split('/').pop()!;
    const post = await emu.readAsSignedIn(`/2/tweets/${postId}?expansions=attachments.media_keys&media.fields=type`);
    expect(post).toMatchObject({
      data: { text: expect.stringMatching(/^A GIF from Perch https:\/\/t\.co\//) },
      includes: { media: [{ type: 'animated_gif' }] },
    });
  });
});
