import { describe, expect, it } from 'vitest';
import { filterBookmarks, type BookmarkItem } from '@/components/manager/use-bookmarks';
import { parseQuery } from '@/lib/bookmarks/query';
import { bookmarkSearchWords } from '@/components/manager/bookmarks/search-words';

/** A bookmark as the Bookmarks tab joins it, its search words made as the tab makes them (search-words.ts). */
function item(
  postId: string,
  text: string,
  extra: {
    username?: string;
    name?: string;
    tags?: string[];
    note?: string;
    read?: boolean;
    media?: number;
    at?: string;
    folders?: string[];
  } = {},
): BookmarkItem {
  const author = { accountId: '1', id: `u${postId}`, name: extra.name ?? 'Someone', username: extra.username ?? 'someone', seenAt: '' };
  const post = {
    accountId: '1',
    id: postId,
    text,
    urls: [],
    mediaCount: extra.media ?? 0,
    authorId: author.id,
    seenAt: '',
    ...(extra.at ? { createdAt: extra.at } : {}),
  };
  const shown = { post, author, tags: extra.tags ?? [], note: extra.note ?? '' };
  return {
    postId,
    position: Number(postId),
    folderIds: extra.folders ?? [],
    searchText: bookmarkSearchWords(shown),
    ...shown,
    read: extra.read ?? false,
  };
}

const ITEMS = [
  item('1', 'Rust is a systems language #rust', { username: 'ferris', tags: ['rust', 'to-read'], at: '2024-03-01T10:00:00.000Z' }),
  item('2', 'Éowyn rides to Gondor', { username: 'Tolkien', name: 'J.R.R. Tolkien', read: true, at: '2024-03-02T00:00:00.000Z' }),
  item('3', 'A photo of the sea', { username: 'painter', media: 2, tags: ['art'], at: '2024-02-29T23:59:59.000Z', folders: ['f1'] }),
  item('4', '東京の桜が満開です', { username: 'tokyo', tags: ['東京', 'to-read'], note: 'Remember the Ueno park', read: true }),
  item('5', 'Zoë Ångström on rust-free steel', {
    username: 'zoe',
    note: 'ask about the café',
    at: '2024-03-03T12:00:00.000Z',
    folders: ['f2'],
  }),
];
const FOLDERS = [
  { id: 'f1', name: 'Art & Photos' },
  { id: 'f2', name: 'Reading' },
];

const ids = (query: string, folderId = '') => filterBookmarks(ITEMS, query, folderId, FOLDERS).map((b) => b.postId);

describe('searching bookmarks', () => {
  it('keeps everything for an empty search, and the same array', () => {
    expect(filterBookmarks(ITEMS, '   ', '', FOLDERS)).toBe(ITEMS);
  });

  it('finds every word in any order, ignoring case and accents, in text, author and note', () => {
    expect(ids('RUST')).toEqual(['1', '5']);
    expect(ids('eowyn gondor')).toEqual(['2']);
    expect(ids('gondor eowyn')).toEqual(['2']);
    expect(ids('zoe angstrom')).toEqual(['5']);
    expect(ids('tolkien')).toEqual(['2']);
    expect(ids('@painter')).toEqual(['3']);
    expect(ids('cafe')).toEqual(['5']);
    expect(ids('ueno')).toEqual(['4']);
  });

  it('finds Japanese text without spaces between words', () => {
    expect(ids('桜')).toEqual(['4']);
    expect(ids('東京 満開')).toEqual(['4']);
  });

  it('matches a "quoted phrase" only as written, across line breaks and spaces', () => {
    expect(ids('"systems language"')).toEqual(['1']);
    expect(ids('"language systems"')).toEqual([]);
    const multiline = [item('9', 'hello\n\n  world')];
    expect(filterBookmarks(multiline, '"hello world"', '').map((b) => b.postId)).toEqual(['9']);
  });

  it('leaves out -word and -"phrase"', () => {
    expect(ids('rust -steel')).toEqual(['1']);
    expect(ids('-"systems language" rust')).toEqual(['5']);
  });

  it('takes a lone "-" being typed for nothing', () => {
    expect(ids('rust -')).toEqual(['1', '5']);
  });

  it('finds a #hashtag in the text, not the tag of that name', () => {
    expect(ids('#rust')).toEqual(['1']);
    expect(ids('#art')).toEqual([]);
  });

  it('filters by author with from:, any case, with or without @', () => {
    expect(ids('from:tolkien')).toEqual(['2']);
    expect(ids('from:@Ferris')).toEqual(['1']);
    expect(ids('-from:ferris rust')).toEqual(['5']);
    expect(ids('from:ferris from:zoe')).toEqual([]);
  });

  it('filters by tag with tag:, several meaning all of them', () => {
    expect(ids('tag:to-read')).toEqual(['1', '4']);
    expect(ids('tag:TO-READ tag:rust')).toEqual(['1']);
    expect(ids('tag:#東京')).toEqual(['4']);
    expect(ids('-tag:to-read')).toEqual(['2', '3', '5']);
    expect(ids('tag:nothing')).toEqual([]);
  });

  it('filters by media, and by read state', () => {
    expect(ids('has:media')).toEqual(['3']);
    expect(ids('-has:media')).toEqual(['1', '2', '4', '5']);
    expect(ids('is:read')).toEqual(['2', '4']);
    expect(ids('is:unread')).toEqual(['1', '3', '5']);
    expect(ids('-is:read')).toEqual(['1', '3', '5']);
  });

  it('filters by the post date in UTC with since: (inclusive) and until: (exclusive, as on X)', () => {
    expect(ids('since:2024-03-01')).toEqual(['1', '2', '5']);
    expect(ids('until:2024-03-01')).toEqual(['3']);
    expect(ids('since:2024-03-01 until:2024-03-03')).toEqual(['1', '2']);
    // A post without a date cannot be said to be in a range.
    expect(ids('since:2000-01-01')).not.toContain('4');
  });

  it('takes a bad date, or an operator it does not know, for a plain word', () => {
    expect(parseQuery('since:2024-02-30').include).toEqual(['since:2024-02-30']);
    expect(parseQuery('until:yesterday').include).toEqual(['until:yesterday']);
    expect(parseQuery('lang:en').include).toEqual(['lang:en']);
    expect(parseQuery('tag:c++').include).toEqual(['tag:c++']);
    expect(parseQuery('https://example.com').include).toEqual(['https://example.com']);
    expect(ids('since:2024-13-01')).toEqual([]);
  });

  it('filters by folder name with folder:"name", and by the folder chosen', () => {
    expect(ids('folder:"art & photos"')).toEqual(['3']);
    expect(ids('folder:reading')).toEqual(['5']);
    expect(ids('folder:"no such folder"')).toEqual([]);
    expect(ids('', 'f2')).toEqual(['5']);
    expect(ids('rust', 'f2')).toEqual(['5']);
  });

  it('combines operators and words', () => {
    expect(ids('tag:to-read is:unread rust')).toEqual(['1']);
    expect(ids('is:read -tag:東京 from:tolkien "rides to"')).toEqual(['2']);
    expect(ids('since:2024-03-01 -is:read -has:media steel')).toEqual(['5']);
  });

  it('parses a whole query into its parts', () => {
    expect(
      parseQuery('Café "Two Words" -Nope from:@Ada tag:#Rust has:media is:unread since:2024-01-01 until:2024-02-01 folder:"My Folder"'),
    ).toEqual({
      include: ['cafe', 'two words'],
      exclude: ['nope'],
      from: ['ada'],
      notFrom: [],
      tags: ['rust'],
      notTags: [],
      hasMedia: true,
      read: false,
      since: '2024-01-01',
      until: '2024-02-01',
      folders: ['my folder'],
    });
  });

  it('reads an unclosed quote to the end', () => {
    expect(parseQuery('"half a phrase').include).toEqual(['half a phrase']);
  });
});
