import { describe, expect, it } from 'vitest';
import { CROWD_USER_IDS, SEED_ADA_FOLLOWED_LISTS, SEED_LISTS, seedMorePosts } from '../../emulator/seed';
import { emu, withAdaSignedIn } from '../support/emulator';
import { ADA_ID, GRACE_ID } from './helpers';
import type { Json, ListJson, Page } from './lists-helpers';
import { SCOPES, XDEV_ID, TURING_ID, PROBLEMS, get, signInAs, walk, notAuthorized, ALL_FIELDS } from './lists-helpers';

withAdaSignedIn(SCOPES);

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
