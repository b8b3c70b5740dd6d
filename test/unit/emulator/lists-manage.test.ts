import { describe, expect, it } from 'vitest';
import { CROWD_USER_IDS, SEED_ADA_PINNED_LISTS, SEED_LISTS } from '../../emulator/seed';
import { emu, token, withAdaSignedIn } from '../support/emulator';
import { ADA_ID, GRACE_ID, api, control, signIn } from './helpers';
import type { Json, ListJson, Page } from './lists-helpers';
import { SCOPES, PROBLEMS, get, send, signInAs, forbidden, notAuthorized } from './lists-helpers';

/**
 * The emulator's List writes: create, update and delete a List, its members, pinning and following, and their rate
 * limits. Reading Lists: lists.test.ts.
 */

withAdaSignedIn(SCOPES);

describe('POST /2/lists, PUT and DELETE /2/lists/:id', () => {
  it('creates a list, which its owner can then read, update and delete', async () => {
    const created = await send('POST', '/2/lists', { name: 'Perch testers 🐦', description: 'People trying Perch', private: true });
    expect(created.status).toBe(200);
    const { id, name } = created.body.data as { id: string; name: string };
    expect(id).toMatch(/^[0-9]{19}$/);
    expect(name).toBe('Perch testers 🐦');
    expect((await get(`/2/lists/${id}?list.fields=description,private,member_count,owner_id`)).body).toEqual({
      data: { id, name, description: 'People trying Perch', private: true, member_count: 0, owner_id: ADA_ID },
    });
    expect((await get<Page<ListJson>>(`/2/users/${ADA_ID}/owned_lists`)).body.data![0]!.id).toBe(id);

    const updated = await send('PUT', `/2/lists/${id}`, { name: '日本語 tech 2', private: false });
    expect(updated).toEqual({ status: 200, body: { data: { updated: true } } });
    expect((await get(`/2/lists/${id}?list.fields=private`)).body).toEqual({ data: { id, name: '日本語 tech 2', private: false } });

    expect(await send('DELETE', `/2/lists/${id}`)).toEqual({ status: 200, body: { data: { deleted: true } } });
    expect((await get(`/2/lists/${id}`)).status).toBe(404);
    expect((await send('DELETE', `/2/lists/${id}`)).status).toBe(404);
  });

  it('deleting a pinned and followed list takes it out of pins and follows', async () => {
    const grace = await signInAs(GRACE_ID);
    expect((await send('DELETE', `/2/lists/${SEED_LISTS.adaCompilers}`)).status).toBe(200);
    const rel = await control<{ pinned_lists: string[]; followed_lists: string[] }>(emu, 'GET', `users/${ADA_ID}/relations`);
    expect(rel.pinned_lists).toEqual([SEED_LISTS.xdevBuilders]);
    const graceRel = await control<{ followed_lists: string[] }>(emu, 'GET', `users/${GRACE_ID}/relations`);
    expect(graceRel.followed_lists).not.toContain(SEED_LISTS.adaCompilers);
    expect((await get(`/2/lists/${SEED_LISTS.adaCompilers}`, grace)).status).toBe(404);
  });

  it.each([
    [{}, '$.name: is missing but it is required'],
    [{ name: '' }, '$.name: must be at least 1 characters long'],
    [{ name: 'x'.repeat(26) }, '$.name: may only be 25 characters long'],
    [{ name: 'ok', description: 'd'.repeat(101) }, '$.description: may only be 100 characters long'],
    [{ name: 'ok', private: 'yes' }, '$.private: string found, boolean expected'],
    [{ name: 'ok', mode: 'public' }, '$.mode: is not defined in the schema and the schema does not allow additional properties'],
  ])('answers 400 to the body %j', async (payload, message) => {
    const res = await send('POST', '/2/lists', payload);
    // X's ListCreateRequest allows other properties (the emulator, like POST /2/tweets, does not).
    expect(emu.contract.take({ operationId: 'createLists', rule: 'request-body' })).toHaveLength('mode' in payload ? 0 : 1);
    expect(res).toEqual({
      status: 400,
      body: {
        errors: [{ message }],
        title: 'Invalid Request',
        detail: 'One or more parameters to your request was invalid.',
        type: `${PROBLEMS}invalid-request`,
      },
    });
  });

  it('accepts a 25-character name and refuses a blank one', async () => {
    expect((await send('POST', '/2/lists', { name: 'ü'.repeat(25) })).status).toBe(200);
    const blank = await send('POST', '/2/lists', { name: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.errors).toEqual([{ parameters: { name: ['   '] }, message: 'The `name` of a List can not be blank.' }]);
  });

  it.each([
    ['PUT', { name: 'mine now' }, 'You can only update Lists that you own.'],
    ['DELETE', undefined, 'You can only delete Lists that you own.'],
  ])('answers 403 to %s of a list someone else owns', async (method, payload, detail) => {
    expect(await send(method, `/2/lists/${SEED_LISTS.graceNavy}`, payload)).toEqual({ status: 403, body: forbidden(detail) });
    expect(emu.state.lists.get(SEED_LISTS.graceNavy)!.name).toBe('Navy computing ⚓');
  });

  it('needs list.read and list.write to create, list.write to update', async () => {
    const writeOnly = (await signIn(emu, ['tweet.read', 'users.read', 'list.write'])).access_token;
    const res = await send('POST', '/2/lists', { name: 'x' }, writeOnly);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ missing_scopes: ['list.read'] });
    expect((await send('PUT', `/2/lists/${SEED_LISTS.adaReading}`, { name: 'x' }, writeOnly)).status).toBe(200);
    const readOnly = (await signIn(emu, ['tweet.read', 'users.read', 'list.read'])).access_token;
    expect((await send('PUT', `/2/lists/${SEED_LISTS.adaReading}`, { name: 'x' }, readOnly)).status).toBe(403);
    expect((await get(`/2/lists/${SEED_LISTS.adaReading}`, writeOnly)).status).toBe(403);
    expect(emu.contract.take({ rule: 'scopes' }).map((v) => v.operationId)).toEqual(['createLists', 'updateLists', 'getListsById']);
  });
});

describe('list members', () => {
  const base = `/2/lists/${SEED_LISTS.adaReading}/members`;

  it('adds and removes a member; adding twice changes nothing', async () => {
    const newcomer = CROWD_USER_IDS[20]!;
    expect(await send('POST', base, { user_id: newcomer })).toEqual({ status: 200, body: { data: { is_member: true } } });
    expect(await send('POST', base, { user_id: newcomer })).toEqual({ status: 200, body: { data: { is_member: true } } });
    const list = await get<{ data: ListJson }>(`/2/lists/${SEED_LISTS.adaReading}?list.fields=member_count`);
    expect(list.body.data.member_count).toBe(5);
    expect((await get<Page<Json>>(`${base}?max_results=1`)).body.data![0]!.id).toBe(newcomer);
    expect(await send('DELETE', `${base}/${newcomer}`)).toEqual({ status: 200, body: { data: { is_member: false } } });
    expect(emu.state.lists.get(SEED_LISTS.adaReading)!.members).not.toContain(newcomer);
  });

  it('answers 404 to an unknown user and 403 to a list Ada does not own', async () => {
    expect(await send('POST', base, { user_id: '42' })).toMatchObject({
      status: 404,
      body: {
        errors: [
          {
            value: '42',
            detail: 'Could not find user with user_id: [42].',
            title: 'Not Found Error',
            resource_type: 'user',
            parameter: 'user_id',
            resource_id: '42',
            type: `${PROBLEMS}resource-not-found`,
          },
        ],
      },
    });
    expect(await send('POST', `/2/lists/${SEED_LISTS.graceNavy}/members`, { user_id: GRACE_ID })).toEqual({
      status: 403,
      body: forbidden('You can only manage members of Lists you own.'),
    });
    expect((await send('DELETE', `/2/lists/${SEED_LISTS.graceNavy}/members/${ADA_ID}`)).status).toBe(403);
  });

  it('refuses to add someone who has blocked the list owner', async () => {
    emu.state.relation(emu.state.blocking, CROWD_USER_IDS[21]!).add(ADA_ID);
    expect(await send('POST', base, { user_id: CROWD_USER_IDS[21] })).toEqual({
      status: 403,
      body: forbidden('You cannot add this user to a List: they have blocked you.'),
    });
  });
});

describe('pinned and followed lists', () => {
  it('pins a followed list and unpins it', async () => {
    const pin = await send('POST', `/2/users/${ADA_ID}/pinned_lists`, { list_id: SEED_LISTS.zoePlants });
    expect(pin).toEqual({ status: 200, body: { data: { pinned: true } } });
    expect((await get<Page<ListJson>>(`/2/users/${ADA_ID}/pinned_lists`)).body.data!.map((l) => l.id)).toEqual([
      ...SEED_ADA_PINNED_LISTS,
      SEED_LISTS.zoePlants,
    ]);
    expect(await send('DELETE', `/2/users/${ADA_ID}/pinned_lists/${SEED_LISTS.zoePlants}`)).toEqual({
      status: 200,
      body: { data: { pinned: false } },
    });
  });

  it('pins only lists one owns or follows, and at most 5', async () => {
    expect(await send('POST', `/2/users/${ADA_ID}/pinned_lists`, { list_id: SEED_LISTS.turingBletchley })).toEqual({
      status: 403,
      body: forbidden('You can only pin Lists you follow or own.'),
    });
    for (const id of [SEED_LISTS.adaJapanese, SEED_LISTS.adaClose, SEED_LISTS.adaReading])
      expect((await send('POST', `/2/users/${ADA_ID}/pinned_lists`, { list_id: id })).status).toBe(200);
    expect(await send('POST', `/2/users/${ADA_ID}/pinned_lists`, { list_id: SEED_LISTS.zoePlants })).toEqual({
      status: 403,
      body: forbidden('You cannot pin more than 5 Lists.'),
    });
    // Pinning an already pinned list is not a sixth pin.
    expect((await send('POST', `/2/users/${ADA_ID}/pinned_lists`, { list_id: SEED_LISTS.adaClose })).status).toBe(200);
  });

  it('follows a visible list, refuses a hidden one or its own, and unfollowing also unpins', async () => {
    expect(await send('POST', `/2/users/${ADA_ID}/followed_lists`, { list_id: SEED_LISTS.turingBletchley })).toEqual({
      status: 200,
      body: { data: { following: true } },
    });
    expect(await send('POST', `/2/users/${ADA_ID}/followed_lists`, { list_id: SEED_LISTS.graceDrafts })).toEqual({
      status: 403,
      body: notAuthorized(SEED_LISTS.graceDrafts, 'list_id'),
    });
    expect(await send('POST', `/2/users/${ADA_ID}/followed_lists`, { list_id: SEED_LISTS.adaJapanese })).toEqual({
      status: 403,
      body: forbidden('You cannot follow a List you own.'),
    });
    expect((await send('POST', `/2/users/${ADA_ID}/followed_lists`, { list_id: '999' })).status).toBe(404);
    expect(await send('DELETE', `/2/users/${ADA_ID}/followed_lists/${SEED_LISTS.xdevBuilders}`)).toEqual({
      status: 200,
      body: { data: { following: false } },
    });
    const rel = await control<{ followed_lists: string[]; pinned_lists: string[] }>(emu, 'GET', `users/${ADA_ID}/relations`);
    expect(rel.followed_lists).toEqual([SEED_LISTS.graceNavy, SEED_LISTS.zoePlants, SEED_LISTS.turingBletchley]);
    expect(rel.pinned_lists).toEqual([SEED_LISTS.adaCompilers]);
  });

  it.each([
    ['POST', `/2/users/${GRACE_ID}/pinned_lists`, { list_id: SEED_LISTS.adaCompilers }],
    ['DELETE', `/2/users/${GRACE_ID}/pinned_lists/${SEED_LISTS.adaCompilers}`, undefined],
    ['POST', `/2/users/${GRACE_ID}/followed_lists`, { list_id: SEED_LISTS.zoePlants }],
    ['DELETE', `/2/users/${GRACE_ID}/followed_lists/${SEED_LISTS.xdevBuilders}`, undefined],
  ])('answers 403 to %s %s on behalf of someone else', async (method, path, payload) => {
    const res = await send(method, path, payload);
    expect(res.status).toBe(403);
    expect(res.body.detail).toContain(`[${GRACE_ID}] is not the id of the user of this access token`);
  });
});

describe('rate limits', () => {
  it.each([
    [`/2/users/${ADA_ID}/owned_lists`, 15],
    [`/2/users/${ADA_ID}/followed_lists`, 15],
    [`/2/users/${ADA_ID}/pinned_lists`, 15],
    [`/2/users/${ADA_ID}/list_memberships`, 75],
    [`/2/lists/${SEED_LISTS.adaCompilers}`, 75],
  ])('GET %s: %i per 15 minutes, then 429 until the window resets', async (path, limit) => {
    for (let i = 0; i < limit; i++) {
      const res = await api(emu, path, token);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-rate-limit-remaining')).toBe(String(limit - i - 1));
    }
    expect((await api(emu, path, token)).status).toBe(429);
    emu.state.advance(15 * 60);
    expect((await api(emu, path, token)).status).toBe(200);
  });

  it('pin writes: 50 per 15 minutes', async () => {
    for (let i = 0; i < 50; i++) expect((await send('DELETE', `/2/users/${ADA_ID}/pinned_lists/${SEED_LISTS.zoePlants}`)).status).toBe(200);
    expect((await send('DELETE', `/2/users/${ADA_ID}/pinned_lists/${SEED_LISTS.zoePlants}`)).status).toBe(429);
  });
});
