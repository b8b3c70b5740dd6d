/** Answers Perch must refuse or read in part, each named (the generated ones: responses.test.ts). */
import { describe, expect, it } from 'vitest';
import * as bookmarks from '@/lib/x/bookmarks';
import { XApiError } from '@/lib/x/errors';
import * as posts from '@/lib/x/posts';
import { capturing } from './capture';
import { ME, OTHER, POST } from './responses-needs';

describe('answers Perch must refuse (canaries)', () => {
  const page = (post: unknown) => ({ data: [{ id: POST, text: 'kept' }, post], meta: { result_count: 2 } });

  // X's description requires nothing of a Tweet: a post Perch cannot read is left out alone, never rounded into
  // another id, and the rest of the page kept (lib/x/schemas.ts `usable`).
  it.each([
    ['no id', { text: 'no id' }],
    ['a numeric id', { id: 1346889436626259969, text: 'numeric id' }],
    ['text null', { id: OTHER, text: null }],
  ])('a bookmarks page with a post with %s keeps the rest, that post alone left out', async (_what, post) => {
    const { client } = capturing({ body: page(post) });
    const result = await bookmarks.getBookmarks(client, ME);
    expect(result.items.map((p) => p.id)).toEqual([POST]);
    expect(result.dropped).toBe(1);
  });

  it('a bookmarks page with a post whose id is a string of other than digits is refused as malformed', async () => {
    const { client } = capturing({ body: page({ id: 'not-an-id', text: 'bad id' }) });
    const error = await bookmarks.getBookmarks(client, ME).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XApiError);
    expect((error as XApiError).kind).toBe('malformed');
  });

  it.each([
    ['no id', { text: 'no id' }],
    ['a numeric id', { id: 1346889436626259969, text: 'numeric id' }],
  ])('a post lookup answered with a post with %s is refused as malformed', async (_what, post) => {
    const { client } = capturing({ body: { data: post } });
    const error = await posts.getPost(client, POST).catch((e: unknown) => e);
    expect((error as XApiError).kind).toBe('malformed');
  });

  it('a bookmarks page where one post lacks author_id (the description allows it) is read whole', async () => {
    const body = {
      data: [
        { id: POST, text: 'by someone', author_id: ME },
        { id: OTHER, text: 'by nobody we know' },
      ],
      includes: { users: [{ id: ME, name: 'Ada', username: 'ada' }] },
    };
    const { client } = capturing({ body });
    const result = await bookmarks.getBookmarks(client, ME);
    expect(result.items.map((p) => [p.id, p.author_id])).toEqual([
      [POST, ME],
      [OTHER, undefined],
    ]);
  });

  it('an included post with a numeric id is left out alone, as in data, the page kept', async () => {
    const body = { ...page({ id: OTHER, text: 'second' }), includes: { tweets: [{ id: 1, text: 'quoted' }] } };
    const { client } = capturing({ body });
    const result = await bookmarks.getBookmarks(client, ME);
    expect([result.items.length, result.includes.tweets]).toEqual([2, []]);
  });

  it('an included post without text (the description allows it) is left out, the page kept', async () => {
    const body = { ...page({ id: OTHER, text: 'second' }), includes: { tweets: [{ id: POST }, { id: OTHER, text: 'quoted' }] } };
    const { client } = capturing({ body });
    const result = await bookmarks.getBookmarks(client, ME);
    expect(result.items.map((p) => p.id)).toEqual([POST, OTHER]);
    expect(result.includes.tweets.map((p) => p.id)).toEqual([OTHER]);
  });
});
