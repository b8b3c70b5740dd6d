/** A scripted fetch for the lib/x resource tests: answers from a script and records exactly what was sent. */
import { expect, vi } from 'vitest';
import { createXClient, type XClient } from '@/lib/x/client';
import { XApiError } from '@/lib/x/errors';

export const BASE = 'https://api.x.test';

/** The signed-in user of these tests, and a 19-digit id above 2^53 that a JSON number would round. */
export const ME = '2244994945';
export const BIG_ID = '1585841080431321088';

export type Step = { status: number; body?: unknown; raw?: string; headers?: Record<string, string> };

/** What one request carried: method, path, query (decoded) and JSON body. */
export interface Sent {
  method: string | undefined;
  path: string;
  query: Record<string, string>;
  body: unknown;
}

/** A client whose fetch answers from `steps`, one per request, and records each request in `sent`. */
export function scripted(...steps: Step[]): { client: XClient; sent: Sent[]; fetch: ReturnType<typeof vi.fn> } {
  const sent: Sent[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    const headers = new Headers(init?.headers);
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : init?.body;
    if (body !== undefined) expect(headers.get('content-type')).toBe('application/json');
    sent.push({ method: init?.method, path: url.pathname, query: Object.fromEntries(url.searchParams), body });
    const step = steps.shift();
    if (!step) throw new Error('the script ran out: the client sent more requests than expected');
    const text = step.raw ?? (step.body === undefined ? '' : JSON.stringify(step.body));
    return new Response(text, { status: step.status, headers: { 'content-type': 'application/json', ...step.headers } });
  });
  const client = createXClient({ baseUrl: BASE, getAccessToken: () => Promise.resolve('t1'), fetch });
  return { client, sent, fetch };
}

/** A 200 answer with `body`. */
export const ok = (body: unknown): Step => ({ status: 200, body });

/** The XApiError `p` rejects with (fails the test if it resolves or rejects with anything else). */
export async function xErrorOf(p: Promise<unknown>): Promise<XApiError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof XApiError)) throw new Error(`expected an XApiError, got ${String(error)}`);
  return error;
}

/** Expects `p` to fail with 'invalid-request' before anything was sent. */
export async function expectRefusedBeforeSending(p: Promise<unknown>, fetch: ReturnType<typeof vi.fn>): Promise<XApiError> {
  const error = await xErrorOf(p);
  expect(error.kind).toBe('invalid-request');
  expect(error.status).toBeUndefined();
  expect(fetch).not.toHaveBeenCalled();
  return error;
}
