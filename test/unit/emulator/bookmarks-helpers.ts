import { expect } from 'vitest';
import { emu, token } from '../support/emulator';
import { ADA_ID, api, control, readAnswer } from './helpers';

/** Reads and writes of bookmarks in the emulator as Ada, for its bookmark tests. */

export const SCOPES = ['tweet.read', 'users.read', 'bookmark.read', 'bookmark.write', 'offline.access'];
export const KJOHNSON_ID = '1268291573458292736';
export const PROBLEMS = 'https://api.x.com/2/problems/';
export const BASE = `/2/users/${ADA_ID}/bookmarks`;

export type Json = Record<string, unknown>;
export interface Page {
  data?: { id: string; text: string; author_id?: string; created_at?: string }[];
  includes?: { users?: Json[]; tweets?: Json[] };
  meta: { result_count: number; next_token?: string; previous_token?: string };
}

export const get = async <T = Json>(path: string, t = token) => readAnswer<T>(await api(emu, path, t));
export function send(method: string, path: string, payload?: unknown, t = token): Promise<Response> {
  return api(emu, path, t, {
    method,
    ...(payload === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: typeof payload === 'string' ? payload : JSON.stringify(payload) }),
  });
}
export async function relations(userId = ADA_ID): Promise<{ bookmarks: string[]; bookmark_folders: { id: string; post_ids: string[] }[] }> {
  return control(emu, 'GET', `users/${userId}/relations`);
}
/** Walks every page; returns the ids and how many requests it took. */
export async function walk(maxResults: number): Promise<{ ids: string[]; requests: number }> {
  const ids: string[] = [];
  let requests = 0;
  let next: string | undefined;
  do {
    const q = new URLSearchParams({ max_results: String(maxResults), ...(next ? { pagination_token: next } : {}) });
    const { status, body } = await get<Page>(`${BASE}?${q}`);
    expect(status).toBe(200);
    requests++;
    ids.push(...(body.data ?? []).map((p) => p.id));
    next = body.meta.next_token;
  } while (next);
  return { ids, requests };
}
