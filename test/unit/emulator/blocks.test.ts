import { describe, expect, it } from 'vitest';
import { CROWD_USER_IDS, SEED_BLOCKED_IDS } from '../../emulator/seed';
import { emu, token, withAdaSignedIn } from '../support/emulator';
import { ADA_ID, GRACE_ID, control, readAnswer, sendJson, signIn } from './helpers';

const SCOPES = ['tweet.read', 'users.read', 'block.read', 'block.write', 'follows.write', 'offline.access'];
const BASE = `/2/users/${ADA_ID}/blocking`;
const ENTERPRISE_ONLY = {
  title: 'Client Forbidden',
  detail: 'The block and unblock users endpoints are only available under the Enterprise plan.',
  type: 'https://api.x.com/2/problems/client-forbidden',
  status: 403,
  reason: 'client-not-enrolled',
};

type Json = Record<string, unknown>;

withAdaSignedIn(SCOPES, { selfServe: true });

const send = async (method: string, path: string, payload?: unknown, t = token) =>
  readAnswer(await sendJson(emu, method, path, t, payload));
const relations = (id = ADA_ID) =>
  control<{ blocking: string[]; following: string[]; followers: string[] }>(emu, 'GET', `users/${id}/relations`);

describe('GET /2/users/:id/blocking', () => {
  it('answers the blocked accounts newest first, on any plan', async () => {
    const { status, body, headers } = await send('GET', `${BASE}?user.fields=verified`);
    expect(status).toBe(200);
    expect(headers.get('x-rate-limit-limit')).toBe('15');
    const data = body.data as { id: string; verified: boolean }[];
    expect(data.map((u) => u.id)).toEqual([...SEED_BLOCKED_IDS].reverse());
    expect(data.every((u) => typeof u.verified === 'boolean')).toBe(true);
    expect(body.meta).toEqual({ result_count: SEED_BLOCKED_IDS.length });
  });

  it('pages with max_results and answers 400 outside 1–1000', async () => {
    const first = await send('GET', `${BASE}?max_results=4`);
    expect((first.body.data as Json[]).length).toBe(4);
    const token2 = (first.body.meta as { next_token: string }).next_token;
    const second = await send('GET', `${BASE}?max_results=4&pagination_token=${token2}`);
    const third = await send('GET', `${BASE}?max_results=4&pagination_token=${(second.body.meta as { next_token: string }).next_token}`);
    expect(third.body.meta).toEqual({ result_count: 1, previous_token: expect.any(String) });
    expect((await send('GET', `${BASE}?max_results=1001`)).status).toBe(400);
    emu.contract.claim({ operationId: 'getUsersBlocking', rule: 'query-value' });
  });

  it('answers 403 for someone else, and without block.read', async () => {
    expect((await send('GET', `/2/users/${GRACE_ID}/blocking`)).status).toBe(403);
    const narrow = (await signIn(emu, ['tweet.read', 'users.read', 'block.write'])).access_token;
    const res = await send('GET', BASE, undefined, narrow);
    emu.contract.claim({ operationId: 'getUsersBlocking', rule: 'scopes' });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ missing_scopes: ['block.read'] });
  });

  it('15 reads per 15 minutes, then 429 until the window resets', async () => {
    for (let i = 0; i < 15; i++) expect((await send('GET', BASE)).status).toBe(200);
    expect((await send('GET', BASE)).status).toBe(429);
    emu.state.advance(15 * 60);
    expect((await send('GET', BASE)).status).toBe(200);
  });
});

describe('POST /2/users/:id/blocking and DELETE /2/users/:source_user_id/blocking/:target_user_id', () => {
  it.each([
    ['POST', BASE, { target_user_id: GRACE_ID }],
    ['DELETE', `${BASE}/${SEED_BLOCKED_IDS[0]}`, undefined],
    ['POST', `/2/users/${GRACE_ID}/blocking`, { target_user_id: ADA_ID }],
  ])('answers 403 client-forbidden to %s %s without the Enterprise plan, changing nothing', async (method, path, payload) => {
    const res = await send(method, path, payload);
    expect(res.status).toBe(403);
    expect(res.body).toEqual(ENTERPRISE_ONLY);
    expect((await relations()).blocking).toEqual([...SEED_BLOCKED_IDS]);
  });

  it('blocks and unblocks with Enterprise; a block ends follows both ways', async () => {
    await control(emu, 'POST', 'config', { enterprise: true });
    expect((await relations()).following).toContain(GRACE_ID);
    expect((await relations()).followers).toContain(GRACE_ID);
    expect(await send('POST', BASE, { target_user_id: GRACE_ID })).toMatchObject({ status: 200, body: { data: { blocking: true } } });
    const after = await relations();
    expect(after.blocking.at(-1)).toBe(GRACE_ID);
    expect(after.following).not.toContain(GRACE_ID);
    expect(after.followers).not.toContain(GRACE_ID);
    expect(((await send('GET', `${BASE}?max_results=1`)).body.data as Json[])[0]!.id).toBe(GRACE_ID);
    // Blocked: no following back.
    expect((await send('POST', `/2/users/${ADA_ID}/following`, { target_user_id: GRACE_ID })).status).toBe(403);
    expect(await send('DELETE', `${BASE}/${GRACE_ID}`)).toMatchObject({ status: 200, body: { data: { blocking: false } } });
    expect((await relations()).blocking).toEqual([...SEED_BLOCKED_IDS]);
  });

  it('with Enterprise, checks the id, the target and the scope', async () => {
    emu.state.enterprise = true;
    expect((await send('POST', `/2/users/${GRACE_ID}/blocking`, { target_user_id: CROWD_USER_IDS[1] })).status).toBe(403);
    expect((await send('DELETE', `/2/users/${GRACE_ID}/blocking/${CROWD_USER_IDS[1]}`)).status).toBe(403);
    expect((await send('POST', BASE, { target_user_id: '42' })).status).toBe(404);
    expect((await send('POST', BASE, { target_user_id: ADA_ID })).status).toBe(400);
    const narrow = (await signIn(emu, ['tweet.read', 'users.read', 'block.read'])).access_token;
    expect((await send('POST', BASE, { target_user_id: CROWD_USER_IDS[1] }, narrow)).body).toMatchObject({
      missing_scopes: ['block.write'],
    });
    emu.contract.claim({ operationId: 'blockUser', rule: 'scopes' });
  });
});
