import { describe, expect, it } from 'vitest';
import { actionErrorText } from '@/lib/action-words';
import { storedError } from '@/lib/services/outbox-failure';
import { getBookmarks } from '@/lib/x/bookmarks';
import { likePost } from '@/lib/x/likes';
import { readInJapanese } from '../locales/in-japanese';
import { ME, scripted, xErrorOf } from './support';

/**
 * X answers its own trouble (a 5xx) with problem JSON: `type`, `title` and a `detail` that may say more than "try
 * again", an outage or where to look (x-api--fundamentals--response-codes-and-errors, "Error response format"). The
 * person read only "X is not answering right now", X's words dropped, while a 400's or a 403's were quoted.
 */

const OUTAGE = 'Posting is down for maintenance until 15:00 UTC. See status.x.com.';
const outage = (status: number) => ({ status, body: { title: 'Service Unavailable', detail: OUTAGE, type: 'about:blank', status } });

describe('a 5xx from X with its own words', () => {
  it.each([500, 502, 503, 504])(
    'quotes X’s detail after Perch’s sentence on a %i, read at once and stored with an action',
    async (status) => {
      const { client } = scripted(outage(status));
      const error = await xErrorOf(likePost(client, ME, '1'));
      const said = `X is not answering right now. Try again in a moment. X said: “\u2068${OUTAGE}\u2069”`;
      expect(error.kind).toBe('unavailable');
      expect(error.message).toBe(said);
      expect(actionErrorText(storedError(error))).toBe(said);
    },
  );

  it('quotes them in the reader’s language too', async () => {
    const { client } = scripted(outage(503));
    const error = await xErrorOf(getBookmarks(client, ME));
    readInJapanese();
    expect(actionErrorText(storedError(error))).toBe(
      `Xが応答していません。少し待ってからもう一度お試しください。Xのメッセージ:「\u2068${OUTAGE}\u2069」`,
    );
  });

  it.each([
    ['its title', { title: 'Service Unavailable', detail: 'Service Unavailable' }],
    ['the status’s name', { title: 'Service Unavailable Error', detail: 'Service Unavailable' }],
  ])('says only Perch’s sentence when X’s detail repeats %s', async (_, words) => {
    const { client } = scripted({ status: 503, body: { ...words, type: 'about:blank', status: 503 } });
    const error = await xErrorOf(likePost(client, ME, '1'));
    expect(error.message).toBe('X is not answering right now. Try again in a moment.');
    expect(actionErrorText(storedError(error))).toBe('X is not answering right now. Try again in a moment.');
  });

  it('reads the description’s Error shape ({code, message}) the same way: an echo dropped, words of its own quoted', async () => {
    // openapi.json: every operation's `default` application/json answer is components.schemas.Error.
    const echo = await xErrorOf(likePost(scripted({ status: 503, body: { code: 503, message: 'Service Unavailable' } }).client, ME, '1'));
    expect(echo.message).toBe('X is not answering right now. Try again in a moment.');
    const own = await xErrorOf(likePost(scripted({ status: 503, body: { code: 130, message: OUTAGE } }).client, ME, '1'));
    expect(own.message).toBe(`X is not answering right now. Try again in a moment. X said: “\u2068${OUTAGE}\u2069”`);
  });

  it('says only Perch’s sentence when X’s answer is a page, not its problem JSON', async () => {
    const { client } = scripted({ status: 502, raw: '<html><body>Bad Gateway</body></html>' });
    const error = await xErrorOf(getBookmarks(client, ME));
    expect([error.kind, error.message]).toEqual(['unavailable', 'X is not answering right now. Try again in a moment.']);
  });
});
