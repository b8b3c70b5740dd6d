import { beforeEach, describe, expect, it } from 'vitest';
import { emu, withTestEmulator } from '../support/emulator';
import { ADA_ID, GRACE_ID, api, control, signIn } from './helpers';

// Long posts by subscription: GET /2/users/me answers `subscription_type` (getUsersMe; openapi.json
// User.subscription_type: Basic, Premium, PremiumPlus, None), and POST /2/tweets (createPosts) takes up to 25,000
// weighted characters from a paid tier, 280 from everyone else, refusing more with X's 403 "Your Tweet text is too long."
const SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'offline.access'];

let ada: string;
let grace: string;
withTestEmulator();
beforeEach(async () => {
  ada = (await signIn(emu, SCOPES)).access_token;
  await control(emu, 'POST', 'session', { user_id: GRACE_ID });
  grace = (await signIn(emu, SCOPES)).access_token;
  await control(emu, 'POST', 'session', { user_id: ADA_ID });
});

function post(text: string, token: string): Promise<Response> {
  return api(emu, '/2/tweets', token, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
}

async function subscriptionOf(token: string, fields = 'subscription_type'): Promise<unknown> {
  const res = await api(emu, `/2/users/me?user.fields=${fields}`, token);
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: { subscription_type?: unknown } }).data.subscription_type;
}

/** `n` weighted characters of sentences (a letter weighs 1). */
const sentences = (n: number) => 'Long posts are for Premium. '.repeat(Math.ceil(n / 28)).slice(0, n);

describe('subscription_type on GET /2/users/me', () => {
  it('is Premium for the demo account gracehop and None for adaperch, only when asked for', async () => {
    expect(await subscriptionOf(grace)).toBe('Premium');
    expect(await subscriptionOf(ada)).toBe('None');
    expect(await subscriptionOf(grace, 'username')).toBeUndefined();
  });

  it('is None for another account than the authenticated one (data dictionary, User)', async () => {
    const res = await api(emu, `/2/users/${GRACE_ID}?user.fields=subscription_type`, ada);
    expect(((await res.json()) as { data: { subscription_type: string } }).data.subscription_type).toBe('None');
  });
});

describe('POST /2/tweets by subscription', () => {
  it('takes a 600-character post from a Premium account, whole in note_tweet', async () => {
    const text = sentences(600);
    const res = await post(text, grace);
    expect(res.status).toBe(201);
    const { id } = ((await res.json()) as { data: { id: string } }).data;
    const read = await api(emu, `/2/tweets/${id}?tweet.fields=note_tweet`, grace);
    expect(((await read.json()) as { data: { note_tweet: { text: string } } }).data.note_tweet.text).toBe(text);
  });

  it('refuses the same 600 characters from an account without a subscription with 403', async () => {
    const res = await post(sentences(600), ada);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ detail: 'Your Tweet text is too long.', type: 'about:blank', title: 'Forbidden', status: 403 });
  });

  it('takes exactly 25,000 from a Premium account and refuses 25,001', async () => {
    expect((await post(`a${'b'.repeat(24_999)}`, grace)).status).toBe(201);
    expect((await post(`c${'d'.repeat(25_000)}`, grace)).status).toBe(403);
  });

  it.each(['Basic', 'PremiumPlus'])('takes long posts from a %s account too', async (tier) => {
    emu.state.users.get(ADA_ID)!.subscription_type = tier;
    expect((await post(sentences(600), ada)).status).toBe(201);
  });
});
