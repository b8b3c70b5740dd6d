import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createXClient, type XRequest } from '@/lib/x/client';
import { XApiError } from '@/lib/x/errors';
import { operationOf } from '@/lib/x/operations';
import { validateResponse } from '../../openapi/contract';

/**
 * X's description answers every failure (`default`) as application/problem+json `Problem`, or as application/json
 * `Error`: ONE {code, message} at the top level, no `errors` array (openapi.json components.schemas.Error). A refusal
 * in that shape is read like its `errors[]` form: X's words quoted, its code read.
 */
const BASE = 'https://api.x.test';
const POST: XRequest<unknown> = { method: 'POST', path: '/2/tweets', body: { text: 'hello' }, schema: z.unknown() };
const SUBSET = 'You currently have access to a subset of X API V2 endpoints and limited v1.1 endpoints only.';

/** The answer is one X's description allows for a post's refusal with this status. */
function described(status: number, body: unknown): void {
  expect(validateResponse({ operationId: operationOf(POST.method, POST.path)!.operationId, status, body })).toEqual([]);
}

async function refusal(status: number, body: unknown): Promise<XApiError> {
  const client = createXClient({
    baseUrl: BASE,
    getAccessToken: () => Promise.resolve('t'),
    fetch: vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })),
  });
  const error = await client.request(POST).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof XApiError)) throw new Error(`expected an XApiError, got ${String(error)}`);
  return error;
}

describe('a refusal in the description’s Error shape ({code, message} at the top level)', () => {
  it('quotes X’s message to the person', async () => {
    const body = { code: 187, message: 'Status is a duplicate.' };
    described(400, body);
    const error = await refusal(400, body);
    expect(error.kind).toBe('invalid-request');
    expect(error.problem).toMatchObject({ messages: ['Status is a duplicate.'], codes: [187] });
    expect(error.message).toContain('Status is a duplicate.');
  });

  it('reads code 453 as an app without access, as it does in the errors[] form', async () => {
    described(403, { code: 453, message: SUBSET });
    const flat = await refusal(403, { code: 453, message: SUBSET });
    const listed = await refusal(403, { errors: [{ code: 453, message: SUBSET }] });
    expect(flat.kind).toBe('app-no-access');
    expect(flat.message).toBe(listed.message);
  });
});
