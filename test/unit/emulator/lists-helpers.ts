import { expect } from 'vitest';
import { emu, token } from '../support/emulator';
import { ADA_ID, api, control, readAnswer, sendJson, signIn } from './helpers';

/** Reads and writes of Lists in the emulator as Ada, for its List tests. */

export const SCOPES = ['tweet.read', 'users.read', 'list.read', 'list.write', 'offline.access'];
export const XDEV_ID = '2244994945';
export const TURING_ID = '1097398373457707008';
export const PROBLEMS = 'https://api.x.com/2/problems/';

export type Json = Record<string, unknown>;
export interface ListJson {
  id: string;
  name: string;
  description?: string;
  private?: boolean;
  owner_id?: string;
  member_count?: number;
  follower_count?: number;
  created_at?: string;
}
export interface Page<T> {
  data?: T[];
  includes?: { users?: Json[] };
  meta: { result_count: number; next_token?: string };
}

export const get = async <T = Json>(path: string, t = token) => readAnswer<T>(await api(emu, path, t));
/** X's status and body, without headers, for `toEqual`. */
export async function send(method: string, path: string, payload?: unknown, t = token): Promise<{ status: number; body: Json }> {
  const { status, body } = await readAnswer(await sendJson(emu, method, path, t, payload));
  return { status, body };
}
export async function signInAs(userId: string, scopes = SCOPES): Promise<string> {
  await control(emu, 'POST', 'session', { user_id: userId });
  const t = (await signIn(emu, scopes)).access_token;
  await control(emu, 'POST', 'session', { user_id: ADA_ID });
  return t;
}
export async function walk<T extends { id: string }>(path: string, max: number): Promise<{ ids: string[]; requests: number }> {
  const ids: string[] = [];
  let requests = 0;
  let next: string | undefined;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const { status, body } = await get<Page<T>>(`${path}${sep}max_results=${max}${next ? `&pagination_token=${next}` : ''}`);
    expect(status).toBe(200);
    requests++;
    ids.push(...(body.data ?? []).map((x) => x.id));
    next = body.meta.next_token;
  } while (next);
  return { ids, requests };
}
export const forbidden = (detail: string) => ({ title: 'Forbidden', type: 'about:blank', status: 403, detail });
export const notAuthorized = (id: string, parameter = 'id') => {
  const entry = {
    value: id,
    detail: `You are not authorized to see the List with ${parameter}: [${id}].`,
    title: 'Authorization Error',
    resource_type: 'list',
    parameter,
    resource_id: id,
    section: 'data',
    type: `${PROBLEMS}not-authorized-for-resource`,
  };
  // A ResourceUnauthorizedProblem (X's OpenAPI `default` answer), with the entry in `errors` as the lookups show it.
  return { ...entry, status: 403, errors: [entry] };
};
export const ALL_FIELDS = 'list.fields=created_at,description,follower_count,member_count,owner_id,private';
