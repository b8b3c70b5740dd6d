/**
 * The requests X's OpenAPI description does not cover — the Enterprise-only blocking writes — checked against the
 * docs pages instead (the rest: requests.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { X_SCOPES } from '@/lib/config';
import * as blocks from '@/lib/x/blocks';
import { X_OPERATIONS } from '@/lib/x/operations';
import { findOperation } from '../../openapi/contract';
import { capturing } from './capture';
import { ME, OTHER, flag } from './requests-cases';

describe('requests the description does not cover, against the docs pages', () => {
  // x-api--users--blocks--introduction and --quickstart: POST /2/users/:id/blocking with a JSON body
  // {"target_user_id"} and DELETE /2/users/:source_user_id/blocking/:target_user_id without one; --integrate,
  // "Required scopes": block.write (with users.read); Enterprise plan only.
  it('blockUser sends POST /2/users/:id/blocking with {"target_user_id"} as JSON, which the docs describe', async () => {
    const { client, requests } = capturing(flag('blocking'));
    await blocks.blockUser(client, ME, OTHER);
    expect(requests).toHaveLength(1);
    const [req] = requests;
    expect(req!.method).toBe('POST');
    expect(req!.url.href).toBe(`https://api.x.com/2/users/${ME}/blocking`);
    expect(req!.headers.get('content-type')).toBe('application/json');
    expect(req!.body).toEqual({ target_user_id: OTHER });
    expect(findOperation('POST', req!.url.pathname)?.docsOnly).toBe(true); // the description does not have it
  });

  it('unblockUser sends DELETE /2/users/:source_user_id/blocking/:target_user_id without a body', async () => {
    const { client, requests } = capturing(flag('blocking', false));
    await blocks.unblockUser(client, ME, OTHER);
    expect(requests).toHaveLength(1);
    const [req] = requests;
    expect(req!.method).toBe('DELETE');
    expect(req!.url.href).toBe(`https://api.x.com/2/users/${ME}/blocking/${OTHER}`);
    expect(req!.raw).toBeUndefined();
    expect(findOperation('DELETE', req!.url.pathname)?.docsOnly).toBe(true);
  });

  it.each(['blockUser', 'unblockUser'])('Perch asks for the scopes the docs name for %s: block.write and users.read', (id) => {
    const listed = X_OPERATIONS.find((o) => o.operationId === id)!;
    expect(listed.docsOnly).toBe(true);
    expect(listed.scopes).toEqual(expect.arrayContaining(['block.write', 'users.read']));
    expect(X_SCOPES).toEqual(expect.arrayContaining([...listed.scopes]));
  });
});
