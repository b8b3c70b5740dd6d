/**
 * X may answer POST /2/media/metadata (createMediaMetadata) with a 200 of `errors` and no `data`: its description
 * (MetadataCreateResponse) makes `data` optional, and such an answer says why X did not take the image's description.
 * The post must not then go out as if it had: nothing is posted, the draft stays, and X's words are kept. Against the
 * emulator, with that one answer put in X's mouth.
 */
import { describe, expect, it } from 'vitest';
import { composeErrorText } from '@/components/compose-error-text';
import { ComposeError, attachImage, getDraft, publishDraft, saveDraft } from '@/lib/services/compose';
import type { XClient } from '@/lib/x/client';
import { ADA_ID } from '../auth/support';
import { capturing } from '../x/capture';
import { png, requestsTo } from './support';
import { adaClient, emu, withEmulator } from './world';

withEmulator();

const SAID = 'The media could not be described.';
const refusing = capturing({
  body: { errors: [{ title: 'Invalid Request', detail: SAID, type: 'https://api.x.com/2/problems/invalid-request' }] },
}).client;

/** Ada's client, whose POST /2/media/metadata X answers with `errors` alone. */
function withMetadataRefused(client: XClient): XClient {
  return { request: (req) => (req.path === '/2/media/metadata' ? refusing.request(req) : client.request(req)) };
}

describe('a description X answers with errors alone', () => {
  it('stops the post: nothing is posted, the draft keeps its image and description, and X’s words are said', async () => {
    const image = await attachImage(ADA_ID, 'compose', { name: 'robin.png', type: 'image/png', bytes: png(4, 4) });
    await saveDraft({
      accountId: ADA_ID,
      context: 'compose',
      seq: 1,
      posts: [{ text: 'A robin', mediaIds: [image], alts: { [image]: 'A robin on a fence post' } }],
    });
    const client = withMetadataRefused(await adaClient());

    const error = await publishDraft(client, ADA_ID, 'compose').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ComposeError);
    expect(error).toMatchObject({ kind: 'invalid-image', words: { kind: 'alt-refused', name: 'robin.png' }, said: SAID });
    expect(composeErrorText(error)).toContain(SAID);
    expect(requestsTo(emu, 'POST', '/2/tweets')).toEqual([]);
    expect((await getDraft(ADA_ID, 'compose'))?.posts[0]?.media).toMatchObject([{ id: image, alt: 'A robin on a fence post' }]);
  });
});
