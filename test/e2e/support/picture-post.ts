import { type EmulatorControl } from './emulator-control';
import { PNG } from './media';

/** 270 characters of prose: as long as a post gets before X cuts it. */
const LONG_TEXT = Array.from({ length: 5 }, (_, i) => `Line ${i + 1} of a long post about moths in logbooks.`)
  .join(' ')
  .padEnd(270, '.');

/**
 * Ada's post with a picture and a long text, the tallest a post gets in the popup, made on X (the emulator) through
 * X's own API: POST /2/media/upload (mediaUpload) and POST /2/tweets (createPosts). Returns its id.
 */
export async function pictureAndLongText(emu: EmulatorControl): Promise<string> {
  const form = new FormData();
  form.append('media', new Blob([PNG], { type: 'image/png' }), 'moth.png');
  form.append('media_category', 'tweet_image');
  const uploaded = await emu.asSignedIn('/2/media/upload', { method: 'POST', body: form });
  const upload = (await uploaded.json()) as { data?: { id: string } };
  if (!upload.data) throw new Error(`the upload failed: ${uploaded.status} ${JSON.stringify(upload)}`);
  const made = await emu.asSignedIn('/2/tweets', {
    method: 'POST',
    body: JSON.stringify({ text: LONG_TEXT, media: { media_ids: [upload.data.id] } }),
  });
  const post = (await made.json()) as { data?: { id: string } };
  if (!post.data) throw new Error(`the post was refused: ${made.status} ${JSON.stringify(post)}`);
  return post.data.id;
}
