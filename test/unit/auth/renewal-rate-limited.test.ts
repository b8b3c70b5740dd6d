import { describe, expect, it } from 'vitest';
import { actionErrorText } from '@/lib/action-words';
import { readRefreshToken } from '@/lib/auth/token-store';
import { storedError } from '@/lib/services/outbox-failure';
import { readSessionView } from '@/lib/storage';
import { XApiError } from '@/lib/x/errors';
import { getMe } from '@/lib/x/users';
import { readInJapanese } from '../locales/in-japanese';
import { emu, withTestEmulator } from '../support/emulator';
import { ADA_ID, TWO_HOURS, makeService } from './support';

/**
 * X's token endpoint has its limit too: a renewal answered 429 (with X's problem JSON, or nothing) was worded "X is not
 * answering right now", though X had answered, and said it was its limit. The person now reads that X's limit is used
 * up, stays signed in with the same refresh token, and the renewal is asked for once per request, not in a loop.
 */

withTestEmulator();

/** Signs Ada in, lets her token expire, and has X answer her renewal with `answer`; counts the renewals asked for. */
async function renewalAnswered(answer: () => Response) {
  const h = makeService(emu);
  await h.auth.signIn();
  const stored = await readRefreshToken(ADA_ID);
  h.clock.advance(TWO_HOURS);
  let renewals = 0;
  h.settings.fetch = (input, init) => {
    if (!String(input instanceof Request ? input.url : input).endsWith('/2/oauth2/token')) return fetch(input, init);
    renewals++;
    return Promise.resolve(answer());
  };
  const error = await getMe(h.auth.clientFor(ADA_ID, h.settings)).catch((e: unknown) => e);
  return { error, stored, renewals };
}

describe('a sign-in renewal X answers with 429', () => {
  it.each([
    [
      'X’s problem JSON',
      () => Response.json({ title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 }, { status: 429 }),
    ],
    ['no body', () => new Response('', { status: 429 })],
  ])('says X’s limit on renewing the sign-in is used up, with %s, and keeps the person signed in', async (_, answer) => {
    const { error, stored, renewals } = await renewalAnswered(answer);
    expect(error).toBeInstanceOf(XApiError);
    expect((error as XApiError).kind).toBe('rate-limited');
    expect(actionErrorText(storedError(error as XApiError))).toBe(
      // X gave no reset: Perch waits a minute of its own, never said as X's time (renewal-limit-kept.test.ts).
      'X’s limit on renewing your sign-in is used up. X allows it again later.',
    );
    expect(renewals).toBe(1);
    expect((await readSessionView()).accounts.map((a) => a.id)).toEqual([ADA_ID]);
    expect((await readSessionView()).notice).toBeNull();
    expect(await readRefreshToken(ADA_ID)).toBe(stored);
    readInJapanese();
    expect(actionErrorText(storedError(error as XApiError))).toBe(
      'Xのログイン更新の制限に達しました。しばらくすると、Xが再び更新を認めます。',
    );
  });

  it('still says X is not answering for a renewal answered 503', async () => {
    const { error } = await renewalAnswered(() => new Response('', { status: 503 }));
    expect((error as XApiError).kind).toBe('unavailable');
    expect(actionErrorText(storedError(error as XApiError))).toBe('X is not answering right now. Try again in a moment.');
  });
});
