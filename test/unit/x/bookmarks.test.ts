import { describe, expect, it } from 'vitest';
import { bookmarkPost, getBookmarkFolderPosts, getBookmarkFolders, getBookmarks, unbookmarkPost } from '@/lib/x/bookmarks';
import { BIG_ID, ME, expectRefusedBeforeSending, ok, scripted, xErrorOf } from './support';

// The card's media (photo url, video/GIF still, alt text), quoted post and its author, and the replied-to user.
const CARD_QUERY = {
  'tweet.fields': 'created_at,author_id,entities,attachments,referenced_tweets,note_tweet,in_reply_to_user_id',
  expansions: 'author_id,attachments.media_keys,referenced_tweets.id,referenced_tweets.id.author_id,in_reply_to_user_id',
  'media.fields': 'preview_image_url,url,type,width,height,alt_text',
  'user.fields': 'profile_image_url,description,protected,verified',
};

// x-api--posts--bookmarks--quickstart--bookmarks-lookup, "Get your bookmarks" response.
const BOOKMARKS = {
  data: [
    {
      id: '1501258597237342208',
      text: "Have you built a project using the X API you'd like to share with the community? We'd love to hear from you!",
      created_at: '2024-01-15T10:30:00.000Z',
      author_id: '2244994945',
      public_metrics: { retweet_count: 15, reply_count: 8, like_count: 89, quote_count: 3 },
    },
    {
      id: '1501258542258348032',
      text: 'This is just one way developer innovation helps make X a better place...',
      created_at: '2024-01-15T09:15:00.000Z',
      author_id: '2244994945',
      public_metrics: { retweet_count: 22, reply_count: 5, like_count: 156, quote_count: 7 },
    },
  ],
  meta: { result_count: 2, next_token: '7140dibdnow9c7btw4539n0vybdnx19ylpayqf16fjt4l' },
};

describe('getBookmarks', () => {
  it('sends GET /2/users/:id/bookmarks with the card fields and the largest page', async () => {
    const { client, sent } = scripted(ok(BOOKMARKS));
    await getBookmarks(client, ME);
    expect(sent).toEqual([
      { method: 'GET', path: `/2/users/${ME}/bookmarks`, query: { max_results: '100', ...CARD_QUERY }, body: undefined },
    ]);
  });

  it('passes the page size and the pagination token through', async () => {
    const { client, sent } = scripted(ok(BOOKMARKS));
    await getBookmarks(client, ME, { maxResults: 10, paginationToken: '7140dibdnow9c7btw4539n0vybdnx19ylpayqf16fjt4l' });
    expect(sent[0]!.query).toEqual({ max_results: '10', pagination_token: '7140dibdnow9c7btw4539n0vybdnx19ylpayqf16fjt4l', ...CARD_QUERY });
  });

  it('parses the documented page: posts, next token, result count', async () => {
    const { client } = scripted(ok(BOOKMARKS));
    expect(await getBookmarks(client, ME)).toEqual({
      items: BOOKMARKS.data,
      includes: { users: [], tweets: [], media: [] },
      nextToken: '7140dibdnow9c7btw4539n0vybdnx19ylpayqf16fjt4l',
      resultCount: 2,
      partialErrors: [],
    });
  });

  it('parses a card page: authors, link entities, the media and quote markers', async () => {
    // Post shaped like x-api--fundamentals--data-dictionary "Tweet with media" / "Quote Tweet", author trimmed.
    const answer = {
      data: [
        {
          id: '1293593516040269825',
          text: 'It’s finally here! 🥁 Say hello to the new #TwitterAPI. https://t.co/32VrwpGaJw https://t.co/KaFSbjWUA8',
          author_id: '2244994945',
          created_at: '2020-08-12T17:01:42.000Z',
          edit_history_tweet_ids: ['1293593516040269825'],
          attachments: { media_keys: ['7_1293565706408038401'] },
          referenced_tweets: [{ type: 'quoted', id: '1327011423252144128' }],
          entities: {
            hashtags: [{ start: 42, end: 53, tag: 'TwitterAPI' }],
            urls: [
              {
                start: 195,
                end: 218,
                url: 'https://t.co/32VrwpGaJw',
                expanded_url: 'https://blog.x.com/developer/en_us/topics/tools/2020/introducing_new_twitter_api.html',
                display_url: 'blog.x.com/developer/en_u…',
                images: [
                  { url: 'https://pbs.twimg.com/news_img/1336475659279818754/_cmRh7QE?format=jpg&name=orig', width: 1200, height: 627 },
                ],
                status: 200,
              },
            ],
          },
        },
      ],
      includes: {
        users: [
          {
            id: '2244994945',
            name: 'Twitter Dev',
            username: 'TwitterDev',
            profile_image_url: 'https://pbs.twimg.com/profile_images/1283786620521652229/lEODkLTh_normal.jpg',
            verified: true,
            protected: false,
          },
        ],
      },
      meta: { result_count: 1 },
    };
    const { client } = scripted(ok(answer));
    const page = await getBookmarks(client, ME);
    expect(page.items).toEqual(answer.data);
    expect(page.includes.users).toEqual(answer.includes.users);
    expect(page.items[0]!.attachments?.media_keys).toEqual(['7_1293565706408038401']);
    expect(page.nextToken).toBeUndefined();
  });

  it('returns an empty page for an answer with no data', async () => {
    const { client } = scripted(ok({ meta: { result_count: 0 } }));
    expect(await getBookmarks(client, ME)).toEqual({
      items: [],
      includes: { users: [], tweets: [], media: [] },
      resultCount: 0,
      partialErrors: [],
    });
  });

  it('keeps partial errors on the page', async () => {
    const errors = [
      {
        value: '1327011423252144128',
        detail: 'Could not find tweet with referenced_tweets.id: [1327011423252144128].',
        title: 'Not Found Error',
        resource_type: 'tweet',
        parameter: 'referenced_tweets.id',
        resource_id: '1327011423252144128',
        type: 'https://api.x.com/2/problems/resource-not-found',
      },
    ];
    const { client } = scripted(ok({ ...BOOKMARKS, errors }));
    const page = await getBookmarks(client, ME);
    expect(page.items).toHaveLength(2);
    expect(page.partialErrors).toEqual(errors);
  });

  it('lets unknown fields through', async () => {
    const { client } = scripted(
      ok({ data: [{ id: '1', text: 'hi', note_tweet: { text: 'long' } }], meta: { result_count: 1, future: true } }),
    );
    expect((await getBookmarks(client, ME)).items[0]).toEqual({ id: '1', text: 'hi', note_tweet: { text: 'long' } });
  });

  // X's description requires nothing of a Tweet: one Perch cannot use is left out alone and counted, never the page.
  it('leaves out a post without its id or text, counted, and keeps the rest of the page', async () => {
    const data = [{ text: 'no id' }, { id: '2' }, { id: '3', text: 'kept' }];
    const { client } = scripted(ok({ data, meta: { result_count: 3 } }));
    const page = await getBookmarks(client, ME);
    expect(page.items).toEqual([{ id: '3', text: 'kept' }]);
    expect(page.dropped).toBe(2);
    // Where each stood in X's page, and the id of the one that carried it.
    expect(page.leftOut).toEqual([{ at: 0 }, { at: 1, id: '2' }]);
  });

  // Not a string where Perch needs one: that post alone is left out, not the other 99 of the page refused with it.
  it.each([
    ['text null', { id: '2', text: null }, [{ at: 1, id: '2' }]],
    ['a numeric text', { id: '2', text: 5 }, [{ at: 1, id: '2' }]],
    ['a numeric id', { id: 2, text: 'hi' }, [{ at: 1 }]],
    ['an id null', { id: null, text: 'hi' }, [{ at: 1 }]],
  ])('leaves out alone a post with %s, and keeps the rest of the page', async (_, bad, leftOut) => {
    const { client } = scripted(ok({ data: [{ id: '1', text: 'a' }, bad, { id: '3', text: 'b' }], meta: { result_count: 3 } }));
    const page = await getBookmarks(client, ME);
    expect(page.items.map((p) => p.id)).toEqual(['1', '3']);
    expect(page.leftOut).toEqual(leftOut);
  });

  it('keeps a 19-digit id exact and leaves out, never rounds, one sent as a number', async () => {
    const { client } = scripted(
      { status: 200, raw: `{"data":[{"id":"${BIG_ID}","text":"hi"}],"meta":{"result_count":1}}` },
      { status: 200, raw: `{"data":[{"id":${BIG_ID},"text":"hi"}],"meta":{"result_count":1}}` },
    );
    expect((await getBookmarks(client, ME)).items[0]!.id).toBe(BIG_ID);
    const page = await getBookmarks(client, ME);
    expect(page.items).toEqual([]);
    expect(page.leftOut).toEqual([{ at: 0 }]);
  });

  it('still refuses a page whose post id is a string that is not one', async () => {
    const { client } = scripted(
      ok({
        data: [
          { id: '1', text: 'a' },
          { id: 'x1', text: 'b' },
        ],
        meta: { result_count: 2 },
      }),
    );
    expect((await xErrorOf(getBookmarks(client, ME))).kind).toBe('malformed');
  });

  it.each([
    ['a page of 0', { maxResults: 0 }],
    ['a page of 101', { maxResults: 101 }],
    ['a page of 2.5', { maxResults: 2.5 }],
    ['an empty pagination token', { paginationToken: '' }],
    ['list fields', { fields: { 'list.fields': ['name'] } }],
    ['a field name with a comma', { fields: { 'tweet.fields': ['created_at,lang'] } }],
  ])('refuses %s before sending', async (_case, options) => {
    const { client, fetch } = scripted();
    await expectRefusedBeforeSending(getBookmarks(client, ME, options), fetch);
  });

  it('refuses a malformed user id before sending', async () => {
    const { client, fetch } = scripted();
    await expectRefusedBeforeSending(getBookmarks(client, 'me'), fetch);
  });
});

describe('bookmarkPost and unbookmarkPost', () => {
  // x-api--posts--bookmarks--quickstart--manage-bookmarks: {"data": {"bookmarked": true}} / false.
  it('POSTs /2/users/:id/bookmarks with the tweet_id and returns bookmarked', async () => {
    const { client, sent } = scripted(ok({ data: { bookmarked: true } }));
    expect(await bookmarkPost(client, ME, '1460323737035677698')).toBe(true);
    expect(sent).toEqual([{ method: 'POST', path: `/2/users/${ME}/bookmarks`, query: {}, body: { tweet_id: '1460323737035677698' } }]);
  });

  it('DELETEs /2/users/:id/bookmarks/:tweet_id and returns bookmarked', async () => {
    const { client, sent } = scripted(ok({ data: { bookmarked: false } }));
    expect(await unbookmarkPost(client, ME, '1460323737035677698')).toBe(false);
    expect(sent).toEqual([{ method: 'DELETE', path: `/2/users/${ME}/bookmarks/1460323737035677698`, query: {}, body: undefined }]);
  });

  it('sends a 19-digit post id exactly as given', async () => {
    const { client, fetch } = scripted(ok({ data: { bookmarked: true } }));
    await bookmarkPost(client, ME, BIG_ID);
    expect(fetch.mock.calls[0]![1]!.body).toBe(`{"tweet_id":"${BIG_ID}"}`);
  });

  it('reports an answer whose bookmarked is not a boolean, or with no data, as malformed', async () => {
    const { client } = scripted(ok({ data: { bookmarked: 'yes' } }), ok({}));
    expect((await xErrorOf(bookmarkPost(client, ME, '1'))).kind).toBe('malformed');
    expect((await xErrorOf(unbookmarkPost(client, ME, '1'))).kind).toBe('malformed');
  });

  it('refuses malformed ids before sending', async () => {
    const { client, fetch } = scripted();
    await expectRefusedBeforeSending(bookmarkPost(client, ME, '-1'), fetch);
    await expectRefusedBeforeSending(unbookmarkPost(client, 'x', '1'), fetch);
  });
});

describe('bookmark folders', () => {
  // Shape from docs.x.com/x-api/users/get-bookmark-folders (the local page is a one-line stub).
  const FOLDERS = { data: [{ id: '1146654567674912769', name: 'Reading list' }], meta: { next_token: 'next-folders' } };

  it('sends GET /2/users/:id/bookmarks/folders with the largest page and no fields', async () => {
    const { client, sent } = scripted(ok(FOLDERS), ok(FOLDERS));
    await getBookmarkFolders(client, ME);
    await getBookmarkFolders(client, ME, { maxResults: 5, paginationToken: 'next-folders' });
    expect(sent).toEqual([
      { method: 'GET', path: `/2/users/${ME}/bookmarks/folders`, query: { max_results: '100' }, body: undefined },
      {
        method: 'GET',
        path: `/2/users/${ME}/bookmarks/folders`,
        query: { max_results: '5', pagination_token: 'next-folders' },
        body: undefined,
      },
    ]);
  });

  it('parses folders, counting them when X sends no result_count', async () => {
    const { client } = scripted(ok(FOLDERS));
    expect(await getBookmarkFolders(client, ME)).toEqual({
      items: FOLDERS.data,
      includes: { users: [], tweets: [], media: [] },
      nextToken: 'next-folders',
      resultCount: 1,
      partialErrors: [],
    });
  });

  it('leaves out a folder without its name or id and keeps the rest (X requires neither)', async () => {
    const { client } = scripted(ok({ data: [{ id: '1', name: 'Work' }, { id: '2' }, { name: 'Nameless id' }] }));
    const page = await getBookmarkFolders(client, ME);
    expect([page.items, page.resultCount]).toEqual([[{ id: '1', name: 'Work' }], 1]);
  });

  it('leaves out alone a folder whose id is a number, never rounded; one of other than digits is still malformed', async () => {
    const { client } = scripted(
      ok({
        data: [
          { id: 1, name: 'Work' },
          { id: '2', name: 'Home' },
        ],
      }),
      ok({ data: [{ id: 'x1', name: 'Work' }] }),
    );
    const page = await getBookmarkFolders(client, ME);
    expect([page.items, page.leftOut]).toEqual([[{ id: '2', name: 'Home' }], [{ at: 0 }]]);
    expect((await xErrorOf(getBookmarkFolders(client, ME))).kind).toBe('malformed');
  });

  it('sends GET /2/users/:id/bookmarks/folders/:folder_id with no query and returns the post ids', async () => {
    // Shape from docs.x.com/x-api/users/get-bookmarks-by-folder-id: {"data": [{"id"}], "meta": {"next_token"}}.
    const { client, sent } = scripted({
      status: 200,
      raw: `{"data":[{"id":"${BIG_ID}"},{"id":"1460323737035677698"}],"meta":{"result_count":2}}`,
    });
    const page = await getBookmarkFolderPosts(client, ME, '1146654567674912769');
    expect(sent).toEqual([{ method: 'GET', path: `/2/users/${ME}/bookmarks/folders/1146654567674912769`, query: {}, body: undefined }]);
    expect(page.items).toEqual([{ id: BIG_ID }, { id: '1460323737035677698' }]);
    expect(page.resultCount).toBe(2);
  });

  it('refuses a malformed folder id before sending', async () => {
    const { client, fetch } = scripted();
    await expectRefusedBeforeSending(getBookmarkFolderPosts(client, ME, 'reading-list'), fetch);
  });
});
