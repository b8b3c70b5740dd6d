import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { whyVideoRefused as whyPickedVideoRefused } from '@/components/compose-rules';
import { attachImage, whyVideoRefused } from '@/lib/services/compose';
import { composeWordsText } from '@/lib/error-words';
import { createXClient } from '@/lib/x/client';
import { XApiError } from '@/lib/x/errors';
import { uploadGif } from '@/lib/x/media';
import { withEmptyStore } from '../support/store';

/**
 * A file's name inside a sentence Perch makes about it is isolated (FSI … PDI, Unicode UAX #9): a Hebrew or Arabic
 * name, or one carrying a right-to-left override, cannot reorder the words, quotes and figures around it.
 */

const HEBREW = 'סרטון.mp4';
const ARABIC = 'صورة.png';
/** A name that tries to reverse the rest of the line (U+202E RIGHT-TO-LEFT OVERRIDE). */
const OVERRIDE = 'clip\u202Egpj.mp4';

withEmptyStore();

describe('a file name in what Perch says of a file', () => {
  it('is isolated in the background’s refusal of a video, its figures left in place', () => {
    const refusal = composeWordsText(whyVideoRefused({ name: HEBREW, type: 'video/mp4', size: 10, durationSecs: 141 })!);
    expect(refusal).toBe(`“\u2068${HEBREW}\u2069” lasts 141 seconds; X takes videos of 0.5 to 140 seconds.`);
  });

  it('is isolated in the composer’s refusal of a video it picked', () => {
    expect(whyPickedVideoRefused({ name: HEBREW, type: 'video/mp4', size: 10 }, 141)).toBe(
      `\u2068${HEBREW}\u2069 was not added: it lasts 141 seconds, and X takes videos of 0.5 to 140 seconds.`,
    );
  });

  it('is isolated when an image is refused, and an override inside it is closed before the sentence goes on', async () => {
    const text = new TextEncoder().encode('not an image');
    await expect(attachImage('1', 'compose', { name: ARABIC, type: 'text/plain', bytes: text })).rejects.toThrow(
      `X takes JPEG, PNG, GIF or WebP images; “\u2068${ARABIC}\u2069” is not one.`,
    );
    const sentence = composeWordsText(whyVideoRefused({ name: OVERRIDE, type: 'video/webm', size: 10, durationSecs: 5 })!);
    expect(sentence).toBe(`X takes MP4 or MOV videos; “\u2068${OVERRIDE}\u2069” is not one.`);
    // The override opens inside the isolate and ends with it: nothing after the name is reversed.
    expect(sentence.indexOf('\u2069')).toBeGreaterThan(sentence.indexOf('\u202E'));
  });

  it('is isolated in X’s processing failure, apart from X’s own words', async () => {
    const answers = [
      { data: { id: '1880028106020515840' } },
      {},
      { data: { processing_info: { state: 'failed', error: { message: 'Bad GIF.' } } } },
    ];
    const fetch = () => Promise.resolve(new Response(JSON.stringify(answers.shift()), { headers: { 'content-type': 'application/json' } }));
    const client = createXClient({ baseUrl: 'https://api.x.test', getAccessToken: () => Promise.resolve('t'), fetch });
    const gif = new Blob([new TextEncoder().encode('GIF89a')], { type: 'image/gif' });
    const error = await uploadGif(client, gif, 'قطة.gif', { sleep: () => Promise.resolve() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XApiError);
    expect((error as XApiError).message).toBe(
      'X could not process “\u2068قطة.gif\u2069”, so it was not posted. X said: “\u2068Bad GIF.\u2069” Your draft is kept as it was, with the file: post again to try once more, or remove the file.',
    );
  });
});
