import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { ComposeError, draftKey, publishDraft } from '@/lib/services/compose';
import { IMAGE_MAX_BYTES, IMAGE_TYPES } from '@/lib/limits';
import { ADA_ID } from '../auth/support';
import { emu, withTestEmulator } from '../support/emulator';
import { png, postsOnX, storedMedia } from './support';
import { save, attach, composeErrorOf, adaClient, withFreshCompose } from './compose-steps';

withTestEmulator();
withFreshCompose();

describe('attaching an image', () => {
  it.each(IMAGE_TYPES.map((t) => [t]))('stores a %s image’s bytes as a blob of that type', async (type) => {
    const bytes = png(3, 3);
    const id = await attach('picture', { type, bytes });
    const row = await db().draftMedia.get(id);
    expect(row).toMatchObject({ id, draftKey: draftKey(ADA_ID, 'compose'), name: 'picture', type, size: bytes.byteLength });
    expect(row?.blob).toBeInstanceOf(Blob);
    expect(row?.blob.type).toBe(type);
    expect(new Uint8Array(await row!.blob.arrayBuffer())).toEqual(bytes);
  });

  it('gives every image its own id', async () => {
    const ids = [await attach('a.png'), await attach('a.png')];
    expect(new Set(ids).size).toBe(2);
  });

  it.each([
    ['a text file', 'notes.txt', 'text/plain'],
    ['an SVG', 'logo.svg', 'image/svg+xml'],
    ['a HEIC photo', 'IMG_0001.HEIC', 'image/heic'],
    ['a video', 'clip.mp4', 'video/mp4'],
    ['a file of no type', 'mystery', ''],
  ])('refuses %s with invalid-image, naming the file, and stores nothing', async (_case, name, type) => {
    const error = await composeErrorOf(attach(name, { type }));
    expect(error.kind).toBe('invalid-image');
    expect(error.message).toContain(`“\u2068${name}\u2069”`);
    expect(error.message).toMatch(/JPEG, PNG, GIF or WebP/);
    expect(await storedMedia()).toEqual([]);
  });

  it('refuses an image one byte over 5 MB with invalid-image, naming the file', async () => {
    const error = await composeErrorOf(attach('huge.png', { bytes: new Uint8Array(IMAGE_MAX_BYTES + 1) }));
    expect(error.kind).toBe('invalid-image');
    expect(error.message).toBe('“\u2068huge.png\u2069” is larger than X’s 5 MB limit for images.');
    expect(await storedMedia()).toEqual([]);
  });

  it('takes an image of exactly 5 MB', async () => {
    const id = await attach('just-fits.jpg', { type: 'image/jpeg', bytes: new Uint8Array(IMAGE_MAX_BYTES) });
    expect((await db().draftMedia.get(id))?.size).toBe(5 * 1024 * 1024);
  });
});

describe('an image that is no longer stored', () => {
  it('is not silently left out of the published post', async () => {
    const client = await adaClient();
    const id = await attach('just-picked.png');
    await save([{ text: 'look at this', mediaIds: [id] }]);
    await db().draftMedia.delete(id); // lost (storage cleared by hand, a bug)

    await expect(publishDraft(client, ADA_ID, 'compose')).rejects.toBeInstanceOf(ComposeError);
    expect(postsOnX(emu, ADA_ID, 'look at this')).toEqual([]);
  });
});
