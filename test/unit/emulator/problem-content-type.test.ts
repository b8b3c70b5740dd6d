/**
 * X's OpenAPI description pairs each failure body with its media type: every operation's `default` answer is
 * `application/json` → components.schemas.Error ({code, message}) or `application/problem+json` →
 * components.schemas.Problem ({type, title, …}). A Problem sent as plain `application/json` is not an answer the
 * description allows, so the emulator must send its problems as `application/problem+json`, and the contract check
 * must read the content type rather than take a body that fits any of the operation's schemas.
 */
import { describe, expect, it } from 'vitest';
import { X_SCOPES } from '@/lib/config';
import { validateResponse } from '../../openapi/contract';
import { emu, token, withAdaSignedIn } from '../support/emulator';
import { ADA_ID, api, readAnswer, sendJson } from './helpers';

withAdaSignedIn([...X_SCOPES]);

const PROBLEM = { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'Unauthorized' };

describe('the contract check reads a failure by its content type (every operation’s `default`)', () => {
  it('flags a Problem sent as application/json, where the description has only Error', () => {
    const violations = validateResponse({ operationId: 'getUsersMe', status: 401, body: PROBLEM, contentType: 'application/json' });
    expect(violations.map((v) => v.rule)).toEqual(['response-body']);
  });

  it('takes the same Problem as application/problem+json, and an Error as application/json', () => {
    const asProblem = { operationId: 'getUsersMe', status: 401, body: PROBLEM, contentType: 'application/problem+json' };
    expect(validateResponse(asProblem)).toEqual([]);
    const error = { code: 32, message: 'Could not authenticate you.' };
    expect(
      validateResponse({ operationId: 'getUsersMe', status: 401, body: error, contentType: 'application/json; charset=utf-8' }),
    ).toEqual([]);
  });

  it('flags a failure sent as a media type the description does not list for it', () => {
    const violations = validateResponse({ operationId: 'getUsersMe', status: 503, body: PROBLEM, contentType: 'text/plain' });
    expect(violations.map((v) => v.rule)).toEqual(['response-content-type']);
  });
});

describe('the emulator sends its problems as application/problem+json', () => {
  // Each request breaks the description on purpose (the rule named), the answer must not.
  it.each([
    ['401, no token', 'security', () => api(emu, '/2/users/me')],
    ['400 invalid-request, a field X does not have', 'query-value', () => api(emu, '/2/users/me?user.fields=shoe_size', token)],
    ['404, a route X does not have', 'unknown-operation', () => api(emu, '/2/users/me/shoes', token)],
    ['403, another user’s bookmarks', undefined, () => sendJson(emu, 'POST', '/2/users/12/bookmarks', token, { tweet_id: '20' })],
  ])('%s', async (_what, rule, send) => {
    const answer = await readAnswer<{ type?: string; title?: string }>(await send());
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json\b/);
    expect(typeof answer.body.type).toBe('string');
    expect(typeof answer.body.title).toBe('string');
    if (rule) emu.contract.claim({ rule });
    expect(emu.contract.take()).toEqual([]);
  });

  it('keeps application/json for a success', async () => {
    const me = await api(emu, `/2/users/${ADA_ID}`, token);
    expect(me.status).toBe(200);
    expect(me.headers.get('content-type')).toMatch(/^application\/json\b/);
  });
});
