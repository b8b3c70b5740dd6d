import { describe, expect, it } from 'vitest';
import { getPost, getPosts } from '@/lib/x/posts';
import { BIG_ID, expectRefusedBeforeSending, ok, scripted, xErrorOf } from './support';

const CARD_QUERY = {
  'tweet.fields': 'created_at,author_id,entities,attachments,referenced_tweets,note_tweet',
  expansions: 'author_id',
  'user.fields': 'profile_image_url,description,protected,verified',
};

const TWITTER_DEV = {
  created_at: '2013-12-14T04:35:55.000Z',
  id: '2244994945',
  protected: false,
  username: 'TwitterDev',
  verified: true,
  description: 'The voice of the #TwitterDev team and your official source for updates, news, and events, related to the #TwitterAPI.',
  pinned_tweet_id: '1293593516040269825',
  public_metrics: { followers_count: 513962, following_count: 2039, tweet_count: 3635, listed_count: 1672 },
  location: '127.0.0.1',
  name: 'Twitter Dev',
  profile_image_url: 'https://pbs.twimg.com/profile_images/1283786620521652229/lEODkLTh_normal.jpg',
  url: 'https://t.co/3ZX3TNiZCY',
};

// x-api--fundamentals--data-dictionary, "Quote Tweet" example payload (context_annotations shortened).
const QUOTE_TWEET = {
  data: [
    {
      lang: 'en',
      conversation_id: '1328399838128467969',
      text: 'As planned, the Labs v2 endpoints referenced below have now been retired. Please let us know in the forums if you have questions or need help with the X API v2! https://t.co/JaxttUMmjX',
      referenced_tweets: [{ type: 'quoted', id: '1327011423252144128' }],
      possibly_sensitive: false,
      entities: {
        annotations: [{ start: 151, end: 157, probability: 0.8115, type: 'Product', normalized_text: 'Twitter' }],
        urls: [
          {
            start: 167,
            end: 190,
            url: 'https://t.co/JaxttUMmjX',
            expanded_url: 'https://x.com/TwitterDev/status/1327011423252144128',
            display_url: 'twitter.com/TwitterDev/sta…',
          },
        ],
      },
      id: '1328399838128467969',
      public_metrics: { retweet_count: 7, reply_count: 4, like_count: 29, quote_count: 1 },
      author_id: '2244994945',
      context_annotations: [
        { domain: { id: '47', name: 'Brand', description: 'Brands and Companies' }, entity: { id: '10045225402', name: 'Twitter' } },
      ],
      source: 'Twitter Web App',
      created_at: '2020-11-16T18:09:36.000Z',
    },
  ],
  includes: {
    users: [TWITTER_DEV],
    tweets: [
      {
        lang: 'en',
        conversation_id: '1327011423252144128',
        text: '👋 Friendly reminder that Twitter Developer Labs v2 hide replies and recent search will be retired next Monday, November 16! We encourage you to migrate to the new hide replies and recent search endpoints now available in the v2 #TwitterAPI. Details: https://t.co/r6z6CI7kEy',
        possibly_sensitive: false,
        entities: {
          hashtags: [{ start: 228, end: 239, tag: 'TwitterAPI' }],
          urls: [
            {
              start: 250,
              end: 273,
              url: 'https://t.co/r6z6CI7kEy',
              expanded_url: 'https://devcommunity.x.com/t/retiring-labs-v2-recent-search-and-hide-replies/145795',
              display_url: 'devcommunity.com/t/retiring-lab…',
              status: 200,
              title: 'Retiring Labs v2 recent search and hide replies',
              unwound_url: 'https://devcommunity.x.com/t/retiring-labs-v2-recent-search-and-hide-replies/145795',
            },
          ],
        },
        id: '1327011423252144128',
        public_metrics: { retweet_count: 8, reply_count: 2, like_count: 33, quote_count: 4 },
        author_id: '2244994945',
        source: 'Twitter Web App',
        created_at: '2020-11-12T22:12:32.000Z',
      },
    ],
  },
};

// x-api--fundamentals--expansions, "Combining with fields" response.
const WITH_MEDIA = {
  data: { id: '1234567890', text: 'Check out this image!', author_id: '2244994945', attachments: { media_keys: ['3_1234567890'] } },
  includes: {
    users: [
      {
        id: '2244994945',
        name: 'X Developers',
        username: 'xdevelopers',
        description: 'The voice of the X Developer Platform',
        public_metrics: { followers_count: 570842 },
      },
    ],
    media: [{ media_key: '3_1234567890', type: 'photo', url: 'https://pbs.twimg.com/media/example.jpg', alt_text: 'Example image' }],
  },
};

describe('getPost', () => {
  it('sends GET /2/tweets/:id with the card fields', async () => {
    const { client, sent } = scripted(ok({ data: WITH_MEDIA.data }));
    await getPost(client, '1234567890');
    expect(sent).toEqual([{ method: 'GET', path: '/2/tweets/1234567890', query: CARD_QUERY, body: undefined }]);
  });

  it('parses the documented answer, asked with the expansions it was made with', async () => {
    const { client } = scripted(ok(WITH_MEDIA));
    const fields = { expansions: ['author_id', 'attachments.media_keys'] };
    expect(await getPost(client, '1234567890', { fields })).toEqual(WITH_MEDIA.data);
  });

  it('reports a 200 with only errors as not-found, keeping the errors', async () => {
    const errors = [
      { resource_id: BIG_ID, resource_type: 'tweet', title: 'Not Found Error', detail: `Could not find tweet with id: [${BIG_ID}].` },
    ];
    const { client } = scripted(ok({ errors }));
    const error = await xErrorOf(getPost(client, BIG_ID));
    expect(error.kind).toBe('not-found');
    expect(error.partialErrors).toEqual(errors);
  });

  it('reports a 200 with neither data nor errors as malformed', async () => {
    const { client } = scripted(ok({}));
    expect((await xErrorOf(getPost(client, '1'))).kind).toBe('malformed');
  });

  it('reports a post without its text as malformed', async () => {
    const { client } = scripted(ok({ data: { id: '1234567890', author_id: '2244994945' } }));
    expect((await xErrorOf(getPost(client, '1234567890'))).kind).toBe('malformed');
  });

  it('keeps a 19-digit id exact and refuses one sent as a number', async () => {
    const { client } = scripted(
      { status: 200, raw: `{"data":{"id":"${BIG_ID}","text":"hi","author_id":"${BIG_ID}"}}` },
      { status: 200, raw: `{"data":{"id":${BIG_ID},"text":"hi"}}` },
    );
    const post = await getPost(client, BIG_ID);
    expect([post.id, post.author_id]).toEqual([BIG_ID, BIG_ID]);
    expect((await xErrorOf(getPost(client, BIG_ID))).kind).toBe('malformed');
  });

  it.each([[''], ['12 34'], ['../users/me'], ['1e5']])('refuses the id %j before sending', async (id) => {
    const { client, fetch } = scripted();
    await expectRefusedBeforeSending(getPost(client, id), fetch);
  });
});

describe('getPosts', () => {
  it('sends GET /2/tweets with the ids, duplicates once, and the card fields', async () => {
    const { client, sent } = scripted(ok({ data: QUOTE_TWEET.data }));
    await getPosts(client, ['1328399838128467969', BIG_ID, '1328399838128467969']);
    expect(sent).toEqual([
      { method: 'GET', path: '/2/tweets', query: { ids: `1328399838128467969,${BIG_ID}`, ...CARD_QUERY }, body: undefined },
    ]);
  });

  it('parses the documented quote post with its author and quoted post in includes, unknown fields kept', async () => {
    const { client } = scripted(ok(QUOTE_TWEET));
    const page = await getPosts(client, ['1328399838128467969'], { fields: { expansions: ['author_id', 'referenced_tweets.id'] } });
    expect(page.items).toEqual(QUOTE_TWEET.data);
    expect(page.items[0]!.referenced_tweets).toEqual([{ type: 'quoted', id: '1327011423252144128' }]);
    expect(page.items[0]!.entities?.urls?.[0]?.expanded_url).toBe('https://x.com/TwitterDev/status/1327011423252144128');
    expect(page.items[0]!['source']).toBe('Twitter Web App');
    expect(page.includes).toEqual({ users: [TWITTER_DEV], tweets: QUOTE_TWEET.includes.tweets, media: [] });
    expect(page).toMatchObject({ resultCount: 1, partialErrors: [] });
    expect(page.nextToken).toBeUndefined();
  });

  it('keeps the partial errors of posts X could not return', async () => {
    // x-api--posts--lookup--integrate, "Deleted or protected Posts".
    const errors = [
      {
        resource_id: '1234567891',
        resource_type: 'tweet',
        title: 'Not Found Error',
        detail: 'Could not find tweet with id: [1234567891].',
      },
    ];
    const { client } = scripted(ok({ data: [{ id: '1234567890', text: 'Available post' }], errors }));
    const page = await getPosts(client, ['1234567890', '1234567891']);
    expect(page.items).toEqual([{ id: '1234567890', text: 'Available post' }]);
    expect(page.partialErrors).toEqual(errors);
  });

  it('returns an empty page when every post is gone', async () => {
    const errors = [{ resource_id: '1', resource_type: 'tweet', title: 'Not Found Error' }];
    const { client } = scripted(ok({ errors }));
    expect(await getPosts(client, ['1'])).toEqual({
      items: [],
      includes: { users: [], tweets: [], media: [] },
      resultCount: 0,
      partialErrors: errors,
    });
  });

  it('reports an included user without a username as malformed', async () => {
    const { client } = scripted(ok({ ...QUOTE_TWEET, includes: { users: [{ id: '2244994945', name: 'Twitter Dev' }] } }));
    expect((await xErrorOf(getPosts(client, ['1328399838128467969']))).kind).toBe('malformed');
  });

  it('keeps 19-digit ids exact, in data and in includes', async () => {
    const raw = `{"data":[{"id":"${BIG_ID}","text":"hi","author_id":"${BIG_ID}","referenced_tweets":[{"type":"quoted","id":"${BIG_ID}"}]}],"includes":{"users":[{"id":"${BIG_ID}","name":"A","username":"a"}]}}`;
    const { client } = scripted({ status: 200, raw });
    const page = await getPosts(client, [BIG_ID]);
    expect([page.items[0]!.id, page.items[0]!.author_id, page.items[0]!.referenced_tweets![0]!.id, page.includes.users[0]!.id]).toEqual([
      BIG_ID,
      BIG_ID,
      BIG_ID,
      BIG_ID,
    ]);
  });

  it('sends the fields asked for instead of the defaults', async () => {
    const { client, sent } = scripted(ok({ data: [] }));
    await getPosts(client, ['1'], { fields: { expansions: ['author_id', 'attachments.media_keys'], 'media.fields': ['url', 'alt_text'] } });
    expect(sent[0]!.query).toEqual({
      ...CARD_QUERY,
      ids: '1',
      expansions: 'author_id,attachments.media_keys',
      'media.fields': 'url,alt_text',
    });
  });

  it.each([
    ['no ids', []],
    ['101 ids', Array.from({ length: 101 }, (_, i) => String(i + 1))],
    ['an empty id', ['']],
    ['an id with a comma', ['1,2']],
  ])('refuses %s before sending', async (_case, ids) => {
    const { client, fetch } = scripted();
    await expectRefusedBeforeSending(getPosts(client, ids), fetch);
  });
});
