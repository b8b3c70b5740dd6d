/** describeMedia: POST /2/media/metadata (createMediaMetadata), the alt text of an uploaded image or GIF. */
import { describe, expect, it } from 'vitest';
import { ALT_TEXT_MAX } from '@/lib/limits';
import { XApiError } from '@/lib/x/errors';
import { describeMedia } from '@/lib/x/media';
import { capturing } from './capture';

const MEDIA_ID = '1880028106020515840';
const answered = { body: { data: { id: MEDIA_ID, associated_metadata: { alt_text: { text: 'x' } } } } };

describe('describeMedia', () => {
  it('sends the media id and the text as X’s MetadataCreateRequest, in JSON', async () => {
    const { client, requests } = capturing(answered);
    await describeMedia(client, MEDIA_ID, 'A robin on a fence post');
    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe('POST');
    expect(requests[0]!.url.pathname).toBe('/2/media/metadata');
    expect(requests[0]!.headers.get('content-type')).toBe('application/json');
    expect(requests[0]!.body).toEqual({ id: MEDIA_ID, metadata: { alt_text: { text: 'A robin on a fence post' } } });
  });

  it('takes exactly X’s 1000 characters, counting an emoji as one', async () => {
    const { client, requests } = capturing(answered);
    await describeMedia(client, MEDIA_ID, '🐦'.repeat(ALT_TEXT_MAX));
    expect(requests).toHaveLength(1);
  });

  it.each([
    ['over 1000 characters', MEDIA_ID, 'a'.repeat(ALT_TEXT_MAX + 1)],
    ['blank', MEDIA_ID, ' \n\t '],
    ['for a media id X never gives', 'abc', 'A robin'],
  ])('refuses a description %s before sending anything', async (_what, id, text) => {
    const { client, requests } = capturing(answered);
    const error = await describeMedia(client, id, text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XApiError);
    expect((error as XApiError).kind).toBe('invalid-request');
    expect(requests).toHaveLength(0);
  });

  it('passes X’s refusal on as an XApiError', async () => {
    const { client } = capturing({
      status: 400,
      body: {
        title: 'Invalid Request',
        detail: 'One or more parameters to your request was invalid.',
        type: 'https://api.x.com/2/problems/invalid-request',
        errors: [{ message: 'no' }],
      },
    });
    const error = await describeMedia(client, MEDIA_ID, 'A robin').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XApiError);
    expect((error as XApiError).status).toBe(400);
  });
});
