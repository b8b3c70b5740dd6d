import { describe, expect, it } from 'vitest';
import { authWordsText } from '@/lib/auth-words-text';
import { readSessionView } from '@/lib/storage';
import { readInJapanese } from '../locales/in-japanese';
import { emu, withTestEmulator } from '../support/emulator';
import { ADA_ID, TWO_HOURS, control, makeService, rawStorage, signInAs, tokenRequests, type Harness } from './support';

/**
 * X's refresh tokens are single-use: once X has answered a renewal, the refresh token Perch sent is dead. When that
 * answer never reaches Perch (the worker stopped while X answered, or the connection dropped), Perch still holds the
 * dead token, and X refuses it at the next renewal. Perch marks a renewal as under way before its request leaves and
 * ends the mark once X's answer is in hand, so that refusal says the last renewal was cut off; any other refusal says
 * only that X no longer accepts the sign-in. The mark costs no request and is never retried.
 */

withTestEmulator();

const FSI = '\u2068';
const PDI = '\u2069';
const X_SAID = `X said: “${FSI}Value passed for the token was invalid.${PDI}”`;
const CUT_OFF =
  'Perch’s last sign-in renewal was cut off before X’s answer arrived, so X no longer accepts this sign-in. Sign in with X again.';
const CUT_OFF_JA =
  'Perchによる前回のログインの更新がXの応答が届く前に中断されたため、Xはこのログインをもう受け付けていません。もう一度Xでログインしてください。';
const GONE = 'X no longer accepts this sign-in. Sign in with X again.';

const isTokenRequest = (input: RequestInfo | URL) => String(input instanceof Request ? input.url : input).endsWith('/2/oauth2/token');

/** Why the signed-out notice says Ada was signed out, in the reader's language. */
async function noticeWords(): Promise<string> {
  const { notice, accounts } = await readSessionView();
  expect(accounts).toEqual([]);
  if (!notice?.why) throw new Error('no signed-out notice with its why');
  return authWordsText(notice.why);
}

/** Whether a renewal is marked as under way for Ada. */
const marked = async () => Object.keys((await rawStorage()).local).some((k) => k.startsWith('auth.renewing.'));

/**
 * Ada signed in, her access token expired, and a renewal X answered (rotating her refresh token) whose answer never
 * reached Perch: `cut` says how. Answers the worker that goes on.
 */
const cuts: [string, (h: Harness) => Promise<Harness>][] = [
  [
    'the connection dropped as X answered',
    async (h) => {
      h.settings.fetch = async (input, init) => {
        const answer = await fetch(input, init);
        if (isTokenRequest(input)) throw new TypeError('Failed to fetch');
        return answer;
      };
      await expect(h.auth.getAccessToken(ADA_ID)).rejects.toMatchObject({ kind: 'network' });
      delete h.settings.fetch;
      return h;
    },
  ],
  [
    'the worker stopped as X answered',
    async (h) => {
      let answered!: () => void;
      const reached = new Promise<void>((r) => (answered = r));
      h.settings.fetch = async (input, init) => {
        const answer = await fetch(input, init);
        if (!isTokenRequest(input)) return answer;
        answered();
        return new Promise<Response>(() => undefined);
      };
      void h.auth.getAccessToken(ADA_ID);
      await reached;
      return makeService(emu, { clock: h.clock });
    },
  ],
];

describe('a sign-in renewal whose answer never reached Perch', () => {
  it.each(cuts)('says the last renewal was cut off when X then refuses the sign-in (%s)', async (_, cut) => {
    const h = makeService(emu);
    await signInAs(emu, h, ADA_ID);
    h.clock.advance(TWO_HOURS);
    const next = await cut(h);
    expect((await rawStorage()).local).toHaveProperty(`auth.refresh.${ADA_ID}`);
    const sent = tokenRequests(emu, 'refresh_token').length;

    await expect(next.auth.getAccessToken(ADA_ID)).rejects.toMatchObject({ kind: 'signed-out' });
    expect(tokenRequests(emu, 'refresh_token')).toHaveLength(sent + 1);
    expect(await noticeWords()).toBe(`${CUT_OFF} ${X_SAID}`);
    readInJapanese();
    expect(await noticeWords()).toBe(`${CUT_OFF_JA}Xのメッセージ:「${FSI}Value passed for the token was invalid.${PDI}」`);
    expect(await marked()).toBe(false);
  });

  it('says so too when X refuses the token with invalid_grant', async () => {
    const h = await cuts[0]![1](await signedInAndExpired());
    h.settings.fetch = (input, init) =>
      isTokenRequest(input)
        ? Promise.resolve(Response.json({ error: 'invalid_grant', error_description: 'Revoked.' }, { status: 400 }))
        : fetch(input, init);
    await expect(h.auth.getAccessToken(ADA_ID)).rejects.toMatchObject({ kind: 'signed-out' });
    expect(await noticeWords()).toBe(`${CUT_OFF} X said: “${FSI}Revoked.${PDI}”`);
  });
});

/** Ada signed in on a new worker, her access token expired. */
async function signedInAndExpired(): Promise<Harness> {
  const h = makeService(emu);
  await signInAs(emu, h, ADA_ID);
  h.clock.advance(TWO_HOURS);
  return h;
}

describe('a sign-in X refuses with no renewal cut off', () => {
  it('says only that X no longer accepts it after a renewal that ended, and keeps no mark once the new pair is saved', async () => {
    const h = await signedInAndExpired();
    expect(await h.auth.getAccessToken(ADA_ID)).toBeTruthy();
    expect(await marked()).toBe(false);

    await control(emu, 'POST', 'revoke-grants', { user_id: ADA_ID });
    h.clock.advance(TWO_HOURS);
    await expect(h.auth.getAccessToken(ADA_ID)).rejects.toMatchObject({ kind: 'signed-out' });
    expect(await noticeWords()).toBe(`${GONE} ${X_SAID}`);
  });

  it('ends the mark when X answered with a failure, so a later refusal claims no cut-off renewal', async () => {
    const h = await signedInAndExpired();
    h.settings.fetch = (input, init) =>
      isTokenRequest(input) ? Promise.resolve(new Response('Service Unavailable', { status: 503 })) : fetch(input, init);
    await expect(h.auth.getAccessToken(ADA_ID)).rejects.toMatchObject({ kind: 'server' });
    expect(await marked()).toBe(false);

    delete h.settings.fetch;
    await control(emu, 'POST', 'revoke-grants', { user_id: ADA_ID });
    await expect(h.auth.getAccessToken(ADA_ID)).rejects.toMatchObject({ kind: 'signed-out' });
    expect(await noticeWords()).toBe(`${GONE} ${X_SAID}`);
  });

  it('claims no cut-off renewal for a grant signed in again after one was cut off', async () => {
    const h = await cuts[0]![1](await signedInAndExpired());
    expect(await marked()).toBe(true);
    await signInAs(emu, h, ADA_ID);
    await control(emu, 'POST', 'revoke-grants', { user_id: ADA_ID });
    h.clock.advance(TWO_HOURS);
    await expect(h.auth.getAccessToken(ADA_ID)).rejects.toMatchObject({ kind: 'signed-out' });
    expect(await noticeWords()).toBe(`${GONE} ${X_SAID}`);
  });
});
