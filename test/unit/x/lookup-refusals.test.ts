import { describe, expect, it } from 'vitest';
import { XApiError } from '@/lib/x/errors';
import { getList } from '@/lib/x/lists';
import { getPost } from '@/lib/x/posts';
import { getUserByUsername } from '@/lib/x/users';
import { validateResponse } from '../../openapi/contract';
import { capturing } from './capture';

/**
 * A lookup X answers 200 with `errors` and no `data` (its description makes `data` optional: Get2TweetsIdResponse,
 * Get2UsersByUsernameUsernameResponse, Get2ListsIdResponse). The problem `type` says why: resource-not-found is "not
 * found", but not-authorized-for-resource (ResourceUnauthorizedProblem) is a thing that exists which the person may
 * not see — telling them it "may have been deleted" would be untrue.
 */
const POST_ID = '1346889436626259968';
const DETAIL = `Sorry, you are not authorized to see the Tweet with id: [${POST_ID}].`;
const unauthorized = (resource_type: string) => ({
  errors: [
    {
      type: 'https://api.twitter.com/2/problems/not-authorized-for-resource',
      title: 'Authorization Error',
      detail: DETAIL,
      section: 'data',
      parameter: 'id',
      value: POST_ID,
      resource_id: POST_ID,
      resource_type,
    },
  ],
});
const notFound = {
  errors: [
    {
      type: 'https://api.twitter.com/2/problems/resource-not-found',
      title: 'Not Found Error',
      detail: `Could not find tweet with id: [${POST_ID}].`,
      parameter: 'id',
      value: POST_ID,
      resource_id: POST_ID,
      resource_type: 'tweet',
    },
  ],
};

const LOOKUPS = [
  ['getPostsById', 'tweet', (c: Parameters<typeof getPost>[0]) => getPost(c, POST_ID)],
  ['getUsersByUsername', 'user', (c: Parameters<typeof getPost>[0]) => getUserByUsername(c, 'ada')],
  ['getListsById', 'list', (c: Parameters<typeof getPost>[0]) => getList(c, '1146654567674912769')],
] as const;

async function failure(call: (typeof LOOKUPS)[number][2], body: unknown): Promise<XApiError> {
  const { client } = capturing({ status: 200, body });
  const error = await call(client).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof XApiError)) throw new Error(`expected an XApiError, got ${String(error)}`);
  return error;
}

describe('a lookup answered with only errors', () => {
  it.each(LOOKUPS)('%s: not authorized is X not allowing it, in X’s words, never "not found"', async (operationId, type, call) => {
    const body = unauthorized(type);
    expect(validateResponse({ operationId, status: 200, body })).toEqual([]);
    const error = await failure(call, body);
    expect(error.kind).toBe('forbidden');
    expect(error.message).toContain(DETAIL);
    expect(error.partialErrors).toEqual(body.errors);
  });

  it('resource-not-found is still not found, X’s errors kept', async () => {
    expect(validateResponse({ operationId: 'getPostsById', status: 200, body: notFound })).toEqual([]);
    const error = await failure(LOOKUPS[0][2], notFound);
    expect(error.kind).toBe('not-found');
    expect(error.partialErrors).toEqual(notFound.errors);
  });
});
