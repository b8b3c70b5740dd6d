import { beforeEach, describe, expect, it } from 'vitest';
import { listPostsPreview } from '@/lib/services/lookups';
import { validateResponse } from '../../openapi/contract';
import { ok, scripted } from '../x/support';
import { freshDb } from './support';

/**
 * The Lists tab's "Show posts" (GET /2/lists/:id/tweets, getListsPosts) when X sends one post without its `text`: X's
 * description requires nothing of a Tweet (components.schemas.Tweet has no `required`), so the answer is X's. That
 * post is left out alone; the List's other posts are still shown, not the preview refused as unreadable.
 */

const ADA = '2244994945';
const LIST = '1900000000000000001';
const post = (id: string) => ({ id, text: `Post ${id}`, edit_history_tweet_ids: [id] });

beforeEach(freshDb);

describe("a List's posts preview with a post X sent without its text", () => {
  it('shows the other posts', async () => {
    const body = {
      data: [
        post('1900000000000000009'),
        { id: '1900000000000000008', edit_history_tweet_ids: ['1900000000000000008'] },
        post('1900000000000000007'),
      ],
      meta: { result_count: 3 },
    };
    expect(validateResponse({ operationId: 'getListsPosts', status: 200, body })).toEqual([]);
    const { client } = scripted(ok(body));
    expect((await listPostsPreview(client, ADA, LIST)).map((p) => p.text)).toEqual([
      'Post 1900000000000000009',
      'Post 1900000000000000007',
    ]);
  });
});
