import { describe, expect, it } from 'vitest';
import { getFollowedLists, getList, getListMembers, getListMemberships, getListPosts, getOwnedLists, getPinnedLists } from '@/lib/x/lists';
import { BIG_ID, ME, expectRefusedBeforeSending, ok, scripted, xErrorOf } from './support';

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
