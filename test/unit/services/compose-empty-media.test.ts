import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { draftKey, getDraft, publishDraft } from '@/lib/services/compose';
import { IMAGE_TYPES } from '@/lib/limits';
import { ADA_ID } from '../auth/support';
import { emu, withTestEmulator } from '../support/emulator';
import { requestsTo, storedMedia } from './support';
import { adaClient, attach, composeErrorOf, save, texts, tweetPosts, withFreshCompose } from './compose-steps';

/**
 * An empty file is nothing X can post (a zero-byte video is refused as 'media-empty' when attached): an empty image
 * is refused the same way, and a thread's stored file Perch can tell will not go is found before the first post goes
 * out, so the thread is never left half-published with its first post on X and its second stopped.
 */

withTestEmulator();
withFreshCompose();

describe('attaching an empty image', () => {
  it.each(IMAGE_TYPES.map((t) => [t]))('refuses an empty %s file, naming it, and stores nothing', async (type) => {
    const error = await composeErrorOf(attach('blank.img', { type, bytes: new Uint8Array(0) }));
    expect(error.kind).toBe('invalid-image');
    expect(error.message).toBe('“\u2068blank.img\u2069” is empty.');
    expect(await storedMedia()).toEqual([]);
  });
});

/** An empty GIF kept for the draft as a version of Perch that did not refuse one stored it. */
const storeEmptyGif = () =>
  db().draftMedia.put({
    id: 'blank',
    draftKey: draftKey(ADA_ID, 'compose'),
    name: 'blank.gif',
    type: 'image/gif',
    size: 0,
    blob: new Blob([], { type: 'image/gif' }),
  });

describe('a thread whose second post has a file Perch cannot send', () => {
  it.each([
    ['an empty GIF stored before attaching refused one', storeEmptyGif, 'media-empty'],
    [
      'an image no longer stored',
      async () => {
        await db().draftMedia.put({
          id: 'blank',
          draftKey: draftKey(ADA_ID, 'compose'),
          name: 'owl.png',
          type: 'image/png',
          size: 0,
          blob: new Blob([], { type: 'image/png' }),
        });
        await db().draftMedia.delete('blank');
      },
      'media-gone',
    ],
  ])('with %s sends none of the thread to X and keeps the draft', async (_case, store, kind) => {
    const client = await adaClient();
    await store();
    await save(['first post', { text: 'second, with a picture', mediaIds: ['blank'] }]);

    const error = await composeErrorOf(publishDraft(client, ADA_ID, 'compose'));
    expect(error.words).toMatchObject({ kind, post: 2 });
    expect(tweetPosts()).toEqual([]);
    expect(requestsTo(emu, 'POST', '/2/media/upload/initialize')).toEqual([]);
    expect(texts(await getDraft(ADA_ID, 'compose'))).toEqual(['first post', 'second, with a picture']);
  });

  it('names the empty file in what it says', async () => {
    const client = await adaClient();
    await storeEmptyGif();
    await save(['first post', { text: 'second, with a picture', mediaIds: ['blank'] }]);

    const error = await composeErrorOf(publishDraft(client, ADA_ID, 'compose'));
    expect(error.message).toBe('“\u2068blank.gif\u2069” is empty.');
  });
});
