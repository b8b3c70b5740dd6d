/**
 * A fake `fetch` for the contract tests of lib/x: it records every request exactly as it would leave the
 * extension (method, URL, headers, body) and answers what the test gives it, so a request can be checked
 * against X's OpenAPI description without the emulator.
 */
import { createXClient, type XClient } from '@/lib/x/client';

export const BASE = 'https://api.x.com';

/** One request as it left the client. */
export interface Captured {
  method: string;
  url: URL;
  headers: Headers;
  /** The JSON body, parsed; a FormData as sent; undefined without a body. */
  body: unknown;
  /** The raw body as handed to fetch. */
  raw: BodyInit | null | undefined;
}

/** What the fake answers: a JSON body (status 200 unless given) or a raw string. */
export interface Answer {
  status?: number;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

/**
 * A client whose fetch records each request in `requests` and answers from `answer` (a fixed answer, or a
 * function of the request). Its token provider hands out `token`.
 */
export function capturing(answer: Answer | ((req: Captured) => Answer), token = 'access-token'): { client: XClient; requests: Captured[] } {
  const requests: Captured[] = [];
  const fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const raw = init?.body;
    const req: Captured = {
      method: init?.method ?? 'GET',
      url: new URL(input instanceof Request ? input.url : String(input)),
      headers: new Headers(init?.headers),
      body: typeof raw === 'string' ? (JSON.parse(raw) as unknown) : (raw ?? undefined),
      raw,
    };
    requests.push(req);
    const a = typeof answer === 'function' ? answer(req) : answer;
    const text = a.raw ?? (a.body === undefined ? '' : JSON.stringify(a.body));
    return Promise.resolve(new Response(text, { status: a.status ?? 200, headers: { 'content-type': 'application/json', ...a.headers } }));
  };
  const client = createXClient({ baseUrl: BASE, getAccessToken: () => Promise.resolve(token), fetch });
  return { client, requests };
}
