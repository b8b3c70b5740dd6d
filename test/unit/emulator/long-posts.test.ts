import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { LONG_POST_WORD, SEED_LISTS, SEED_POSTS } from '../../emulator/seed';
import { emu, token, withAdaSignedIn } from '../support/emulator';
import { ADA_ID, GRACE_ID, api } from './helpers';

// Long posts (x-api--fundamentals--data-dictionary, `note_tweet`: "the full text of a Post for long-form Posts
// (>280 characters)"; the description's Tweet.note_tweet {text, entities}). Lengths are checked with twitter-text
// itself, the library fundamentals--counting-characters points to.
const twitterText = createRequire(import.meta.url)('twitter-text') as { parseTweet(t: string): { weightedLength: number } };

interface UrlEntity {
  start: number;
  end: number;
  url: string;
  expanded_url?: string;
}
interface Entities {
  urls?: UrlEntity[];
  mentions?: { start: number; end: number; username: string; id?: string }[];
}
interface Post {
  id: string;
  text: string;
  entities?: Entities;
  note_tweet?: { text: string; entities?: Entities };
  display_text_range?: [number, number];
}

const LIST_SCOPES = ['tweet.read', 'users.read', 'bookmark.read', 'list.read', 'offline.access'];
const LONG = SEED_POSTS.turingLong;

withAdaSignedIn(LIST_SCOPES);

async function get<T>(path: string): Promise<T> {
  const res = await api(emu, path, token);
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

/** The text an entity covers, by code points as X counts indices. */
const covered = (text: string, e: { start: number; end: number }) => [...text].slice(e.start, e.end).join('');

describe('a post over 280 characters', () => {
  it('carries only its start in `text`, within 280 weighted characters, ending in … and a link to the post', async () => {
    const { data } = await get<{ data: Post }>(`/2/tweets/${LONG}?tweet.fields=entities,display_text_range`);
    expect(twitterText.parseTweet(data.text).weightedLength).toBeLessThanOrEqual(280);
    expect(data.text).not.toContain(LONG_POST_WORD);
    expect(data.text).toMatch(/^On computable numbers, revisited 🧵 .+\S… https:\/\/t\.co\/\w{10}$/su);
    expect(data.note_tweet).toBeUndefined();
    // Its entities index that start: the link to the post is the last URL; the mention after 280 is not there.
    const self = data.entities!.urls!.at(-1)!;
    expect(covered(data.text, self)).toBe(self.url);
    expect(self.expanded_url).toBe(`https://x.com/i/web/status/${LONG}`);
    expect(data.entities!.mentions).toBeUndefined();
    expect(data.display_text_range![1]).toBe([...data.text].indexOf('…') + 1);
  });

  it('carries its whole text and entities in `note_tweet` when `tweet.fields` asks for it', async () => {
    const { data } = await get<{ data: Post }>(`/2/tweets/${LONG}?tweet.fields=note_tweet`);
    const note = data.note_tweet!;
    expect(twitterText.parseTweet(note.text).weightedLength).toBeGreaterThan(280);
    expect(note.text).toContain(LONG_POST_WORD);
    expect([...note.text.slice(0, note.text.indexOf(LONG_POST_WORD))].length).toBeGreaterThan(280);
    expect(note.text.startsWith(data.text.slice(0, data.text.indexOf('…')))).toBe(true);
    // Entities index the whole text: the mention and the link after character 280.
    const [mention] = note.entities!.mentions!;
    expect(covered(note.text, mention!)).toBe('@gracehop');
    expect(mention!.id).toBe(GRACE_ID);
    const [url] = note.entities!.urls!;
    expect(url!.start).toBeGreaterThan(280);
    expect(covered(note.text, url!)).toBe(url!.url);
    expect(url!.expanded_url).toBe('https://example.com/on-computable-numbers');
  });

  it('is served with `note_tweet` by the bookmarks and a List’s posts, as by the lookup', async () => {
    const bookmarks = await get<{ data: Post[] }>(`/2/users/${ADA_ID}/bookmarks?max_results=100&tweet.fields=note_tweet`);
    const bookmarked = bookmarks.data.find((p) => p.id === LONG);
    expect(bookmarked?.note_tweet?.text).toContain(LONG_POST_WORD);
    const listPosts = await get<{ data: Post[] }>(`/2/lists/${SEED_LISTS.adaCompilers}/tweets?max_results=20&tweet.fields=note_tweet`);
    expect(listPosts.data.find((p) => p.id === LONG)?.note_tweet?.text).toContain(LONG_POST_WORD);
  });

  it('posts of 280 characters or fewer have no `note_tweet`', async () => {
    const { data } = await get<{ data: Post[] }>(`/2/tweets?ids=${SEED_POSTS.adaHello},${SEED_POSTS.turingCjk}&tweet.fields=note_tweet`);
    expect(data.map((p) => p.note_tweet)).toEqual([undefined, undefined]);
  });
});
