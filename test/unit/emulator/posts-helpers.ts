import { createRequire } from 'node:module';
import { emu, token } from '../support/emulator';
import { ADA_ID, api, control, signIn } from './helpers';

/** The emulator posts tests (posts*.test.ts) share these: the signed-in scopes, the ids they use, and the requests they send. */

// Lengths below are built by hand from fundamentals--counting-characters (Latin 1, CJK and emoji 2, URLs 23, NFC);
// the seed check uses twitter-text itself, not the emulator's wrapper.
export const twitterText = createRequire(import.meta.url)('twitter-text') as { parseTweet(t: string): { weightedLength: number } };

export const WRITE_SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'offline.access'];
export const XDEV_ID = '2244994945';
export const KJOHNSON_ID = '1268291573458292736';
export const PROBLEMS = 'https://api.x.com/2/problems/';

export type Json = Record<string, unknown>;
export async function body<T = Json>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

export function post(payload: unknown, t = token): Promise<Response> {
  return api(emu, '/2/tweets', t, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
}

export async function created(payload: unknown, t = token): Promise<{ id: string; text: string; edit_history_tweet_ids: string[] }> {
  const res = await post(payload, t);
  if (res.status !== 201) throw new Error(`POST /2/tweets answered ${res.status}: ${await res.text()}`);
  return (await body<{ data: { id: string; text: string; edit_history_tweet_ids: string[] } }>(res)).data;
}

export function remove(id: string, t = token): Promise<Response> {
  return api(emu, `/2/tweets/${id}`, t, { method: 'DELETE' });
}

export async function signInAs(userId: string, scopes = WRITE_SCOPES): Promise<string> {
  await control(emu, 'POST', 'session', { user_id: userId });
  const t = (await signIn(emu, scopes)).access_token;
  await control(emu, 'POST', 'session', { user_id: ADA_ID });
  return t;
}

export const forbidden = (detail: string) => ({ detail, type: 'about:blank', title: 'Forbidden', status: 403 });
