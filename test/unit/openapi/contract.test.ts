/**
 * Canaries for the contract checks (test/openapi/contract.ts, the emulator's observer and the teardown that fails a
 * test): each feeds a violation in and expects it to be caught, so the guard cannot pass everything unnoticed.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/server';
import { assertNoLiveViolations } from '../../emulator/contract-registry';
import { findOperation, responseSchema, validateRequest, validateResponse } from '../../openapi/contract';
import { DESCRIPTION_FIXES, DOCS_OPERATIONS } from '../../openapi/exceptions';
import { X_OPERATIONS } from '@/lib/x/operations';
import { ADA_ID, api, signIn } from '../emulator/helpers';
import { emu, withTestEmulator } from '../support/emulator';

const PAGES = fileURLToPath(new URL('../../../../shared/x-docs/pages/', import.meta.url));
const READ = ['tweet.read', 'users.read'];

describe('validateRequest', () => {
  it('flags a bogus tweet.fields value, naming the operation and the rule', () => {
    const violations = validateRequest({
      method: 'GET',
      path: '/2/tweets/1346889436626259968',
      query: new URLSearchParams('tweet.fields=created_at,bogus'),
      scopes: READ,
    });
    expect(violations).toEqual([{ operationId: 'getPostsById', rule: 'query-value', message: expect.stringContaining('"bogus"') }]);
  });

  it('accepts a request X describes: comma-separated fields and expansions, a max_results in range', () => {
    expect(
      validateRequest({
        method: 'GET',
        path: `/2/users/${ADA_ID}/bookmarks`,
        query: new URLSearchParams('max_results=100&tweet.fields=note_tweet,entities&expansions=author_id&user.fields=username'),
        scopes: ['bookmark.read', ...READ],
      }),
    ).toEqual([]);
  });

  it.each([
    ['an undeclared parameter', 'GET', `/2/users/${ADA_ID}/muting`, 'colour=blue', undefined, 'query-undeclared'],
    ['max_results out of range', 'GET', `/2/users/${ADA_ID}/bookmarks`, 'max_results=101', undefined, 'query-value'],
    ['a repeated comma-separated parameter', 'GET', '/2/users/me', 'user.fields=id&user.fields=name', undefined, 'query-value'],
    ['a path id that is not an id', 'DELETE', `/2/users/${ADA_ID}/likes/x1`, '', undefined, 'path-param'],
    ['a body property the schema forbids', 'POST', '/2/tweets', '', { text: 'hi', colour: 'blue' }, 'request-body'],
    ['a GIF through the one-request upload', 'POST', '/2/media/upload', '', { media: 'R0lG', media_category: 'tweet_gif' }, 'request-body'],
    ['a path the description lacks', 'GET', '/2/tweets/search/everything', '', undefined, 'unknown-operation'],
    [
      'a body on a DELETE, which takes none',
      'DELETE',
      `/2/users/${ADA_ID}/likes/1346889436626259968`,
      '',
      { tweet_id: '1' },
      'request-body',
    ],
    ['a body on a GET, which takes none', 'GET', `/2/users/${ADA_ID}/muting`, '', { max_results: 10 }, 'request-body'],
  ])('flags %s', (_name, method, path, query, body, rule) => {
    const violations = validateRequest({
      method,
      path,
      query: new URLSearchParams(query),
      ...(body ? { body, contentType: 'application/json' } : {}),
    });
    expect(violations.map((v) => v.rule)).toContain(rule);
  });

  it('takes any one security alternative, but only an OAuth 2.0 one can be met by a user token', () => {
    const me = (scopes: string[]) => validateRequest({ method: 'GET', path: '/2/users/me', query: new URLSearchParams(), scopes });
    expect(me(READ)).toEqual([]);
    // getUsersMe also lists {"UserToken": []} (OAuth 1.0a): an empty list there must not let a bare token through.
    expect(me([])).toEqual([expect.objectContaining({ operationId: 'getUsersMe', rule: 'scopes' })]);
    expect(validateRequest({ method: 'GET', path: '/2/users/me', query: new URLSearchParams(), authenticated: false })).toEqual([
      expect.objectContaining({ rule: 'security' }),
    ]);
  });

  it('checks what the description omits against the doc pages: the blocking writes and the token endpoint', () => {
    expect(findOperation('POST', `/2/users/${ADA_ID}/blocking`)).toMatchObject({ operationId: 'blockUser', docsOnly: true });
    const block = (body: unknown) =>
      validateRequest({
        method: 'POST',
        path: `/2/users/${ADA_ID}/blocking`,
        query: new URLSearchParams(),
        body,
        contentType: 'application/json',
        scopes: ['block.write', ...READ],
      });
    expect(block({ target_user_id: '1452871219391512578' })).toEqual([]);
    expect(block({ user_id: '1452871219391512578' })).toEqual([expect.objectContaining({ rule: 'docs-request' })]);
    const token = validateRequest({
      method: 'POST',
      path: '/2/oauth2/token',
      query: new URLSearchParams(),
      body: { grant_type: 'refresh_token', refresh_token: 'r' },
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(token).toEqual([{ operationId: 'oauth2Token', rule: 'docs-request', message: 'form field client_id is missing' }]);
  });
});

describe('validateResponse', () => {
  it('flags a post with a numeric id, and one with no id is fine only because the description requires none', () => {
    expect(validateResponse({ operationId: 'getPostsById', status: 200, body: { data: { id: 1346889436626259968, text: 'hi' } } })).toEqual(
      [{ operationId: 'getPostsById', rule: 'response-body', message: expect.stringContaining('/data/id must be string') }],
    );
    expect(
      validateResponse({ operationId: 'getPostsById', status: 200, body: { data: { id: '1346889436626259968', text: 'hi' } } }),
    ).toEqual([]);
  });

  it('accepts problem types on both hosts and refuses a type the description does not map', () => {
    const notFound = (host: string) => ({
      title: 'Not Found Error',
      type: `${host}/2/problems/resource-not-found`,
      detail: 'Could not find tweet with id: [1].',
      parameter: 'id',
      value: '1',
      resource_id: '1',
      resource_type: 'tweet',
    });
    for (const host of ['https://api.x.com', 'https://api.twitter.com'])
      expect(validateResponse({ operationId: 'getPostsById', status: 404, body: notFound(host) })).toEqual([]);
    const made = validateResponse({
      operationId: 'getPostsById',
      status: 404,
      body: { ...notFound('https://api.x.com'), type: 'https://api.x.com/2/problems/made-up' },
    });
    expect(made[0]?.message).toContain('made-up');
    // The mapped schema is checked too: a resource-not-found problem needs its resource fields.
    const bare = validateResponse({
      operationId: 'getPostsById',
      status: 404,
      body: { title: 'Not Found Error', type: 'https://api.x.com/2/problems/resource-not-found' },
    });
    expect(bare[0]?.message).toContain('resource_type');
  });

  it('flags a status the operation does not answer, and a success status answered through `default`', () => {
    expect(validateResponse({ operationId: 'createLists', status: 201, body: { data: { id: '1', name: 'x' } } })).toEqual([
      expect.objectContaining({ rule: 'response-status' }),
    ]);
  });

  it('resolves a response schema with every $ref inlined, for generators', () => {
    const schema = JSON.stringify(responseSchema('getUsersBookmarks', 200));
    expect(schema).toContain('"edit_history_tweet_ids"');
    expect(schema).not.toContain('$ref');
  });
});

describe('exceptions.ts', () => {
  it('cites a doc page that exists for every exception and every docs-only operation', () => {
    for (const page of [...DESCRIPTION_FIXES.map((f) => f.page), ...DOCS_OPERATIONS.map((d) => d.page)])
      expect(existsSync(PAGES + page), page).toBe(true);
  });

  it('knows every operation Perch calls, each under the same method and template as lib/x/operations.ts', () => {
    for (const op of X_OPERATIONS) {
      const path = op.template.replace(/\{[^}]+\}/g, '1');
      expect(findOperation(op.method, path), `${op.method} ${op.template}`).toMatchObject({
        operationId: op.operationId,
        template: op.template,
      });
    }
  });
});

describe('the emulator as an observer', () => {
  let token: string;
  withTestEmulator();
  beforeEach(async () => {
    token = (await signIn(emu)).access_token;
  });

  it('records a bogus tweet.fields value, and still answers as before', async () => {
    const id = [...emu.state.posts.values()].find((p) => p.authorId === ADA_ID)!.id;
    const res = await api(emu, `/2/tweets/${id}?tweet.fields=bogus`, token);
    expect(res.status).toBe(400);
    expect(emu.contract.take()).toEqual([
      expect.objectContaining({ operationId: 'getPostsById', rule: 'query-value', method: 'GET', path: `/2/tweets/${id}` }),
    ]);
  });

  it('flags an answer it breaks itself: a post whose id is a number', async () => {
    const [id, post] = [...emu.state.posts.entries()].find(([, p]) => p.authorId === ADA_ID)!;
    emu.state.posts.set(id, { ...post, id: Number(id) as unknown as string });
    const res = await api(emu, `/2/tweets/${id}`, token);
    expect(res.status).toBe(200);
    expect(emu.contract.take()).toEqual([
      expect.objectContaining({
        operationId: 'getPostsById',
        rule: 'response-body',
        status: 200,
        message: expect.stringContaining('/data/id'),
      }),
    ]);
  });

  it('exempts only the answers a fault breaks on purpose, never the request', async () => {
    await fetch(`${emu.url}/__emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path: '/2/users/me', count: 2, kind: 'malformed' }),
    });
    expect((await api(emu, '/2/users/me', token)).status).toBe(200);
    expect(emu.contract.take()).toEqual([]);
    await api(emu, '/2/users/me?colour=blue', token);
    expect(emu.contract.take().map((v) => v.rule)).toEqual(['query-undeclared']);
  });

  it('leaves alone what is not the API (the consent page, the favicon a browser asks for), but nothing else', async () => {
    for (const path of ['/favicon.ico', '/', '/i/oauth2/authorize']) await fetch(emu.url + path);
    expect(emu.contract.take()).toEqual([]);
    await api(emu, '/1.1/statuses/update.json', token);
    expect(emu.contract.take()).toEqual([expect.objectContaining({ rule: 'unknown-operation', path: '/1.1/statuses/update.json' })]);
  });

  it('serves what it saw at GET /__emulator/contract, and DELETE claims it', async () => {
    await api(emu, '/2/users/me?colour=blue', token);
    const report = (await (await fetch(`${emu.url}/__emulator/contract`)).json()) as { violations: unknown[]; operationsSeen: string[] };
    expect(report.operationsSeen).toContain('getUsersMe');
    expect(report.violations).toEqual([expect.objectContaining({ operationId: 'getUsersMe', rule: 'query-undeclared' })]);
    await fetch(`${emu.url}/__emulator/contract`, { method: 'DELETE' });
    expect(emu.contract.violations).toEqual([]);
  });

  it('makes the teardown throw, naming the operationId and the rule, even after the emulator closed', async () => {
    const other = await startEmulator({ port: 0 });
    await fetch(`${other.url}/2/users/me?user.fields=shoe_size`);
    await other.close();
    expect(() => assertNoLiveViolations()).toThrow(/getUsersMe \[query-value\][\s\S]*getUsersMe \[security\]/);
    expect(() => assertNoLiveViolations()).not.toThrow();
  });
});
