import { describe, expect, it } from 'vitest';
import { CROWD_PROTECTED_INDEX, CROWD_USER_IDS, SEED_ADA_FOLLOWING, SEED_BLOCKED_IDS, SEED_POSTS } from '../../emulator/seed';
import { emu, token, withAdaSignedIn } from '../support/emulator';
import { ADA_ID, GRACE_ID, api, control, readAnswer, sendJson, signIn } from './helpers';

const SCOPES = ['tweet.read', 'users.read', 'follows.write', 'offline.access'];
const BASE = `/2/users/${ADA_ID}/following`;
const KJOHNSON_ID = '1268291573458292736';

type Json = Record<string, unknown>;
interface Relations {
  following: string[];
  pending_follows: string[];
  followers: string[];
}

withAdaSignedIn(SCOPES);

/** X's status and body, without headers, for `toEqual`. */
async function send(method: string, path: string, payload?: unknown, t = token): Promise<{ status: number; body: Json }> {
  const { status, body } = await readAnswer(await sendJson(emu, method, path, t, payload));
  return { status, body };
}
const relations = (id = ADA_ID) => control<Relations>(emu, 'GET', `users/${id}/relations`);

describe('POST /2/users/:id/following and DELETE /2/users/:source_user_id/following/:target_user_id', () => {
  it('follows a public account at once and unfollows it', async () => {
    const target = CROWD_USER_IDS[30]!; // neither followed, muted nor blocked
    expect(await send('POST', BASE, { target_user_id: target })).toEqual({
      status: 200,
      body: { data: { following: true, pending_follow: false } },
    });
    expect(await send('POST', BASE, { target_user_id: target })).toEqual({
      status: 200,
      body: { data: { following: true, pending_follow: false } },
    });
    expect((await relations()).following).toEqual([...SEED_ADA_FOLLOWING, target]);
    const lookup = await api(emu, `/2/users/${target}?user.fields=connection_status`, token);
    expect(((await lookup.json()) as { data: { connection_status: string[] } }).data.connection_status).toEqual(['following']);
    expect(await send('DELETE', `${BASE}/${target}`)).toEqual({ status: 200, body: { data: { following: false } } });
    expect((await relations()).following).toEqual([...SEED_ADA_FOLLOWING]);
  });

  it.each([
    ['@kjohnson', KJOHNSON_ID],
    ['a protected crowd account', CROWD_USER_IDS[CROWD_PROTECTED_INDEX]!],
  ])('leaves a follow of %s pending until it is approved', async (_, target) => {
    expect(await send('POST', BASE, { target_user_id: target })).toEqual({
      status: 200,
      body: { data: { following: false, pending_follow: true } },
    });
    expect(await relations()).toMatchObject({ pending_follows: [target] });
    expect((await relations()).following).not.toContain(target);
    await control(emu, 'POST', 'follow-requests', { source_user_id: ADA_ID, target_user_id: target, action: 'accept' });
    expect(await relations()).toMatchObject({ pending_follows: [], following: [...SEED_ADA_FOLLOWING, target] });
    expect(await send('POST', BASE, { target_user_id: target })).toEqual({
      status: 200,
      body: { data: { following: true, pending_follow: false } },
    });
  });

  it('says a follow request is waiting in connection_status, to the one who sent it and the one who received it', async () => {
    const status = async (id: string, t = token) =>
      ((await (await api(emu, `/2/users/${id}?user.fields=connection_status`, t)).json()) as { data: { connection_status: string[] } }).data
        .connection_status;
    expect(await status(KJOHNSON_ID)).toEqual([]);
    await send('POST', BASE, { target_user_id: KJOHNSON_ID });
    expect(await status(KJOHNSON_ID)).toEqual(['follow_request_sent']);
    await control(emu, 'POST', 'follow-requests', { source_user_id: ADA_ID, target_user_id: KJOHNSON_ID, action: 'accept' });
    expect(await status(KJOHNSON_ID)).toEqual(['following']);
  });

  it('makes protected posts visible once the follow is approved, and unfollowing cancels a pending request', async () => {
    expect((await api(emu, `/2/tweets/${SEED_POSTS.kjohnsonProtected}`, token)).status).toBe(404);
    await send('POST', BASE, { target_user_id: KJOHNSON_ID });
    expect(await send('DELETE', `${BASE}/${KJOHNSON_ID}`)).toEqual({ status: 200, body: { data: { following: false } } });
    expect((await relations()).pending_follows).toEqual([]);
    await send('POST', BASE, { target_user_id: KJOHNSON_ID });
    await control(emu, 'POST', 'follow-requests', { source_user_id: ADA_ID, target_user_id: KJOHNSON_ID, action: 'accept' });
    expect((await api(emu, `/2/tweets/${SEED_POSTS.kjohnsonProtected}`, token)).status).toBe(200);
  });

  it('refuses a follow across a block, either way', async () => {
    const detail = 'You cannot follow this account: one of you has blocked the other.';
    expect(await send('POST', BASE, { target_user_id: SEED_BLOCKED_IDS[0] })).toMatchObject({ status: 403, body: { detail } });
    emu.state.relation(emu.state.blocking, CROWD_USER_IDS[20]!).add(ADA_ID);
    expect(await send('POST', BASE, { target_user_id: CROWD_USER_IDS[20] })).toMatchObject({ status: 403, body: { detail } });
  });

  it.each([
    [`/2/users/${ADA_ID}/following`, { target_user_id: '42' }, 404],
    [`/2/users/${ADA_ID}/following`, { target_user_id: ADA_ID }, 400],
    [`/2/users/${ADA_ID}/following`, { target_user_id: ['1'] }, 400],
    [`/2/users/${GRACE_ID}/following`, { target_user_id: CROWD_USER_IDS[30] }, 403],
  ])('POST %s %j answers %i', async (path, payload, status) => {
    expect((await send('POST', path, payload)).status).toBe(status);
    // Only the array breaks X's description (FollowUserRequest); the others are refusals of valid requests.
    expect(emu.contract.take({ operationId: 'followUser', rule: 'request-body' })).toHaveLength(
      Array.isArray(payload.target_user_id) ? 1 : 0,
    );
  });

  it('answers 403 to an unfollow on behalf of someone else, and without follows.write', async () => {
    expect((await send('DELETE', `/2/users/${GRACE_ID}/following/${ADA_ID}`)).status).toBe(403);
    expect((await relations(GRACE_ID)).following).toContain(ADA_ID);
    const narrow = (await signIn(emu, ['tweet.read', 'users.read', 'follows.read'])).access_token;
    expect((await send('POST', BASE, { target_user_id: CROWD_USER_IDS[30] }, narrow)).body).toMatchObject({
      missing_scopes: ['follows.write'],
    });
    emu.contract.claim({ operationId: 'followUser', rule: 'scopes' });
  });

  it('50 follow requests per 15 minutes', async () => {
    for (let i = 0; i < 50; i++) expect((await send('DELETE', `${BASE}/${GRACE_ID}`)).status).toBe(200);
    expect((await send('DELETE', `${BASE}/${GRACE_ID}`)).status).toBe(429);
    emu.state.advance(15 * 60);
    expect((await send('DELETE', `${BASE}/${GRACE_ID}`)).status).toBe(200);
  });
});

describe('control API', () => {
  it('GET /__emulator/users/:id/relations answers 404 for an unknown user; follow-requests 400 without a pending request', async () => {
    const res = await fetch(`${emu.url}/__emulator/users/42/relations`);
    expect(res.status).toBe(404);
    const bad = await fetch(`${emu.url}/__emulator/follow-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ source_user_id: ADA_ID, target_user_id: GRACE_ID, action: 'accept' }),
    });
    expect(bad.status).toBe(400);
  });

  it('GET /__emulator/state lists relations, lists and bookmarks', async () => {
    const state = await control<{ relations: Record<string, Record<string, string[]>>; lists: Json[] }>(emu, 'GET', 'state');
    expect(state.relations.following![ADA_ID]).toEqual([...SEED_ADA_FOLLOWING]);
    expect(state.relations.bookmarks![ADA_ID]).toHaveLength(1050);
    expect(state.relations.muting![ADA_ID]!.length).toBeGreaterThanOrEqual(40);
    expect(state.lists.length).toBe(9);
  });
});
