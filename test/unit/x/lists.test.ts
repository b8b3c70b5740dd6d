import { describe, expect, it } from 'vitest';
import {
  addListMember,
  createList,
  deleteList,
  followList,
  getFollowedLists,
  getList,
  getListMembers,
  getListMemberships,
  getListPosts,
  getOwnedLists,
  getPinnedLists,
  pinList,
  removeListMember,
  unfollowList,
  unpinList,
  updateList,
} from '@/lib/x/lists';
import type { XClient } from '@/lib/x/client';
import { BIG_ID, ME, expectRefusedBeforeSending, ok, scripted, xErrorOf, type Sent } from './support';

const LIST_QUERY = { 'list.fields': 'created_at,description,follower_count,member_count,owner_id,private' };
const USER_QUERY = { 'user.fields': 'profile_image_url,description,protected,verified' };
const POST_QUERY = {
  'tweet.fields': 'created_at,author_id,entities,attachments,referenced_tweets,note_tweet',
  expansions: 'author_id',
  ...USER_QUERY,
};
const NO_INCLUDES = { users: [], tweets: [], media: [] };

// x-api--lists--list-lookup--quickstart, "Get Lists owned by a user" response.
const OWNED = {
  data: [
    { id: '1234567890', name: 'Tech News', description: 'Top tech journalists', member_count: 50, follower_count: 1250 },
    { id: '9876543210', name: 'Developer Tools', description: 'Useful tools for developers', member_count: 25, follower_count: 500 },
  ],
  meta: { result_count: 2 },
};

describe('getList', () => {
  // x-api--fundamentals--data-dictionary, "List" sample response.
  const COMMS = {
    data: {
      name: 'Twitter Comms',
      member_count: 60,
      id: '1355797419175383040',
      private: false,
      description: '',
      follower_count: 198,
      owner_id: '257366942',
      created_at: '2021-01-31T08:37:48.000Z',
    },
    includes: {
      users: [
        { created_at: '2011-02-25T07:51:26.000Z', name: 'Ashleigh Hay 🤸🏼♀️', id: '257366942', username: 'shleighhay', verified: false },
      ],
    },
  };

  it('sends GET /2/lists/:id with the List fields and parses the documented answer', async () => {
    const { client, sent } = scripted(ok({ data: COMMS.data }));
    expect(await getList(client, '1355797419175383040')).toEqual(COMMS.data);
    expect(sent).toEqual([{ method: 'GET', path: '/2/lists/1355797419175383040', query: LIST_QUERY, body: undefined }]);
  });

  it('asks for the owner when told to', async () => {
    const { client, sent } = scripted(ok(COMMS));
    await getList(client, '1355797419175383040', { fields: { expansions: ['owner_id'], 'user.fields': ['username'] } });
    expect(sent[0]!.query).toEqual({ ...LIST_QUERY, expansions: 'owner_id', 'user.fields': 'username' });
  });

  it('reports a 200 with only errors as not-found, keeping the errors', async () => {
    const errors = [{ resource_id: '1', resource_type: 'list', title: 'Not Found Error', detail: 'Could not find list with id: [1].' }];
    const { client } = scripted(ok({ errors }));
    const error = await xErrorOf(getList(client, '1'));
    expect([error.kind, error.partialErrors]).toEqual(['not-found', errors]);
  });

  it('reports a List without its name as malformed, and keeps a 19-digit owner id exact', async () => {
    const { client } = scripted(ok({ data: { id: '1' } }), {
      status: 200,
      raw: `{"data":{"id":"${BIG_ID}","name":"L","owner_id":"${BIG_ID}"}}`,
    });
    expect((await xErrorOf(getList(client, '1'))).kind).toBe('malformed');
    const list = await getList(client, BIG_ID);
    expect([list.id, list.owner_id]).toEqual([BIG_ID, BIG_ID]);
  });

  it('refuses a malformed id before sending', async () => {
    const { client, fetch } = scripted();
    await expectRefusedBeforeSending(getList(client, 'tech-news'), fetch);
  });
});

describe.each([
  ['getOwnedLists', getOwnedLists, 'owned_lists'],
  ['getFollowedLists', getFollowedLists, 'followed_lists'],
  ['getListMemberships', getListMemberships, 'list_memberships'],
] as const)('%s', (_name, fn, segment) => {
  it(`sends GET /2/users/:id/${segment} with the List fields and the largest page`, async () => {
    const { client, sent } = scripted(ok(OWNED), ok(OWNED));
    await fn(client, ME);
    await fn(client, ME, { maxResults: 20, paginationToken: 'tok-2' });
    expect(sent).toEqual([
      { method: 'GET', path: `/2/users/${ME}/${segment}`, query: { max_results: '100', ...LIST_QUERY }, body: undefined },
      {
        method: 'GET',
        path: `/2/users/${ME}/${segment}`,
        query: { max_results: '20', pagination_token: 'tok-2', ...LIST_QUERY },
        body: undefined,
      },
    ]);
  });

  it('parses the documented page', async () => {
    const { client } = scripted(ok(OWNED));
    expect(await fn(client, ME)).toEqual({ items: OWNED.data, includes: NO_INCLUDES, resultCount: 2, partialErrors: [] });
  });

  it('keeps the next token and partial errors', async () => {
    const errors = [{ title: 'Not Found Error', resource_type: 'user', resource_id: '257366942' }];
    const { client } = scripted(ok({ ...OWNED, meta: { result_count: 2, next_token: 'tok-2', previous_token: 'tok-0' }, errors }));
    expect(await fn(client, ME)).toMatchObject({ nextToken: 'tok-2', previousToken: 'tok-0', partialErrors: errors });
  });

  it('refuses a page of 101 before sending', async () => {
    const { client, fetch } = scripted();
    await expectRefusedBeforeSending(fn(client, ME, { maxResults: 101 }), fetch);
  });
});

describe('getPinnedLists', () => {
  // x-api--lists--pinned-lists--quickstart--pinned-list-lookup, "Get pinned Lists" response.
  const PINNED = {
    data: [{ id: '1454155907651158017', name: 'Tech News', follower_count: 150, member_count: 25, owner_id: '2244994945' }],
    includes: { users: [{ id: '2244994945', username: 'XDevelopers', name: 'X Developers', created_at: '2013-12-14T04:35:55.000Z' }] },
    meta: { result_count: 1 },
  };

  it('sends GET /2/users/:id/pinned_lists with the List fields and no page size (X does not page it)', async () => {
    const { client, sent } = scripted(ok({ data: PINNED.data, meta: PINNED.meta }));
    await getPinnedLists(client, ME);
    expect(sent).toEqual([{ method: 'GET', path: `/2/users/${ME}/pinned_lists`, query: LIST_QUERY, body: undefined }]);
  });

  it('parses the documented answer with the owner in includes, asked for with owner_id', async () => {
    const { client } = scripted(ok(PINNED));
    expect(await getPinnedLists(client, ME, { fields: { expansions: ['owner_id'] } })).toEqual({
      items: PINNED.data,
      includes: { ...NO_INCLUDES, users: PINNED.includes.users },
      resultCount: 1,
      partialErrors: [],
    });
  });
});

describe('getListMembers', () => {
  // x-api--lists--list-members--quickstart--list-members-lookup, "Get List members" response.
  const MEMBERS = {
    data: [
      { id: '1319036828964454402', name: 'Birdwatch', username: 'birdwatch', created_at: '2020-10-21T22:04:47.000Z', verified: true },
      { id: '1065249714214457345', name: 'Spaces', username: 'TwitterSpaces', created_at: '2018-11-21T14:24:58.000Z', verified: true },
    ],
    meta: { result_count: 2, next_token: '5349804505549807616' },
  };

  it('sends GET /2/lists/:id/members with the user fields and passes the token through', async () => {
    const { client, sent } = scripted(ok(MEMBERS));
    await getListMembers(client, '84839422', { paginationToken: '5349804505549807616' });
    expect(sent).toEqual([
      {
        method: 'GET',
        path: '/2/lists/84839422/members',
        query: { max_results: '100', pagination_token: '5349804505549807616', ...USER_QUERY },
        body: undefined,
      },
    ]);
  });

  it('parses the documented page', async () => {
    const { client } = scripted(ok(MEMBERS));
    expect(await getListMembers(client, '84839422')).toEqual({
      items: MEMBERS.data,
      includes: NO_INCLUDES,
      nextToken: '5349804505549807616',
      resultCount: 2,
      partialErrors: [],
    });
  });

  it('reports a member without a username as malformed', async () => {
    const { client } = scripted(ok({ data: [{ id: '1', name: 'No handle' }] }));
    expect((await xErrorOf(getListMembers(client, '84839422'))).kind).toBe('malformed');
  });
});

describe('getListPosts', () => {
  // x-api--lists--list-tweets--quickstart response (the page's included user omits `name`, a default field X always sends).
  const LIST_POSTS = {
    data: [
      {
        id: '1458172421115101189',
        text: 'Check out our latest announcement...',
        author_id: '4172587277',
        created_at: '2024-01-15T10:30:00.000Z',
        public_metrics: { retweet_count: 42, reply_count: 5, like_count: 156, quote_count: 3 },
        edit_history_tweet_ids: ['1458172421115101189'],
      },
    ],
    includes: { users: [{ id: '4172587277', name: 'Tech News', username: 'TechNews', verified: true }] },
    meta: { result_count: 1, next_token: '7140dibdnow9c7btw3z2vwioavpvutgzrzm9icis4ndix' },
  };

  it('sends GET /2/lists/:id/tweets with the card fields it takes', async () => {
    const { client, sent } = scripted(ok(LIST_POSTS));
    await getListPosts(client, '84839422', { maxResults: 10, paginationToken: '7140dibdnow9c7btw3z2vwioavpvutgzrzm9icis4ndix' });
    expect(sent).toEqual([
      {
        method: 'GET',
        path: '/2/lists/84839422/tweets',
        query: { max_results: '10', pagination_token: '7140dibdnow9c7btw3z2vwioavpvutgzrzm9icis4ndix', ...POST_QUERY },
        body: undefined,
      },
    ]);
  });

  it('parses the documented page with the authors in includes', async () => {
    const { client } = scripted(ok(LIST_POSTS));
    expect(await getListPosts(client, '84839422')).toEqual({
      items: LIST_POSTS.data,
      includes: { ...NO_INCLUDES, users: LIST_POSTS.includes.users },
      nextToken: '7140dibdnow9c7btw3z2vwioavpvutgzrzm9icis4ndix',
      resultCount: 1,
      partialErrors: [],
    });
  });

  it('refuses List fields, which this endpoint does not take, before sending', async () => {
    const { client, fetch } = scripted();
    await expectRefusedBeforeSending(getListPosts(client, '84839422', { fields: { 'list.fields': ['name'] } }), fetch);
  });
});

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
