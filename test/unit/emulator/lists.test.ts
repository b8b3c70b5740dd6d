import { describe, expect, it } from 'vitest';
import { CROWD_USER_IDS, SEED_ADA_FOLLOWED_LISTS, SEED_ADA_PINNED_LISTS, SEED_LISTS, seedMorePosts } from '../../emulator/seed';
import { emu, token, withAdaSignedIn } from '../support/emulator';
import { ADA_ID, GRACE_ID, api, control, readAnswer, sendJson, signIn } from './helpers';

const SCOPES = ['tweet.read', 'users.read', 'list.read', 'list.write', 'offline.access'];
const XDEV_ID = '2244994945';
const TURING_ID = '1097398373457707008';
const PROBLEMS = 'https://api.x.com/2/problems/';

type Json = Record<string, unknown>;
interface ListJson {
  id: string;
  name: string;
  description?: string;
  private?: boolean;
  owner_id?: string;
  member_count?: number;
  follower_count?: number;
  created_at?: string;
}
interface Page<T> {
  data?: T[];
  includes?: { users?: Json[] };
  meta: { result_count: number; next_token?: string };
}

withAdaSignedIn(SCOPES);

const get = async <T = Json>(path: string, t = token) => readAnswer<T>(await api(emu, path, t));
/** X's status and body, without headers, for `toEqual`. */
async function send(method: string, path: string, payload?: unknown, t = token): Promise<{ status: number; body: Json }> {
  const { status, body } = await readAnswer(await sendJson(emu, method, path, t, payload));
  return { status, body };
}
async function signInAs(userId: string, scopes = SCOPES): Promise<string> {
  await control(emu, 'POST', 'session', { user_id: userId });
  const t = (await signIn(emu, scopes)).access_token;
  await control(emu, 'POST', 'session', { user_id: ADA_ID });
  return t;
}
async function walk<T extends { id: string }>(path: string, max: number): Promise<{ ids: string[]; requests: number }> {
  const ids: string[] = [];
  let requests = 0;
  let next: string | undefined;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const { status, body } = await get<Page<T>>(`${path}${sep}max_results=${max}${next ? `&pagination_token=${next}` : ''}`);
    expect(status).toBe(200);
    requests++;
    ids.push(...(body.data ?? []).map((x) => x.id));
    next = body.meta.next_token;
  } while (next);
  return { ids, requests };
}
const forbidden = (detail: string) => ({ title: 'Forbidden', type: 'about:blank', status: 403, detail });
const notAuthorized = (id: string, parameter = 'id') => {
  const entry = {
    value: id,
    detail: `You are not authorized to see the List with ${parameter}: [${id}].`,
    title: 'Authorization Error',
    resource_type: 'list',
    parameter,
    resource_id: id,
    section: 'data',
    type: `${PROBLEMS}not-authorized-for-resource`,
  };
  // A ResourceUnauthorizedProblem (X's OpenAPI `default` answer), with the entry in `errors` as the lookups show it.
  return { ...entry, status: 403, errors: [entry] };
};
const ALL_FIELDS = 'list.fields=created_at,description,follower_count,member_count,owner_id,private';

describe('GET /2/lists/:id', () => {
  it('answers id and name by default, and the other fields and the owner when asked', async () => {
    const plain = await get(`/2/lists/${SEED_LISTS.adaCompilers}`);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('x-rate-limit-limit')).toBe('75');
    expect(plain.body).toEqual({ data: { id: SEED_LISTS.adaCompilers, name: 'Compiler folks 🛠️' } });

    const full = await get(`/2/lists/${SEED_LISTS.xdevBuilders}?${ALL_FIELDS}&expansions=owner_id&user.fields=username,verified`);
    expect(full.body).toEqual({
      data: {
        id: SEED_LISTS.xdevBuilders,
        name: 'X API builders',
        description: 'Developers building on the X API v2.',
        private: false,
        owner_id: XDEV_ID,
        member_count: 14,
        follower_count: 8,
        created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/),
      },
      includes: { users: [{ id: XDEV_ID, name: 'X Developers', username: 'XDevelopers', verified: true }] },
    });
  });

  it('shows a private list to its owner and members, and answers 403 to anyone else', async () => {
    expect((await get(`/2/lists/${SEED_LISTS.adaClose}?list.fields=private`)).body).toEqual({
      data: { id: SEED_LISTS.adaClose, name: 'Close friends 🔒', private: true },
    });
    expect((await get(`/2/lists/${SEED_LISTS.turingBletchley}`)).status).toBe(200); // Ada is a member
    const hidden = await get(`/2/lists/${SEED_LISTS.graceDrafts}`);
    expect(hidden.status).toBe(403);
    expect(hidden.body).toEqual(notAuthorized(SEED_LISTS.graceDrafts));
    const grace = await signInAs(GRACE_ID);
    expect((await get(`/2/lists/${SEED_LISTS.graceDrafts}`, grace)).status).toBe(200);
    for (const path of ['members', 'tweets']) expect((await get(`/2/lists/${SEED_LISTS.graceDrafts}/${path}`)).status).toBe(403);
  });

  it.each([
    [
      '123',
      404,
      expect.objectContaining({
        type: `${PROBLEMS}resource-not-found`,
        errors: [expect.objectContaining({ title: 'Not Found Error', resource_type: 'list', parameter: 'id', value: '123' })],
      }),
    ],
    ['abc', 400, expect.objectContaining({ type: `${PROBLEMS}invalid-request` })],
  ])('answers %s with %i', async (id, status, body) => {
    const res = await get(`/2/lists/${id}`);
    expect(res.status).toBe(status);
    expect(res.body).toEqual(body);
    if (status === 400) emu.contract.claim({ operationId: 'getListsById', rule: 'path-param' });
  });
});

describe("a user's lists", () => {
  it('owned_lists: newest first, the private one included for its owner only', async () => {
    const { body } = await get<Page<ListJson>>(`/2/users/${ADA_ID}/owned_lists?list.fields=private,member_count`);
    expect(body.data!.map((l) => l.name)).toEqual(['Reading list 📚', 'Close friends 🔒', '日本語 tech 🗾', 'Compiler folks 🛠️']);
    expect(body.data!.find((l) => l.private)).toMatchObject({ id: SEED_LISTS.adaClose, member_count: 2 });
    const ofGrace = await get<Page<ListJson>>(`/2/users/${GRACE_ID}/owned_lists`);
    expect(ofGrace.body.data!.map((l) => l.id)).toEqual([SEED_LISTS.graceNavy]);
    const grace = await signInAs(GRACE_ID);
    const own = await get<Page<ListJson>>(`/2/users/${GRACE_ID}/owned_lists`, grace);
    expect(own.body.data!.map((l) => l.id)).toEqual([SEED_LISTS.graceDrafts, SEED_LISTS.graceNavy]);
  });

  it.each([
    [1, 4],
    [3, 2],
    [100, 1],
  ])('owned_lists pages with max_results=%i in %i requests', async (max, requests) => {
    const walked = await walk<ListJson>(`/2/users/${ADA_ID}/owned_lists`, max);
    expect(walked.requests).toBe(requests);
    expect(walked.ids).toHaveLength(4);
    expect(new Set(walked.ids).size).toBe(4);
  });

  it('followed_lists, list_memberships and pinned_lists answer the seeded lists, with owners on request', async () => {
    const followed = await get<Page<ListJson>>(`/2/users/${ADA_ID}/followed_lists?expansions=owner_id`);
    expect(followed.body.data!.map((l) => l.id)).toEqual([...SEED_ADA_FOLLOWED_LISTS].reverse());
    expect(followed.body.includes!.users!.map((u) => u.id)).toEqual([CROWD_USER_IDS[0], XDEV_ID, GRACE_ID]);
    expect(followed.body.includes!.users![0]).toEqual({ id: CROWD_USER_IDS[0], name: 'Zoë Ångström 🌿', username: 'zoe_angstrom' });

    const memberships = await get<Page<ListJson>>(`/2/users/${ADA_ID}/list_memberships?list.fields=owner_id`);
    expect(memberships.headers.get('x-rate-limit-limit')).toBe('75');
    expect(memberships.body.data!.map((l) => l.owner_id).sort()).toEqual([GRACE_ID, TURING_ID, XDEV_ID].sort());
    // Turing's private list shows because Ada is on it; Grace's private one (Ada not a member) never shows.
    expect(memberships.body.data!.map((l) => l.id)).toContain(SEED_LISTS.turingBletchley);

    const pinned = await get(`/2/users/${ADA_ID}/pinned_lists?list.fields=follower_count,member_count,owner_id`);
    expect(pinned.body).toEqual({
      data: [
        { id: SEED_LISTS.adaCompilers, name: 'Compiler folks 🛠️', follower_count: 1, member_count: 9, owner_id: ADA_ID },
        { id: SEED_LISTS.xdevBuilders, name: 'X API builders', follower_count: 8, member_count: 14, owner_id: XDEV_ID },
      ],
      meta: { result_count: 2 },
    });
    expect((await get(`/2/users/${ADA_ID}/pinned_lists?max_results=5`)).status).toBe(400);
    emu.contract.claim({ operationId: 'getUsersPinnedLists', rule: 'query-undeclared' });
  });

  it('answers 403 to pinned lists of someone else', async () => {
    const res = await get(`/2/users/${GRACE_ID}/pinned_lists`);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ title: 'Forbidden', status: 403 });
  });

  it.each([
    [`/2/users/${ADA_ID}/owned_lists?max_results=0`, 'max_results'],
    [`/2/users/${ADA_ID}/followed_lists?max_results=101`, 'max_results'],
    [`/2/users/${ADA_ID}/list_memberships?pagination_token=nope`, 'pagination_token'],
    [`/2/lists/${SEED_LISTS.adaCompilers}/members?max_results=101`, 'max_results'],
    [`/2/lists/${SEED_LISTS.adaCompilers}/tweets?max_results=0`, 'max_results'],
    [`/2/users/${ADA_ID}/owned_lists?list.fields=colour`, 'list.fields'],
    [`/2/lists/${SEED_LISTS.adaCompilers}?expansions=author_id`, 'expansions'],
  ])('answers 400 to %s', async (path, parameter) => {
    const res = await get<{ errors: { parameters: Json }[] }>(path);
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors[0]!.parameters)).toEqual([parameter]);
    // A token the emulator never handed out is still a well-formed one for X's description.
    expect(emu.contract.take({ rule: 'query-value' })).toHaveLength(parameter === 'pagination_token' ? 0 : 1);
  });
});

describe('GET /2/lists/:id/members and /tweets', () => {
  it('pages members newest first with user.fields', async () => {
    const first = await get<Page<Json>>(`/2/lists/${SEED_LISTS.adaCompilers}/members?max_results=4&user.fields=created_at`);
    expect(first.headers.get('x-rate-limit-limit')).toBe('900');
    expect(first.body.data).toHaveLength(4);
    expect(first.body.data![0]).toEqual({
      id: expect.any(String),
      name: expect.any(String),
      username: expect.any(String),
      created_at: expect.any(String),
    });
    const walked = await walk<{ id: string }>(`/2/lists/${SEED_LISTS.adaCompilers}/members`, 4);
    expect(walked.requests).toBe(3);
    const members = emu.state.lists.get(SEED_LISTS.adaCompilers)!.members;
    expect(walked.ids).toEqual([...members].reverse());
  });

  it('answers posts of the members, newest first, with the posts lookup expansions', async () => {
    const { body } = await get<Page<{ id: string; author_id: string; created_at: string }>>(
      `/2/lists/${SEED_LISTS.xdevBuilders}/tweets?tweet.fields=author_id,created_at&expansions=author_id`,
    );
    const members = emu.state.lists.get(SEED_LISTS.xdevBuilders)!.members;
    expect(body.data!.length).toBeGreaterThan(10);
    for (const p of body.data!) expect(members).toContain(p.author_id);
    const times = body.data!.map((p) => Date.parse(p.created_at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(new Set(body.includes!.users!.map((u) => u.id))).toEqual(new Set(body.data!.map((p) => p.author_id)));
  });

  it('reaches at most the 800 newest posts of a list', async () => {
    seedMorePosts(emu.state, { count: 900, authorIds: [TURING_ID] });
    const { ids, requests } = await walk<{ id: string }>(`/2/lists/${SEED_LISTS.adaReading}/tweets`, 100);
    expect(requests).toBe(8);
    expect(ids).toHaveLength(800);
  });
});

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
