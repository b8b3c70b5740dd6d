import { solidPng } from '../../emulator/media';
import { scan } from '../support/axe-chromium';
import { expect, signIn, test } from './fixtures';

const PNG = solidPng(8, 8);
/** A real 1x1 GIF89a. */
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

test.describe('image descriptions (alt text) in the composer, in Chromium', () => {
  test.beforeEach(async ({ perch }) => {
    await signIn(perch, await perch.open('options'));
  });

  test('an image described in the composer reaches X with its description, sent before the post', async ({ perch, emu }) => {
    const popup = await perch.open('popup');
    await popup.getByRole('textbox', { name: 'Post text' }).fill('A robin, described');
    const chooser = popup.waitForEvent('filechooser');
    await popup.getByRole('button', { name: 'Add image' }).click();
    await (await chooser).setFiles({ name: 'robin.png', mimeType: 'image/png', buffer: PNG });

    await popup.getByRole('button', { name: 'Add description (robin.png)' }).click();
    const box = popup.getByRole('textbox', { name: 'Description of robin.png' });
    await expect(box).toBeFocused();
    // Added and left blank: Post waits for a description, and says so.
    await expect(popup.getByRole('button', { name: 'Post', exact: true })).toBeDisabled();
    await expect(popup.getByText('the description of robin.png is empty: write one or remove it.')).toBeVisible();
    await scan(popup, 'composer, an image with its description box');

    await box.fill('A robin on a fence post 🐦');
    await expect(popup.getByText('25 / 1,000')).toBeVisible();
    await emu.clearLog();
    await popup.getByRole('button', { name: 'Post', exact: true }).click();
    await expect(popup.getByText('Your post is on X.')).toBeVisible();

    const calls = (await emu.log()).map((e) => `${e.method} ${e.path} ${e.status}`);
    expect(calls).toEqual(['POST /2/media/upload 200', 'POST /2/media/metadata 200', 'POST /2/tweets 201']);
    const postId = (await popup.getByRole('link', { name: 'View on X' }).getAttribute('href'))!.split('/').pop()!;
    const post = await emu.readAsSignedIn(`/2/tweets/${postId}?expansions=attachments.media_keys&media.fields=alt_text`);
    expect(post).toMatchObject({ includes: { media: [{ type: 'photo', alt_text: 'A robin on a fence post 🐦' }] } });
  });

  test('a description survives closing the popup, and Remove description takes it away', async ({ perch }) => {
    let popup = await perch.open('popup');
    const chooser = popup.waitForEvent('filechooser');
    await popup.getByRole('button', { name: 'Add image' }).click();
    await (await chooser).setFiles({ name: 'robin.png', mimeType: 'image/png', buffer: PNG });
    await popup.getByRole('button', { name: 'Add description (robin.png)' }).click();
    await popup.getByRole('textbox', { name: 'Description of robin.png' }).fill('A robin');
    await popup.close();

    popup = await perch.open('popup');
    const box = popup.getByRole('textbox', { name: 'Description of robin.png' });
    await expect(box).toHaveValue('A robin');
    await popup.getByRole('button', { name: 'Remove description (robin.png)' }).click();
    await expect(box).toBeHidden();
    await expect(popup.getByRole('button', { name: 'Add description (robin.png)' })).toBeFocused();
    await expect(popup.getByRole('button', { name: 'Post', exact: true })).toBeEnabled();
  });

  test('X’s media rule: a GIF is refused beside an image before anything is stored or uploaded', async ({ perch, emu }) => {
    const popup = await perch.open('popup');
    await popup.getByRole('textbox', { name: 'Post text' }).fill('An image, then a GIF');
    let chooser = popup.waitForEvent('filechooser');
    await popup.getByRole('button', { name: 'Add image' }).click();
    await (await chooser).setFiles({ name: 'robin.png', mimeType: 'image/png', buffer: PNG });
    await expect(popup.getByRole('button', { name: 'Remove image robin.png' })).toBeVisible();
    await emu.clearLog();

    chooser = popup.waitForEvent('filechooser');
    await popup.getByRole('button', { name: 'Add image' }).click();
    await (await chooser).setFiles({ name: 'wave.gif', mimeType: 'image/gif', buffer: GIF });
    await expect(
      popup.getByRole('alert').filter({
        hasText: '\u2068wave.gif\u2069 was not added: a GIF goes in a post on its own (X takes up to 4 images, or 1 GIF, or 1 video).',
      }),
    ).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Remove image wave.gif' })).toHaveCount(0);
    expect(await emu.log()).toEqual([]);
  });
});
