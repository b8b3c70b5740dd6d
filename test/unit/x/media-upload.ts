import { vi } from 'vitest';
import { createXClient } from '@/lib/x/client';
import { BASE, type Step, ok } from './support';

/** A client whose uploads answer from a script, and X's answers to a chunked upload, for the media upload tests. */

export const MEDIA_ID = '1880028106020515840';
export const KEY = `16_${MEDIA_ID}`;

/** What one upload request carried: JSON body, or the multipart fields (a file part as its bytes and file name). */
export interface Sent {
  method: string;
  path: string;
  query: Record<string, string>;
  contentType: string | null;
  json?: unknown;
  fields?: Record<string, string | { bytes: Uint8Array; filename: string; type: string }>;
}

/** A client whose fetch answers from `steps` and records each request, multipart bodies read field by field. */
export function scriptedUpload(...steps: Step[]) {
  const sent: Sent[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    const headers = new Headers(init?.headers);
    const entry: Sent = {
      method: init?.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      contentType: headers.get('content-type'),
    };
    if (typeof init?.body === 'string') entry.json = JSON.parse(init.body);
    if (init?.body instanceof FormData) {
      entry.fields = {};
      for (const [name, value] of init.body) {
        entry.fields[name] =
          typeof value === 'string' ? value : { bytes: new Uint8Array(await value.arrayBuffer()), filename: value.name, type: value.type };
      }
    }
    sent.push(entry);
    const step = steps.shift();
    if (!step) throw new Error('the script ran out: the client sent more requests than expected');
    const text = step.raw ?? (step.body === undefined ? '' : JSON.stringify(step.body));
    return new Response(text, { status: step.status, headers: { 'content-type': 'application/json', ...step.headers } });
  });
  const client = createXClient({ baseUrl: BASE, getAccessToken: () => Promise.resolve('t1'), fetch });
  const waits: number[] = [];
  const sleep = (ms: number) => {
    waits.push(ms);
    return Promise.resolve();
  };
  return { client, sent, fetch, waits, sleep };
}

/** Bytes that start like a GIF, `size` long, each byte numbered so chunks can be checked for order. */
export function gifBlob(size: number): Blob {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = i % 251;
  bytes.set(new TextEncoder().encode('GIF89a').subarray(0, size));
  return new Blob([bytes], { type: 'image/gif' });
}

// Answers as the chunked quickstart shows them (x-api--media--quickstart--media-upload-chunked).
export const initialized = ok({ data: { id: MEDIA_ID, media_key: KEY, expires_after_secs: 1295999 } });
export const appended = ok({ data: { expires_at: 1_900_000_000 } });
export const finalized = (processing?: Record<string, unknown>) =>
  ok({
    data: { id: MEDIA_ID, media_key: KEY, size: 1, expires_after_secs: 86400, ...(processing ? { processing_info: processing } : {}) },
  });
export const status = (processing: Record<string, unknown>) => ok({ data: { id: MEDIA_ID, media_key: KEY, processing_info: processing } });
export const PENDING = { state: 'pending', check_after_secs: 1 };
export const SUCCEEDED = { state: 'succeeded', progress_percent: 100 };

export const STATUS_REQUEST = { method: 'GET', path: '/2/media/upload', query: { command: 'STATUS', media_id: MEDIA_ID } };
