import { expectGifPosted, GIF } from '../support/media';
import { expect, signIn, test } from './fixtures';

/** GET on the emulator's API as the signed-in user, with an access token the emulator issued to Perch. */
async function getAsAda(emuUrl: string, path: string): Promise<unknown> {
  const tokens = (await (await fetch(`${emuUrl}/__emulator/tokens`)).json()) as { token: string; kind: string; state: string }[];
  const access = tokens.find((t) => t.kind === 'access' && t.state === 'active')!.token;
  return (await fetch(`${emuUrl}${path}`, { headers: { authorization: `Bearer ${access}` } })).json();
}

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
    const post = await getAsAda(emu.url, `/2/tweets/${postId}?expansions=attachments.media_keys&media.fields=type`);
    expect(post).toMatchObject({
      data: { text: expect.stringMatching(/^A GIF from Perch https:\/\/t\.co\//) },
      includes: { media: [{ type: 'animated_gif' }] },
    });
  });
});
