import { describe, expect, it } from 'vitest';
import { getMutedUsers, muteUser, unmuteUser } from '@/lib/x/mutes';
import { BIG_ID, ME, expectRefusedBeforeSending, ok, scripted, xErrorOf } from './support';

const USER_QUERY = { 'user.fields': 'profile_image_url,description,protected,verified' };

// x-api--users--mutes--quickstart--mutes-lookup, "Get your muted users" response.
const MUTED = {
  data: [{ id: '2244994945', name: 'X Developers', username: 'XDevelopers', created_at: '2013-12-14T04:35:55.000Z', verified: true }],
  meta: { result_count: 1, next_token: '1710819323648428707' },
};

describe('getMutedUsers', () => {
  it('sends GET /2/users/:id/muting with the user fields and the largest page (1000)', async () => {
    const { client, sent } = scripted(ok(MUTED));
    await getMutedUsers(client, ME);
    expect(sent).toEqual([
      { method: 'GET', path: `/2/users/${ME}/muting`, query: { max_results: '1000', ...USER_QUERY }, body: undefined },
    ]);
  });

  it('passes the page size and the pagination token through', async () => {
    const { client, sent } = scripted(ok(MUTED));
    await getMutedUsers(client, ME, { maxResults: 100, paginationToken: '1710819323648428707' });
    expect(sent[0]!.query).toEqual({ max_results: '100', pagination_token: '1710819323648428707', ...USER_QUERY });
  });

  it('parses the documented page', async () => {
    const { client } = scripted(ok(MUTED));
    expect(await getMutedUsers(client, ME)).toEqual({
      items: MUTED.data,
      includes: { users: [], tweets: [], media: [] },
      nextToken: '1710819323648428707',
      resultCount: 1,
      partialErrors: [],
    });
  });

  it('parses pinned posts pulled in by the pinned_tweet_id expansion', async () => {
    // x-api--users--mutes--quickstart--mutes-lookup, "Response with expansion".
    const answer = {
      data: [
        {
          username: 'XDevelopers',
          created_at: '2013-12-14T04:35:55.000Z',
          id: '2244994945',
          name: 'X Developers',
          pinned_tweet_id: '1430984356139470849',
        },
      ],
      includes: {
        tweets: [
          { created_at: '2021-08-26T20:03:51.000Z', id: '1430984356139470849', text: 'Help us build a better X Developer Platform!...' },
        ],
      },
      meta: { result_count: 1 },
    };
    const { client, sent } = scripted(ok(answer));
    const fields = { 'user.fields': ['created_at'], expansions: ['pinned_tweet_id'], 'tweet.fields': ['created_at'] };
    const page = await getMutedUsers(client, ME, { fields });
    expect(sent[0]!.query).toEqual({
      max_results: '1000',
      'user.fields': 'created_at',
      expansions: 'pinned_tweet_id',
      'tweet.fields': 'created_at',
    });
    expect(page.items).toEqual(answer.data);
    expect(page.includes.tweets).toEqual(answer.includes.tweets);
  });

  it('keeps partial errors, lets unknown fields through, and keeps 19-digit ids exact', async () => {
    const raw = `{"data":[{"id":"${BIG_ID}","name":"Ada","username":"ada","subscription_type":"None"}],"errors":[{"title":"Not Found Error","resource_id":"1"}],"meta":{"result_count":1}}`;
    const { client } = scripted({ status: 200, raw });
    const page = await getMutedUsers(client, ME);
    expect(page.items).toEqual([{ id: BIG_ID, name: 'Ada', username: 'ada', subscription_type: 'None' }]);
    expect(page.partialErrors).toEqual([{ title: 'Not Found Error', resource_id: '1' }]);
  });

  it('reports a user without a name as malformed', async () => {
    const { client } = scripted(ok({ data: [{ id: '1', username: 'ada' }] }));
    expect((await xErrorOf(getMutedUsers(client, ME))).kind).toBe('malformed');
  });

  it.each([
    ['a page of 1001', { maxResults: 1001 }],
    ['a page of 0', { maxResults: 0 }],
    ['media fields', { fields: { 'media.fields': ['url'] } }],
  ])('refuses %s before sending', async (_case, options) => {
    const { client, fetch } = scripted();
    await expectRefusedBeforeSending(getMutedUsers(client, ME, options), fetch);
  });
});

describe('muteUser and unmuteUser', () => {
  // x-api--users--mutes--quickstart--manage-mutes-quickstart: {"data": {"muting": true}} / false.
  it('POSTs /2/users/:id/muting with the target_user_id and returns muting', async () => {
    const { client, sent } = scripted(ok({ data: { muting: true } }));
    expect(await muteUser(client, ME, '9876543210')).toBe(true);
    expect(sent).toEqual([{ method: 'POST', path: `/2/users/${ME}/muting`, query: {}, body: { target_user_id: '9876543210' } }]);
  });

  it('DELETEs /2/users/:source_user_id/muting/:target_user_id and returns muting', async () => {
    const { client, sent } = scripted(ok({ data: { muting: false } }));
    expect(await unmuteUser(client, ME, BIG_ID)).toBe(false);
    expect(sent).toEqual([{ method: 'DELETE', path: `/2/users/${ME}/muting/${BIG_ID}`, query: {}, body: undefined }]);
  });

  it('sends a 19-digit target id exactly as given', async () => {
    const { client, fetch } = scripted(ok({ data: { muting: true } }));
    await muteUser(client, ME, BIG_ID);
    expect(fetch.mock.calls[0]![1]!.body).toBe(`{"target_user_id":"${BIG_ID}"}`);
  });

  it('reports an answer whose muting is not a boolean as malformed', async () => {
    const { client } = scripted(ok({ data: { blocking: true, muting: 'yes' } }));
    expect((await xErrorOf(muteUser(client, ME, '1'))).kind).toBe('malformed');
  });

  it('refuses malformed ids before sending', async () => {
    const { client, fetch } = scripted();
    await expectRefusedBeforeSending(muteUser(client, ME, 'ada'), fetch);
    await expectRefusedBeforeSending(unmuteUser(client, '', '1'), fetch);
  });
});
