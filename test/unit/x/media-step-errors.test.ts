/**
 * Every media answer (MediaUploadResponse, MediaUploadAppendResponse) makes `data` optional: a 200 may carry only
 * `errors`, X saying why it did not take the file or the step. Such an answer is X's refusal in its own words, never
 * the step done: the upload stops there, and nothing after it is sent.
 */
import { describe, expect, it } from 'vitest';
import { XApiError } from '@/lib/x/errors';
import { uploadGif, uploadImage } from '@/lib/x/media';
import { capturing, type Captured } from './capture';

const MEDIA_ID = '1880028106020515840';
const SAID = 'The file could not be taken.';
const refusal = { body: { errors: [{ title: 'Invalid Request', detail: SAID, type: 'https://api.x.com/2/problems/invalid-request' }] } };
const gif = new Blob([new TextEncoder().encode('GIF89a')], { type: 'image/gif' });
const png = new Blob([new Uint8Array([0x89, 0x50])], { type: 'image/png' });

/** X answering the chunked upload as its docs show, but `step` (a path's last segment) with errors alone. */
function refusingAt(step: 'initialize' | 'append' | 'finalize') {
  return (req: Captured) => {
    const last = req.url.pathname.split('/').pop();
    if (req.method === 'GET') return { body: { data: { id: MEDIA_ID, processing_info: { state: 'succeeded' } } } };
    if (last === step) return refusal;
    if (last === 'initialize') return { body: { data: { id: MEDIA_ID, media_key: `16_${MEDIA_ID}` } } };
    if (last === 'append') return { body: {} };
    return { body: { data: { id: MEDIA_ID, processing_info: { state: 'pending', check_after_secs: 1 } } } };
  };
}

const steps = (requests: Captured[]) => requests.map((r) => `${r.method} ${r.url.pathname.replace(MEDIA_ID, ':id')}`);

describe('a media answer of errors alone', () => {
  it.each([
    ['initialize', ['POST /2/media/upload/initialize']],
    ['append', ['POST /2/media/upload/initialize', 'POST /2/media/upload/:id/append']],
    ['finalize', ['POST /2/media/upload/initialize', 'POST /2/media/upload/:id/append', 'POST /2/media/upload/:id/finalize']],
  ] as const)('at %s stops the GIF’s upload with X’s words, sending nothing after it', async (step, sent) => {
    const { client, requests } = capturing(refusingAt(step));
    const error = await uploadGif(client, gif, 'bird.gif', { sleep: () => Promise.resolve() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XApiError);
    expect((error as XApiError).kind).toBe('invalid-request');
    expect((error as XApiError).problem.detail).toBe(SAID);
    expect(steps(requests)).toEqual(sent);
  });

  it('refuses a still image in X’s words, not as an answer Perch could not read', async () => {
    const { client } = capturing(refusal);
    const error = await uploadImage(client, png, 'bird.png').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XApiError);
    expect((error as XApiError).kind).toBe('invalid-request');
    expect((error as XApiError).message).toContain(SAID);
  });
});
