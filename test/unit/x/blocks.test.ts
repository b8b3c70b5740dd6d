import { describe, expect, it } from 'vitest';
import { blockUser, getBlockedUsers, unblockUser } from '@/lib/x/blocks';
import { BIG_ID, ME, expectRefusedBeforeSending, ok, scripted, xErrorOf } from './support';

const USER_QUERY = { 'user.fields': 'profile_image_url,description,protected,verified' };

// x-api--users--blocks--quickstart, "Get blocked users" response.
const BLOCKED = {
  data: [{ id: '17874544', name: 'Example User', username: 'example_user', verified: false, created_at: '2008-12-04T18:51:57.000Z' }],
  meta: { result_count: 1, next_token: '7140dibdnow9c7bt' },
};

describe('getBlockedUsers', () => {
  it('sends GET /2/users/:id/blocking with the user fields and the largest page (1000)', async () => {
    const { client, sent } = scripted(ok(BLOCKED), ok(BLOCKED));
    await getBlockedUsers(client, ME);
    await getBlockedUsers(client, ME, { maxResults: 100, paginationToken: '7140dibdnow9c7bt' });
    expect(sent).toEqual([
      { method: 'GET', path: `/2/users/${ME}/blocking`, query: { max_results: '1000', ...USER_QUERY }, body: undefined },
      {
        method: 'GET',
        path: `/2/users/${ME}/blocking`,
        query: { max_results: '100', pagination_token: '7140dibdnow9c7bt', ...USER_QUERY },
        body: undefined,
      },
    ]);
  });

  it('parses the documented page', async () => {
    const { client } = scripted(ok(BLOCKED));
    expect(await getBlockedUsers(client, ME)).toEqual({
      items: BLOCKED.data,
      includes: { users: [], tweets: [], media: [] },
      nextToken: '7140dibdnow9c7bt',
      resultCount: 1,
      partialErrors: [],
    });
  });

  it('keeps partial errors and unknown fields, and 19-digit ids exact', async () => {
    const raw = `{"data":[{"id":"${BIG_ID}","name":"Ada","username":"ada","parody":false}],"errors":[{"title":"x"}],"meta":{"result_count":1}}`;
    const { client } = scripted({ status: 200, raw });
    const page = await getBlockedUsers(client, ME);
    expect(page.items).toEqual([{ id: BIG_ID, name: 'Ada', username: 'ada', parody: false }]);
    expect(page.partialErrors).toEqual([{ title: 'x' }]);
  });

  it('reports a user whose id is a number as malformed', async () => {
    const { client } = scripted({ status: 200, raw: `{"data":[{"id":${BIG_ID},"name":"Ada","username":"ada"}]}` });
    expect((await xErrorOf(getBlockedUsers(client, ME))).kind).toBe('malformed');
  });

  it('refuses a page of 1001 before sending', async () => {
    const { client, fetch } = scripted();
    await expectRefusedBeforeSending(getBlockedUsers(client, ME, { maxResults: 1001 }), fetch);
  });
});

describe('blockUser and unblockUser', () => {
  // x-api--users--blocks--quickstart: {"data": {"blocking": true}} / false.
  it('POSTs /2/users/:id/blocking with the target_user_id and returns blocking', async () => {
    const { client, sent } = scripted(ok({ data: { blocking: true } }));
    expect(await blockUser(client, ME, '9876543210')).toBe(true);
    expect(sent).toEqual([{ method: 'POST', path: `/2/users/${ME}/blocking`, query: {}, body: { target_user_id: '9876543210' } }]);
  });

  it('DELETEs /2/users/:source_user_id/blocking/:target_user_id and returns blocking', async () => {
    const { client, sent } = scripted(ok({ data: { blocking: false } }));
    expect(await unblockUser(client, ME, BIG_ID)).toBe(false);
    expect(sent).toEqual([{ method: 'DELETE', path: `/2/users/${ME}/blocking/${BIG_ID}`, query: {}, body: undefined }]);
  });

  it('reports X refusing a non-Enterprise app as enterprise-only', async () => {
    const { client } = scripted({
      status: 403,
      body: { title: 'Client Forbidden', type: 'https://api.x.com/2/problems/client-forbidden', detail: 'This endpoint is not available.' },
    });
    expect((await xErrorOf(blockUser(client, ME, '9876543210'))).kind).toBe('enterprise-only');
  });

  it('reports an answer whose blocking is not a boolean as malformed', async () => {
    const { client } = scripted(ok({ data: { blocking: 0 } }));
    expect((await xErrorOf(unblockUser(client, ME, '1'))).kind).toBe('malformed');
  });

  it('refuses malformed ids before sending', async () => {
    const { client, fetch } = scripted();
    await expectRefusedBeforeSending(blockUser(client, ME, '@spam'), fetch);
    await expectRefusedBeforeSending(unblockUser(client, 'me', '1'), fetch);
  });
});
