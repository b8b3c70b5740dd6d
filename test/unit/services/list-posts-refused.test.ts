import { beforeEach, describe, expect, it } from 'vitest';
import { listPostsPreview } from '@/lib/services/lookups';
import { xProblem } from '../x/problems';
import { ok, scripted, xErrorOf } from '../x/support';
import { freshDb } from './support';

/**
 * The Lists tab's "Show posts" (GET /2/lists/:id/tweets, getListsPosts): X may answer 200 with only `errors`
 * (Get2ListsIdTweetsResponse requires nothing), e.g. for a private List the account may not see. That says why X
 * listed nothing, not that the List has no posts (x-api--fundamentals--response-codes-and-errors, "Partial errors").
 */

const ADA = '2244994945';
const LIST = '1900000000000000001';
const NOT_AUTHORIZED = xProblem(
  'not-authorized-for-resource',
  'Sorry, you are not authorized to see the List with id: [1900000000000000001].',
);

beforeEach(freshDb);

describe("a List's posts preview", () => {
  it("shows X's words, not an empty List, when X answers with only errors", async () => {
    const { client, sent } = scripted(ok({ errors: [NOT_AUTHORIZED] }));
    const refused = await xErrorOf(listPostsPreview(client, ADA, LIST));
    expect(refused.kind).toBe('forbidden');
    expect(refused.message).toContain(NOT_AUTHORIZED.detail);
    expect(sent).toHaveLength(1);
  });

  it('still shows a List with no posts as empty', async () => {
    const { client } = scripted(ok({ meta: { result_count: 0 } }));
    expect(await listPostsPreview(client, ADA, LIST)).toEqual([]);
  });

  it('shows the posts X returned beside errors for ones it left out', async () => {
    const post = { id: '1900000000000000009', text: 'hello', edit_history_tweet_ids: ['1900000000000000009'] };
    const { client } = scripted(ok({ data: [post], errors: [NOT_AUTHORIZED], meta: { result_count: 1 } }));
    expect((await listPostsPreview(client, ADA, LIST)).map((p) => p.text)).toEqual(['hello']);
  });
});
