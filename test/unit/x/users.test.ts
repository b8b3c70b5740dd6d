import { describe, expect, it } from 'vitest';
import { getMe, getUserByUsername } from '@/lib/x/users';
import { BIG_ID, expectRefusedBeforeSending, ok, scripted, xErrorOf } from './support';

const USER_FIELDS = 'profile_image_url,description,protected,verified';

// x-api--users--lookup--introduction, "Example response".
const XDEVELOPERS = {
  data: {
    id: '2244994945',
    name: 'X Developers',
    username: 'XDevelopers',
    created_at: '2013-12-14T04:35:55.000Z',
    description: 'The voice of the X developer community',
    verified: true,
    public_metrics: { followers_count: 583423, following_count: 2048, tweet_count: 14052, listed_count: 1672 },
  },
};

describe('getMe', () => {
  it('sends GET /2/users/me with the user fields Perch shows and the account’s subscription_type', async () => {
    const { client, sent } = scripted(ok({ data: { ...XDEVELOPERS.data, subscription_type: 'Premium' } }));
    const me = await getMe(client);
    expect(me).toMatchObject({ username: 'XDevelopers', subscription_type: 'Premium' });
    const fields = `${USER_FIELDS},subscription_type`;
    expect(sent).toEqual([{ method: 'GET', path: '/2/users/me', query: { 'user.fields': fields }, body: undefined }]);
  });
});

describe('getUserByUsername', () => {
  it('sends GET /2/users/by/username/:username with the default user fields, dropping a leading @', async () => {
    const { client, sent } = scripted(ok(XDEVELOPERS), ok(XDEVELOPERS));
    await getUserByUsername(client, 'XDevelopers');
    await getUserByUsername(client, '@XDevelopers');
    const expected = { method: 'GET', path: '/2/users/by/username/XDevelopers', query: { 'user.fields': USER_FIELDS }, body: undefined };
    expect(sent).toEqual([expected, expected]);
  });

  it('parses the documented answer and lets unknown fields through', async () => {
    const { client } = scripted(ok({ data: { ...XDEVELOPERS.data, most_recent_tweet_id: '1', parody: false } }));
    const user = await getUserByUsername(client, 'XDevelopers');
    expect(user).toEqual({ ...XDEVELOPERS.data, most_recent_tweet_id: '1', parody: false });
    expect(user.public_metrics?.followers_count).toBe(583423);
  });

  it('replaces a default with the fields asked for', async () => {
    const { client, sent } = scripted(ok(XDEVELOPERS));
    await getUserByUsername(client, 'XDevelopers', { fields: { 'user.fields': ['created_at'], expansions: ['pinned_tweet_id'] } });
    expect(sent[0]!.query).toEqual({ 'user.fields': 'created_at', expansions: 'pinned_tweet_id' });
  });

  it('reports a 200 with only errors as not-found, keeping the errors', async () => {
    // x-api--users--lookup--quickstart--user-lookup, "User not found".
    const errors = [{ resource_type: 'user', title: 'Not Found Error', detail: 'Could not find user with username: [nonexistent_user].' }];
    const { client } = scripted(ok({ errors }));
    const error = await xErrorOf(getUserByUsername(client, 'no_such_user'));
    expect(error.kind).toBe('not-found');
    expect(error.status).toBe(200);
    expect(error.partialErrors).toEqual(errors);
  });

  it('reports a 404 as not-found', async () => {
    const { client } = scripted({ status: 404, body: { title: 'Not Found Error', detail: 'gone' } });
    expect((await xErrorOf(getUserByUsername(client, 'gone'))).kind).toBe('not-found');
  });

  it('reports a user without its username as malformed', async () => {
    const { client } = scripted(ok({ data: { id: '2244994945', name: 'X Developers' } }));
    expect((await xErrorOf(getUserByUsername(client, 'XDevelopers'))).kind).toBe('malformed');
  });

  it('keeps a 19-digit id exact and refuses one sent as a number', async () => {
    const { client } = scripted(
      { status: 200, raw: `{"data":{"id":"${BIG_ID}","name":"Ada","username":"ada"}}` },
      { status: 200, raw: `{"data":{"id":${BIG_ID},"name":"Ada","username":"ada"}}` },
    );
    expect((await getUserByUsername(client, 'ada')).id).toBe(BIG_ID);
    expect((await xErrorOf(getUserByUsername(client, 'ada'))).kind).toBe('malformed');
  });

  it.each([[''], ['@'], ['has space'], ['sixteen_chars_xx'], ['a/b'], ['ünïcode']])(
    'refuses the username %j before sending',
    async (name) => {
      const { client, fetch } = scripted();
      await expectRefusedBeforeSending(getUserByUsername(client, name), fetch);
    },
  );

  it('refuses a fields parameter users do not take', async () => {
    const { client, fetch } = scripted();
    await expectRefusedBeforeSending(getUserByUsername(client, 'ada', { fields: { 'list.fields': ['name'] } }), fetch);
  });
});
