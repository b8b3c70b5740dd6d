/**
 * Every request the client (lib/x) can make, checked against X's OpenAPI description (../shared/x-openapi) without
 * the emulator: each exported function with its defaults and with each option set once, its requests captured
 * by a fake fetch and validated (path, method, path parameters, query parameters, JSON body, and the scopes
 * Perch asks for against the operation's `security`). What the description does not cover — the
 * Enterprise-only blocking writes, and multipart bodies — is checked against the docs pages instead.
 */
import { describe, expect, it } from 'vitest';
import { X_SCOPES } from '@/lib/config';
import { X_OPERATIONS, operationOf } from '@/lib/x/operations';
import { findOperation, validateRequest, validateResponse } from '../../openapi/contract';
import { capturing, type Captured } from './capture';
import { ME, POST, type Case, CASES, NOT_REQUESTS } from './requests-cases';

/** What X's description calls a content type on this request, and the body as the validator takes it. */
function bodyOf(req: Captured): { body?: unknown; contentType?: string | undefined } {
  if (req.raw === undefined || req.raw === null) return {};
  if (req.raw instanceof FormData) {
    const fields: Record<string, unknown> = {};
    for (const [k, v] of req.raw.entries()) fields[k] = typeof v === 'string' ? v : '<binary>';
    return { body: fields, contentType: 'multipart/form-data' };
  }
  return { body: req.body, contentType: req.headers.get('content-type') ?? undefined };
}

/** Exported functions of lib/x neither in the table nor in NOT_REQUESTS, and names here no longer exported. */
function tableGaps(modules: Record<string, Record<string, unknown>>): { missing: string[]; stale: string[] } {
  const exported = Object.entries(modules).flatMap(([file, mod]) => {
    const name = /([^/]+)\.ts$/.exec(file)![1]!;
    // Classes (XApiError) are not requests; plain functions are.
    return Object.entries(mod)
      .filter(([, v]) => typeof v === 'function' && !/^class\b/.test(Function.prototype.toString.call(v)))
      .map(([k]) => `${name}.${k}`);
  });
  const inTable = new Set(CASES.map((c) => c.fn));
  return {
    missing: exported.filter((f) => !inTable.has(f) && !(f in NOT_REQUESTS)),
    stale: [...inTable, ...Object.keys(NOT_REQUESTS)].filter((f) => !exported.includes(f)),
  };
}

function violationsOf(req: Captured) {
  return validateRequest({
    method: req.method,
    path: req.url.pathname,
    query: req.url.searchParams,
    ...bodyOf(req),
    scopes: [...X_SCOPES],
  });
}

async function run(c: Case): Promise<Captured[]> {
  const { client, requests } = capturing(c.answer);
  await c.call(client);
  return requests;
}

describe('every request lib/x can make, against X’s OpenAPI description', () => {
  it.each(CASES.map((c) => [c.fn, c.option, c] as const))(
    '%s (%s) sends only requests the description accepts, with Perch’s scopes',
    async (_fn, _option, c) => {
      const requests = await run(c);
      expect(requests.length).toBeGreaterThan(0);
      for (const req of requests) {
        expect(violationsOf(req)).toEqual([]);
        expect(req.headers.get('authorization')).toBe('Bearer access-token');
        if (req.method === 'GET' || req.method === 'DELETE') expect(req.raw ?? undefined).toBeUndefined();
      }
    },
  );

  it.each(CASES.map((c) => [c.fn, c.option, c] as const))('%s (%s): the fake’s answer is one X could send', async (_fn, _option, c) => {
    const requests = await run(c);
    for (const req of requests) {
      const operationId = findOperation(req.method, req.url.pathname)?.operationId ?? `${req.method} ${req.url.pathname}`;
      const a = typeof c.answer === 'function' ? c.answer(req) : c.answer;
      expect(validateResponse({ operationId, status: a.status ?? 200, body: a.body })).toEqual([]);
    }
  });

  it('the table exercises every exported function of lib/x that can send a request', () => {
    const { missing, stale } = tableGaps(import.meta.glob<Record<string, unknown>>('/lib/x/*.ts', { eager: true }));
    expect(missing, 'exported by lib/x, neither in the table nor in NOT_REQUESTS').toEqual([]);
    expect(stale, 'named here, no longer exported by lib/x').toEqual([]);
  });

  it('the completeness check names a new request function the table lacks (canary)', () => {
    const modules = { ...import.meta.glob<Record<string, unknown>>('/lib/x/*.ts', { eager: true }) };
    modules['/lib/x/reposts.ts'] = { getRepostsOfMe: () => Promise.resolve() };
    expect(tableGaps(modules).missing).toEqual(['reposts.getRepostsOfMe']);
  });

  it('the table calls exactly the operations lib/x/operations.ts says Perch calls, as the description names them', async () => {
    const seen = new Set<string>();
    for (const c of CASES) {
      for (const req of await run(c)) {
        const listed = operationOf(req.method, req.url.pathname);
        expect(listed, `${req.method} ${req.url.pathname} is not in lib/x/operations.ts`).toBeDefined();
        const found = findOperation(req.method, req.url.pathname);
        expect({ operationId: found?.operationId, docsOnly: found?.docsOnly ?? false }).toEqual({
          operationId: listed!.operationId,
          docsOnly: listed!.docsOnly ?? false,
        });
        seen.add(listed!.operationId);
      }
    }
    expect([...seen].sort()).toEqual(X_OPERATIONS.map((o) => o.operationId).sort());
  });
});

describe('the check itself', () => {
  it('finds a violation in a request the description refuses (canary)', () => {
    const query = new URLSearchParams({ 'tweet.fields': 'text,not_a_field' });
    expect(validateRequest({ method: 'GET', path: `/2/tweets/${POST}`, query, scopes: [...X_SCOPES] })).not.toEqual([]);
  });

  it('finds a scope Perch did not ask for (canary)', () => {
    const query = new URLSearchParams({ max_results: '100' });
    const scopes = X_SCOPES.filter((s) => s !== 'bookmark.read');
    expect(validateRequest({ method: 'GET', path: `/2/users/${ME}/bookmarks`, query, scopes })).not.toEqual([]);
  });
});
