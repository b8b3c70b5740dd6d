import { describe, expect, it } from 'vitest';
import {
  addListMember,
  createList,
  deleteList,
  followList,
  getListMembers,
  getListPosts,
  getPinnedLists,
  pinList,
  removeListMember,
  unfollowList,
  unpinList,
  updateList,
} from '@/lib/x/lists';
import type { XClient } from '@/lib/x/client';
import { BIG_ID, ME, expectRefusedBeforeSending, ok, scripted, xErrorOf, type Sent } from './support';

/**
 * The X client's List writes: create, update, the member, pin and follow calls, and malformed ids refused before
 * sending. Reading Lists: lists.test.ts.
 */

describe('createList', () => {
  // x-api--lists--manage-lists--quickstart, "Create a List".
  it('POSTs /2/lists with the name, description and privacy and returns the new id and name', async () => {
    const { client, sent } = scripted(ok({ data: { id: '1441162269824405510', name: 'Tech News' } }));
    expect(await createList(client, { name: 'Tech News', description: 'Top tech journalists and publications', private: false })).toEqual({
      id: '1441162269824405510',
      name: 'Tech News',
    });
    expect(sent).toEqual([
      {
        method: 'POST',
        path: '/2/lists',
        query: {},
        body: { name: 'Tech News', description: 'Top tech journalists and publications', private: false },
      },
    ]);
  });

  it('sends only the name when that is all there is, and keeps a 19-digit id exact', async () => {
    const { client, sent } = scripted({ status: 200, raw: `{"data":{"id":"${BIG_ID}","name":"Tech News"}}` });
    expect((await createList(client, { name: 'Tech News' })).id).toBe(BIG_ID);
    expect(sent[0]!.body).toEqual({ name: 'Tech News' });
  });

  it('accepts a 25-character name counted in characters, not UTF-16 units', async () => {
    const { client } = scripted(ok({ data: { id: '1', name: 'x' } }));
    await createList(client, { name: '🐦'.repeat(25) });
  });

  it('reports an answer without the new id as malformed', async () => {
    const { client } = scripted(ok({ data: { name: 'Tech News' } }));
    expect((await xErrorOf(createList(client, { name: 'Tech News' }))).kind).toBe('malformed');
  });

  it.each([
    ['an empty name', { name: '' }],
    ['a 26-character name', { name: 'a'.repeat(26) }],
    ['a 101-character description', { name: 'ok', description: 'd'.repeat(101) }],
  ])('refuses %s before sending', async (_case, list) => {
    const { client, fetch } = scripted();
    const error = await expectRefusedBeforeSending(createList(client, list), fetch);
    expect((error.cause as Error).message).toMatch(/List (name|description)/);
    expect(error.problem.detail).toBeUndefined();
  });
});

describe('updateList', () => {
  it('PUTs /2/lists/:id with only the fields given and returns updated', async () => {
    // x-api--lists--manage-lists--quickstart, "Update a List".
    const { client, sent } = scripted(ok({ data: { updated: true } }));
    expect(await updateList(client, '1441162269824405510', { name: 'Tech News & Insights', description: 'Updated description' })).toBe(
      true,
    );
    expect(sent).toEqual([
      {
        method: 'PUT',
        path: '/2/lists/1441162269824405510',
        query: {},
        body: { name: 'Tech News & Insights', description: 'Updated description' },
      },
    ]);
  });

  it('can change privacy alone', async () => {
    const { client, sent } = scripted(ok({ data: { updated: true } }));
    await updateList(client, '1', { private: true });
    expect(sent[0]!.body).toEqual({ private: true });
  });

  it.each([
    ['no change', {}],
    ['an empty name', { name: '' }],
    ['a long description', { description: 'd'.repeat(101) }],
  ])('refuses %s before sending', async (_case, changes) => {
    const { client, fetch } = scripted();
    await expectRefusedBeforeSending(updateList(client, '1', changes), fetch);
  });
});

type Action = [string, (c: XClient) => Promise<boolean>, Omit<Sent, 'query'>, Record<string, boolean>];

describe.each<Action>([
  // x-api--lists--manage-lists--quickstart, "Delete a List".
  [
    'deleteList',
    (c) => deleteList(c, '1441162269824405510'),
    { method: 'DELETE', path: '/2/lists/1441162269824405510', body: undefined },
    { deleted: true },
  ],
  // x-api--lists--list-members--quickstart--manage-list-members.
  [
    'addListMember',
    (c) => addListMember(c, '1441162269824405510', '2244994945'),
    { method: 'POST', path: '/2/lists/1441162269824405510/members', body: { user_id: '2244994945' } },
    { is_member: true },
  ],
  [
    'removeListMember',
    (c) => removeListMember(c, '1441162269824405510', '2244994945'),
    { method: 'DELETE', path: '/2/lists/1441162269824405510/members/2244994945', body: undefined },
    { is_member: false },
  ],
  // x-api--lists--pinned-lists--quickstart--manage-pinned-lists.
  [
    'pinList',
    (c) => pinList(c, ME, '1454155907651158017'),
    { method: 'POST', path: `/2/users/${ME}/pinned_lists`, body: { list_id: '1454155907651158017' } },
    { pinned: true },
  ],
  [
    'unpinList',
    (c) => unpinList(c, ME, '1454155907651158017'),
    { method: 'DELETE', path: `/2/users/${ME}/pinned_lists/1454155907651158017`, body: undefined },
    { pinned: false },
  ],
  // x-api--users--follow-list / --unfollow-list (stubs) and the README table: answer `{following}`.
  [
    'followList',
    (c) => followList(c, ME, BIG_ID),
    { method: 'POST', path: `/2/users/${ME}/followed_lists`, body: { list_id: BIG_ID } },
    { following: true },
  ],
  [
    'unfollowList',
    (c) => unfollowList(c, ME, BIG_ID),
    { method: 'DELETE', path: `/2/users/${ME}/followed_lists/${BIG_ID}`, body: undefined },
    { following: false },
  ],
])('%s', (_name, call, request, data) => {
  const [flag, value] = Object.entries(data)[0]!;

  it(`sends ${request.method} ${request.path} and returns ${flag}`, async () => {
    const { client, sent } = scripted(ok({ data: { ...data, unknown_extra: 'kept out of the way' } }));
    expect(await call(client)).toBe(value);
    expect(sent).toEqual([{ ...request, query: {} }]);
  });

  it(`reports an answer without ${flag} as malformed`, async () => {
    const { client } = scripted(ok({ data: { [flag]: 'true' } }));
    expect((await xErrorOf(call(client))).kind).toBe('malformed');
  });
});

describe('manage calls refuse malformed ids before sending', () => {
  it.each<[string, (c: XClient) => Promise<unknown>]>([
    ['deleteList', (c) => deleteList(c, '')],
    ['addListMember', (c) => addListMember(c, '1', '@ada')],
    ['removeListMember', (c) => removeListMember(c, 'x', '1')],
    ['pinList', (c) => pinList(c, ME, '1.0')],
    ['unpinList', (c) => unpinList(c, ' 1', '1')],
    ['followList', (c) => followList(c, ME, '12345678901234567890')],
    ['unfollowList', (c) => unfollowList(c, ME, '-1')],
    ['getListMembers', (c) => getListMembers(c, 'abc')],
    ['getListPosts', (c) => getListPosts(c, 'abc')],
    ['getPinnedLists', (c) => getPinnedLists(c, 'me')],
  ])('%s', async (_name, call) => {
    const { client, fetch } = scripted();
    await expectRefusedBeforeSending(call(client), fetch);
  });
});
