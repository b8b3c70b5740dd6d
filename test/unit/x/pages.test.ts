import { describe, expect, it } from 'vitest';
import { XApiError } from '@/lib/x/errors';
import { fieldQuery, getOne, getPage, pageQuery, type Endpoint } from '@/lib/x/pages';
import { folderSchema, postSchema } from '@/lib/x/schemas';
import { caught } from '../support/caught';
import { ok, scripted, xErrorOf } from './support';

const ENDPOINT: Endpoint = {
  fieldParams: ['tweet.fields', 'user.fields', 'expansions'],
  defaults: { 'tweet.fields': ['created_at', 'author_id'], expansions: ['author_id'] },
  maxResults: { min: 5, max: 100 },
};

describe('pageQuery', () => {
  it('sends the defaults and the largest page when given nothing', () => {
    expect(pageQuery(ENDPOINT)).toEqual({ max_results: 100, 'tweet.fields': 'created_at,author_id', expansions: 'author_id' });
  });

  it('replaces a default parameter by parameter; an empty array drops it; duplicates go once', () => {
    const fields = { 'tweet.fields': ['lang', 'lang'], expansions: [], 'user.fields': ['username'] };
    expect(pageQuery(ENDPOINT, { maxResults: 5, paginationToken: 'next', fields })).toEqual({
      max_results: 5,
      pagination_token: 'next',
      'tweet.fields': 'lang',
      'user.fields': 'username',
    });
  });

  it.each([
    ['a size below the range', { maxResults: 4 }],
    ['a size above the range', { maxResults: 101 }],
    ['a size that is not a whole number', { maxResults: Number.NaN }],
    ['an empty token', { paginationToken: '' }],
    ['a parameter the endpoint does not take', { fields: { 'media.fields': ['url'] } }],
    ['a field name that is not one', { fields: { expansions: ['author_id&x=1'] } }],
  ])('refuses %s', (_case, options) => {
    const error = caught(XApiError, () => pageQuery(ENDPOINT, options));
    expect([error.kind, error.status]).toEqual(['invalid-request', undefined]);
  });

  it('refuses paging options for an endpoint that does not page', () => {
    const single: Endpoint = { fieldParams: [], defaults: {} };
    expect(pageQuery(single)).toEqual({});
    expect(caught(XApiError, () => pageQuery(single, { maxResults: 10 })).kind).toBe('invalid-request');
  });

  it('fieldQuery alone takes no paging parameters', () => {
    expect(fieldQuery(ENDPOINT, undefined)).toEqual({ 'tweet.fields': 'created_at,author_id', expansions: 'author_id' });
  });
});

describe('getPage and getOne', () => {
  it('reads next and previous tokens from meta (x-api--fundamentals--pagination, "Response structure")', async () => {
    const { client, sent } = scripted(
      ok({
        data: [
          { id: '1234', text: '...' },
          { id: '1235', text: '...' },
        ],
        meta: { result_count: 100, next_token: '7140w9gefhslx3', previous_token: '77qp89slxjd' },
      }),
    );
    const page = await getPage(client, { path: '/2/x', query: { max_results: 100 }, item: postSchema });
    expect(sent[0]!.query).toEqual({ max_results: '100' });
    expect(page).toEqual({
      items: [
        { id: '1234', text: '...' },
        { id: '1235', text: '...' },
      ],
      includes: { users: [], tweets: [], media: [] },
      nextToken: '7140w9gefhslx3',
      previousToken: '77qp89slxjd',
      resultCount: 100,
      partialErrors: [],
    });
  });

  it('reports errors that are not a list, or an empty next token, as malformed', async () => {
    const { client } = scripted(ok({ data: [], errors: { title: 'x' } }), ok({ data: [], meta: { next_token: '' } }));
    expect((await xErrorOf(getPage(client, { path: '/2/x', query: {}, item: postSchema }))).kind).toBe('malformed');
    expect((await xErrorOf(getPage(client, { path: '/2/x', query: {}, item: postSchema }))).kind).toBe('malformed');
  });

  it('returns a looked-up item with its includes and any partial errors', async () => {
    const errors = [{ title: 'Not Found Error', resource_type: 'tweet', resource_id: '2' }];
    const { client } = scripted(ok({ data: { id: '1', text: 'hi', referenced_tweets: [{ type: 'quoted', id: '2' }] }, errors }));
    expect(await getOne(client, { path: '/2/tweets/1', query: {}, item: postSchema })).toEqual({
      item: { id: '1', text: 'hi', referenced_tweets: [{ type: 'quoted', id: '2' }] },
      includes: { users: [], tweets: [], media: [] },
      partialErrors: errors,
    });
  });
});

describe('a page whose items X’s description requires nothing of (BookmarkFoldersResponse)', () => {
  const folders = { path: '/2/users/1/bookmarks/folders', query: {}, item: folderSchema, needed: ['id', 'name'] };

  it('leaves out a folder without a name or an id, and keeps the others', async () => {
    const { client } = scripted(ok({ data: [{ id: '11', name: 'Work' }, { id: '12' }, { name: 'No id' }], meta: {} }));
    const page = await getPage(client, folders);
    expect(page.items).toEqual([{ id: '11', name: 'Work' }]);
  });

  it('leaves out alone a folder whose id is a number (never rounded into another), and keeps the others', async () => {
    const { client } = scripted({ status: 200, raw: '{"data":[{"id":11,"name":"Work"},{"id":"12","name":"Home"}]}' });
    const page = await getPage(client, folders);
    expect([page.items, page.dropped, page.leftOut]).toEqual([[{ id: '12', name: 'Home' }], 1, [{ at: 0 }]]);
  });

  it('still refuses a folder whose id is a string of other than digits as malformed', async () => {
    const { client } = scripted({ status: 200, raw: '{"data":[{"id":"eleven","name":"Work"}]}' });
    expect((await xErrorOf(getPage(client, folders))).kind).toBe('malformed');
  });
});
